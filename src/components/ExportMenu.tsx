import type { RefObject } from 'react';

/** Loss chart as PNG/SVG, each run's history as CSV (being built). */
export function ExportMenu(_props: { chart: RefObject<HTMLElement | null> }) {
  return null;
}
