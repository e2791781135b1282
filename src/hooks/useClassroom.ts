import type { PlaygroundStore } from '../store/playground';

/** URL state, theme and presentation mode wiring (being built). */
export function useClassroom(_store: PlaygroundStore): void {}
