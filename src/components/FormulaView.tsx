import type { RunId } from '../store/playground';

/** The update rule with the current numbers substituted (being built). */
export function FormulaView(_props: { id: RunId }) {
  return null;
}
