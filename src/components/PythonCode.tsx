import type { RunId } from '../store/playground';

/** The lecture's script with the current settings filled in (being built). */
export function PythonCode(_props: { id: RunId }) {
  return null;
}
