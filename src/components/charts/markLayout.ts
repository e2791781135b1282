/**
 * Where the labels of a slider's marks go, so that none hides another: each label wants to sit
 * centred under its mark; labels that would overlap take the next row (lane), and when every row is
 * taken the label is pushed along the row with the most room. Pure, in pixels, so it is testable.
 */
export interface MarkLabelBox {
  /** The mark's position along the track, px from the track's left end. */
  readonly centre: number;
  /** The label's rendered width, px. */
  readonly width: number;
}

export interface PlacedMarkLabel {
  /** The label's left edge, px from the track's left end. */
  readonly left: number;
  /** The row the label sits in, 0 nearest the track. */
  readonly lane: number;
}

/**
 * Places labels in at most `lanes` rows within [0, trackWidth]: sorted by centre, each goes to the
 * first row whose last label ends `gap` px before it; otherwise to the row that ends earliest,
 * shifted right just enough. Returns the placements in the input's order.
 */
export function placeMarkLabels(
  boxes: readonly MarkLabelBox[],
  trackWidth: number,
  lanes = 2,
  gap = 8,
): PlacedMarkLabel[] {
  const placed: PlacedMarkLabel[] = boxes.map(() => ({ left: 0, lane: 0 }));
  const laneEnds: number[] = Array.from({ length: Math.max(1, lanes) }, () => -Infinity);
  const order = boxes.map((_, i) => i).sort((i, j) => boxes[i]!.centre - boxes[j]!.centre);
  for (const i of order) {
    const { centre, width } = boxes[i]!;
    const wanted = Math.min(Math.max(0, centre - width / 2), Math.max(0, trackWidth - width));
    let lane = laneEnds.findIndex((end) => end + gap <= wanted);
    let left = wanted;
    if (lane === -1) {
      lane = laneEnds.indexOf(Math.min(...laneEnds));
      left = laneEnds[lane]! + gap;
    }
    laneEnds[lane] = left + width;
    placed[i] = { left, lane };
  }
  return placed;
}

/**
 * Marks closer than `minApart` px are nudged apart symmetrically around their cluster's centre, so
 * that two limits a hair apart (GD ≈ 0.214, SGD ≈ 0.204) show as two ticks, not one.
 */
export function spreadTicks(centres: readonly number[], minApart = 5): number[] {
  const order = centres.map((_, i) => i).sort((i, j) => centres[i]! - centres[j]!);
  const result = [...centres];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && centres[order[end]!]! - centres[order[end - 1]!]! < minApart) end += 1;
    const cluster = order.slice(start, end);
    if (cluster.length > 1) {
      const mid = cluster.reduce((sum, i) => sum + centres[i]!, 0) / cluster.length;
      cluster.forEach((i, k) => {
        result[i] = mid + (k - (cluster.length - 1) / 2) * minApart;
      });
    }
    start = end;
  }
  return result;
}
