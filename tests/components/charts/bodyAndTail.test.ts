import { describe, expect, it } from 'vitest';
import {
  bodyAndTail,
  bodyAndTailCache,
  TAIL_KEEP,
  TAIL_MAX,
} from '../../../src/components/charts/bodyAndTail';

/** A polyline's string, recording which points each call drew. */
function recorder() {
  const calls: number[][] = [];
  const draw = (points: readonly number[]) => {
    calls.push([...points]);
    return points.map((p, k) => `${k === 0 ? 'M' : 'L'}${p}`).join('');
  };
  return { calls, draw };
}
const same = (a: number, b: number) => a === b;
const range = (n: number, from = 0) => Array.from({ length: n }, (_, k) => from + k);

describe('bodyAndTail', () => {
  it('draws all but the last TAIL_KEEP points as the body, the tail joined at the body’s last point', () => {
    const { draw } = recorder();
    const key = {};
    const drawn = bodyAndTail(range(10), null, key, draw, same, true);
    expect(drawn.bodyCount).toBe(10 - TAIL_KEEP);
    expect(drawn.body).toBe('M0L1L2L3L4L5');
    expect(drawn.tail).toBe('M5L6L7L8L9');
    // Dots need no joint.
    expect(bodyAndTail(range(10), null, key, draw, same, false).tail).toBe('M6L7L8L9');
    // Fewer points than a tail: no body.
    expect(bodyAndTail(range(3), null, key, draw, same, true)).toMatchObject({
      bodyCount: 0,
      body: '',
      tail: 'M0L1L2',
    });
  });

  it('keeps the body, undrawn, while its points stay the first ones, and rewrites only the tail', () => {
    const { calls, draw } = recorder();
    const key = {};
    let drawn = bodyAndTail(range(10), null, key, draw, same, true);
    calls.length = 0;
    // The newest points change and more come: the body stays, only the tail is drawn.
    drawn = bodyAndTail([...range(8), 80, 90, 100], drawn, key, draw, same, true);
    expect(drawn.body).toBe('M0L1L2L3L4L5');
    expect(drawn.tail).toBe('M5L6L7L80L90L100');
    expect(calls).toEqual([[5, 6, 7, 80, 90, 100]]);
  });

  it('draws the body again when one of its points changed, for another key, or once the tail is long', () => {
    const { calls, draw } = recorder();
    const key = {};
    const first = bodyAndTail(range(10), null, key, draw, same, true);
    const changed = bodyAndTail([0, 1, 20, ...range(7, 3)], first, key, draw, same, true);
    expect(changed.body).toBe('M0L1L20L3L4L5');
    calls.length = 0;
    bodyAndTail(range(10), first, {}, draw, same, true);
    expect(calls[0]).toEqual(range(6));
    const long = bodyAndTail(range(10 + TAIL_MAX + 1), first, key, draw, same, true);
    expect(long.bodyCount).toBe(10 + TAIL_MAX + 1 - TAIL_KEEP);
    // A shorter mark (a new run) cannot keep a body longer than itself.
    expect(bodyAndTail(range(5), first, key, draw, same, true).bodyCount).toBe(1);
  });
});

describe('bodyAndTailCache', () => {
  it('keeps each key’s last drawing apart', () => {
    const { calls, draw } = recorder();
    const drawn = bodyAndTailCache<number, object>(draw, same, true);
    const [a, b] = [{}, {}];
    drawn(range(10), a);
    drawn(range(10, 100), b);
    calls.length = 0;
    expect(drawn([...range(9), 99], a)).toMatchObject({ body: 'M0L1L2L3L4L5', tail: 'M5L6L7L8L99' });
    expect(drawn([...range(9, 100), 999], b)).toMatchObject({ body: 'M100L101L102L103L104L105' });
    // Only the two tails were drawn.
    expect(calls).toHaveLength(2);
  });
});
