import type { RunId } from '../store/playground';

/** What the lecture's script prints up to the current epoch (being built). */
export function PythonOutput(_props: { id: RunId }) {
  return null;
}
