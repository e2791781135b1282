import type { RunId } from '../store/playground';

/** cost(w, b) as a contour map with the run's trajectory (being built). */
export function Landscape2D(_props: { id: RunId; height?: number }) {
  return null;
}
