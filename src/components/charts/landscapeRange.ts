/**
 * The range of w the 1-D landscape draws: centred on the optimum, zooming out to follow a run that
 * bounces across it, never so far that a drawn cost stops being a finite double. Plot bounds, so
 * they live with the chart, not in the core.
 */

/** The w-interval to draw, and whether some w of the run lies outside it. */
export interface LandscapeRange {
  readonly min: number;
  readonly max: number;
  /** Some w (the trajectory or the current one) is off the chart: beyond the cap, or not finite. */
  readonly clipped: boolean;
  /** The centre (w*) and how far from it a w is still drawn (landscapeReach): what `clipped` tests. */
  readonly centre: number;
  readonly limit: number;
}

export interface LandscapeRangeOptions {
  /** The half-width never exceeds cap·|w₀ − w*| (before padding). Default LANDSCAPE_CAP. */
  readonly cap?: number;
  /** Extra room on each side, as a fraction of the half-width. Default 0.15. */
  readonly padding?: number;
}

/**
 * How far from w* the landscape follows a run, in units of |w₀ − w*|: far enough that a run bouncing
 * across w* with growing steps stays in view for its first bounces (at α = 1 on the lecture's data
 * GD's distance grows 8.3-fold an epoch, SGD's 119-fold: epochs 0–5 of both are within 10¹²), near
 * enough that every drawn cost, ~x²·|w − w*|², stays a finite double with room to spare. The
 * parabola looks the same at every zoom, so following it that far costs the picture nothing.
 */
export const LANDSCAPE_CAP = 1e12;
export const LANDSCAPE_PADDING = 0.15;

/**
 * The centre of the landscape (w*, or w₀ when w* is not finite) and how far from it a w may be and
 * still be drawn: cap·d with d = |w₀ − w*| (1 when w₀ = w*).
 */
export function landscapeReach(
  w0: number,
  wStar: number,
  cap: number = LANDSCAPE_CAP,
): { readonly centre: number; readonly base: number; readonly limit: number } {
  const start = Number.isFinite(w0) ? w0 : 0;
  const centre = Number.isFinite(wStar) ? wStar : start;
  const gap = Math.abs(start - centre);
  const base = gap > 0 && Number.isFinite(gap) ? gap : 1;
  return { centre, base, limit: cap * base };
}

/**
 * The range of w to draw, centred on the optimum so the bowl looks like a bowl:
 * [w* − h, w* + h] with h = (1 + padding)·max(d, max_i |wᵢ − w*|) over the wᵢ ∈ {w₀, current,
 * trajectory} within the reach cap·d of w* (landscapeReach). So the chart zooms out to follow a run
 * that bounces ever farther across w*; a w beyond the reach (or not finite) is left off the chart
 * and `clipped` is true, instead of flattening the parabola into a line.
 */
export function landscapeRange(
  w0: number,
  wStar: number,
  trajectory: ArrayLike<number>,
  current: number,
  options: LandscapeRangeOptions = {},
): LandscapeRange {
  const padding = options.padding ?? LANDSCAPE_PADDING;
  const { centre, base, limit } = landscapeReach(w0, wStar, options.cap ?? LANDSCAPE_CAP);
  let farthest = 0;
  let clipped = false;
  const visit = (w: number) => {
    const distance = Math.abs(w - centre);
    if (!(distance <= limit)) clipped = true;
    else if (distance > farthest) farthest = distance;
  };
  visit(current);
  for (let i = 0; i < trajectory.length; i++) visit(trajectory[i]!);
  const reach = Math.max(base, farthest);
  // A half-width below the spacing of doubles near w* would draw a single column of pixels.
  const half = Math.max(reach * (1 + padding), Math.max(1, Math.abs(centre)) * 1e-9);
  return { min: centre - half, max: centre + half, clipped, centre, limit };
}
