import { describe, expect, it } from 'vitest';
import { placeMarkLabels, spreadTicks } from '../../../src/components/charts/markLayout';

describe('placeMarkLabels', () => {
  it('centres labels under their marks when they have room', () => {
    expect(
      placeMarkLabels(
        [
          { centre: 100, width: 40 },
          { centre: 300, width: 60 },
        ],
        500,
      ),
    ).toEqual([
      { left: 80, lane: 0 },
      { left: 270, lane: 0 },
    ]);
  });

  it('keeps labels inside the track at either end', () => {
    expect(placeMarkLabels([{ centre: 5, width: 60 }], 400)).toEqual([{ left: 0, lane: 0 }]);
    expect(placeMarkLabels([{ centre: 398, width: 60 }], 400)).toEqual([{ left: 340, lane: 0 }]);
  });

  it('puts the lecture’s GD and SGD limits (a hair apart) in two rows, and a third label beside them', () => {
    // 0.107, 0.214 and 0.204 on the 1e-4…1 log ladder of a 600 px track.
    const boxes = [
      { centre: 454, width: 90 }, // "1 step: 0.107"
      { centre: 499, width: 80 }, // "GD < 0.214"
      { centre: 496, width: 88 }, // "SGD < 0.204"
    ];
    const placed = placeMarkLabels(boxes, 600);
    expect(placed[1]!.lane).not.toBe(placed[2]!.lane);
    // No two labels of one row overlap.
    const spans = placed.map((p, i) => ({ lane: p.lane, from: p.left, to: p.left + boxes[i]!.width }));
    for (const a of spans)
      for (const b of spans)
        if (a !== b && a.lane === b.lane) expect(a.to <= b.from || b.to <= a.from).toBe(true);
  });

  it('pushes a label along when every row is taken, never onto another', () => {
    const placed = placeMarkLabels(
      [
        { centre: 100, width: 50 },
        { centre: 100, width: 50 },
        { centre: 100, width: 50 },
      ],
      400,
      2,
      8,
    );
    expect(placed).toEqual([
      { left: 75, lane: 0 },
      { left: 75, lane: 1 },
      { left: 133, lane: 0 },
    ]);
  });
});

describe('spreadTicks', () => {
  it('leaves ticks that are far enough apart where they are', () => {
    expect(spreadTicks([10, 50, 90])).toEqual([10, 50, 90]);
  });

  it('nudges coincident ticks apart around their middle, in their order', () => {
    expect(spreadTicks([200, 201], 5)).toEqual([198, 203]);
    expect(spreadTicks([301, 300, 300.5], 6)).toEqual([306.5, 294.5, 300.5]);
  });
});
