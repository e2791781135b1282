import { useStoreWriter } from '../../hooks/useStoreWriter';
import type { PlaygroundState } from '../../store/playground';
import { writeText } from './Counter';

/**
 * Plain text that `select` reads from the playground store, written into its box by itself
 * (useStoreWriter): at the readout cadence while the runs play, with no React render. For text that
 * changes every frame beside text that does not (a run's printed loss and prediction under its
 * picture). `select` should keep its identity (memoise it per run).
 */
export function StoreText({ select }: { readonly select: (state: PlaygroundState) => string }) {
  const ref = useStoreWriter(select, writeText);
  return <span ref={ref} />;
}
