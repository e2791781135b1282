/**
 * A long mark that grows at its end, drawn as two SVG paths: a body that keeps its string while its
 * points are still the mark's first ones, and a short tail with the rest. A frame that changes only
 * the last points (a landscape's path on a long history: the newest picks come and go as the run
 * plays) rewrites the tail only, and the browser parses, lays out and paints a few points, not the
 * whole mark. Once the tail is TAIL_MAX points long, or a point of the body changes, the body is
 * drawn again with all but the last TAIL_KEEP points. (The loss chart's lines follow the same rule
 * and bounds with their own pixel arrays, ghosts and unplaced points: lossChartLayers.tsx.)
 */
export interface BodyAndTail<P> {
  readonly points: readonly P[];
  /** How many of the first points the body draws. */
  readonly bodyCount: number;
  readonly body: string;
  /** The other points ('' when there are none); joined: from the body's last point on. */
  readonly tail: string;
  /** What the strings were drawn for (the chart's scales): another key draws afresh. */
  readonly key: unknown;
}

export const TAIL_MAX = 48;
export const TAIL_KEEP = 4;

/**
 * `points` as a body and a tail, keeping `before`'s body while `before` was drawn for the same key,
 * its body's points are still the first ones (`same`) and the tail is short. `draw` makes the string
 * of a run of points. `joined`: the tail starts at the body's last point, so that a line through the
 * points draws the same segments in two paths as in one; dots need no joint.
 */
export function bodyAndTail<P>(
  points: readonly P[],
  before: BodyAndTail<P> | null,
  key: unknown,
  draw: (points: readonly P[]) => string,
  same: (a: P, b: P) => boolean,
  joined: boolean,
): BodyAndTail<P> {
  const count = points.length;
  const keep =
    before !== null &&
    before.key === key &&
    before.bodyCount <= count &&
    count - before.bodyCount <= TAIL_MAX &&
    sameFirst(before.points, points, before.bodyCount, same);
  const bodyCount = keep ? before.bodyCount : Math.max(0, count - TAIL_KEEP);
  const body = keep ? before.body : draw(points.slice(0, bodyCount));
  const from = joined ? Math.max(0, bodyCount - 1) : bodyCount;
  const tail = bodyCount >= count ? '' : draw(points.slice(from));
  return { points, bodyCount, body, tail, key };
}

function sameFirst<P>(a: readonly P[], b: readonly P[], n: number, same: (a: P, b: P) => boolean): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * bodyAndTail with the last drawing kept per key (a chart's scales, one object per chart until its
 * axes change), for a mark each chart draws once. The picture is the same whatever was drawn
 * before: only where the body ends depends on it.
 */
export function bodyAndTailCache<P, K extends object>(
  draw: (points: readonly P[], key: K) => string,
  same: (a: P, b: P) => boolean,
  joined: boolean,
): (points: readonly P[], key: K) => BodyAndTail<P> {
  const last = new WeakMap<K, BodyAndTail<P>>();
  return (points, key) => {
    const drawn = bodyAndTail(points, last.get(key) ?? null, key, (some) => draw(some, key), same, joined);
    last.set(key, drawn);
    return drawn;
  };
}
