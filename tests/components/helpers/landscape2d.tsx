import { act, render } from '@testing-library/react';
import { Landscape2D } from '../../../src/components/charts/Landscape2D';
import { presetData } from '../../../src/core';
import { PlaygroundProvider } from '../../../src/store/context';
import {
  createPlaygroundStore,
  DEFAULT_SETTINGS,
  type PlaygroundSettings,
  type PlaygroundStore,
  type RunId,
} from '../../../src/store/playground';

/** The 2-D landscape's tests: the offset preset (y = 2x + 1 with noise), where b matters. */
export const OFFSET = presetData('offset', 1);

/** A store on the offset data with the bias model, and `patch`. */
export function offsetStore(patch: Partial<PlaygroundSettings> = {}): PlaygroundStore {
  return createPlaygroundStore({ ...DEFAULT_SETTINGS, ...OFFSET, model: 'wb', ...patch });
}

/** Run `id`'s 2-D landscape at a fixed size (jsdom lays nothing out). */
export function renderMap(id: RunId, store: PlaygroundStore) {
  const view = render(
    <PlaygroundProvider store={store}>
      <Landscape2D id={id} width={600} height={260} />
    </PlaygroundProvider>,
  );
  return { store, ...view };
}

/** `times` steps of the store's clock, each its own render. */
export const step = (store: PlaygroundStore, times: number) =>
  act(() => {
    for (let k = 0; k < times; k++) store.getState().actions.step();
  });
