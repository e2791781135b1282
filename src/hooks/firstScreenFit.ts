// The first screen's fit (see useFirstScreenFit), without React: the poster of the first screen
// (src/poster/poster.ts) fits itself with it before the app has loaded.

/** The plot boxes the first screen is fitted around: the runs' landscapes and the loss chart. */
const LANDSCAPE_BOXES = '.run .chart-plot-box, .run .landscape2d-frame';
const LOSS_BOXES = '.loss-panel .chart-plot-host';

/** What the first screen keeps, at the least and at the most, whatever the window. */
export const PLOT_HEIGHT_LIMITS = { min: 200, max: 760 } as const;

/** Room left under a plot box: its figure's readout and legend, the panel's padding, a margin. */
const BELOW_PLOT_PX = 12;

/**
 * The room kept on the first screen for what a figure shows under its plot (its readout's first
 * lines), whatever it shows now: a landscape's readout grows from one line to three when Play is
 * pressed (w gets its sixteen digits), and the picture must not shrink then, under the teacher's hands
 * (nor cost the page a second layout at 4× CPU in the run's first frames).
 */
const FOOT_PX = 56;

/**
 * The height a plot box gets so that it ends on the first screen: the window's height, less where
 * the box starts (in document coordinates, so scrolling changes nothing) and what its figure shows
 * under it, within PLOT_HEIGHT_LIMITS. The lowest box of a group decides, so the group stays level.
 */
export function firstScreenPlotHeight(
  viewportHeight: number,
  boxes: readonly { readonly top: number; readonly below: number }[],
): number | null {
  if (boxes.length === 0) return null;
  const room = Math.min(...boxes.map((box) => viewportHeight - box.top - box.below - BELOW_PLOT_PX));
  return Math.round(Math.min(PLOT_HEIGHT_LIMITS.max, Math.max(PLOT_HEIGHT_LIMITS.min, room)));
}

function measure(selector: string, within: ParentNode): { top: number; below: number }[] {
  return [...within.querySelectorAll<HTMLElement>(selector)].map((box) => {
    const rect = box.getBoundingClientRect();
    const panel = box.closest<HTMLElement>('.panel');
    const padding = panel ? Number.parseFloat(getComputedStyle(panel).paddingBottom) || 0 : 0;
    // The readout's first lines belong on the first screen too; a long legend may go below it.
    return { top: rect.top + window.scrollY, below: FOOT_PX + padding };
  });
}

/**
 * Sets --landscape-plot-height and --loss-plot-height on `element` (the app's root) to what is left
 * of the window's height under the bars and the runs' headings. `priority` 'important' outranks the
 * poster's captured values.
 */
export function fitFirstScreen(element: HTMLElement, priority: '' | 'important' = ''): void {
  for (const [variable, selector] of [
    ['--landscape-plot-height', LANDSCAPE_BOXES],
    ['--loss-plot-height', LOSS_BOXES],
  ] as const) {
    const height = firstScreenPlotHeight(window.innerHeight, measure(selector, element));
    const value = height === null ? '' : `${height}px`;
    if (element.style.getPropertyValue(variable) !== value)
      element.style.setProperty(variable, value, priority);
  }
}
