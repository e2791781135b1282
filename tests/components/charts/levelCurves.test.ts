import { describe, expect, it } from 'vitest';
import { levelCurvePaths, pixelXY, type PixelLevelCurve } from '../../../src/components/charts/toolkit';

const BOX = { left: 0, top: 0, right: 200, bottom: 200 };

const ellipse = (cx: number, cy: number, a: [number, number], b: [number, number]): PixelLevelCurve => ({
  kind: 'ellipse',
  centre: pixelXY(cx, cy),
  semiAxes: [pixelXY(...a), pixelXY(...b)],
});

type Point = [number, number];

/**
 * The points a path of M, L, C and Z commands passes through: its vertices, and 8 points along
 * every cubic Bézier (B(s) = (1−s)³P₀ + 3(1−s)²sP₁ + 3(1−s)s²P₂ + s³P₃).
 */
function tracedPoints(d: string): { vertices: Point[]; along: Point[] } {
  const vertices: Point[] = [];
  const along: Point[] = [];
  let pen: Point = [NaN, NaN];
  for (const [, command, args] of d.matchAll(/([MLCZ])([^MLCZ]*)/g)) {
    const n = (args ?? '').split(',').filter(Boolean).map(Number);
    if (command === 'M' || command === 'L') pen = [n[0]!, n[1]!];
    if (command === 'C') {
      const [p0, p1, p2, p3]: [Point, Point, Point, Point] = [
        pen,
        [n[0]!, n[1]!],
        [n[2]!, n[3]!],
        [n[4]!, n[5]!],
      ];
      for (let k = 1; k < 8; k++) {
        const s = k / 8;
        const [a, b, c, e] = [(1 - s) ** 3, 3 * (1 - s) ** 2 * s, 3 * (1 - s) * s * s, s ** 3];
        along.push([
          a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0],
          a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1],
        ]);
      }
      pen = p3;
    }
    if (command !== 'Z') vertices.push(pen);
  }
  return { vertices, along };
}

/**
 * How far a point is from the ellipse c + cos t·a + sin t·b (a ⟂ b), in px, to first order: with
 * u, v its coordinates along a and b in units of |a| and |b|, f = u² + v² − 1 over |∇f|.
 */
function distanceToEllipse(p: Point, c: Point, a: Point, b: Point): number {
  const [la, lb] = [Math.hypot(...a), Math.hypot(...b)];
  const [dx, dy] = [p[0] - c[0], p[1] - c[1]];
  const u = (dx * a[0] + dy * a[1]) / (la * la);
  const v = (dx * b[0] + dy * b[1]) / (lb * lb);
  return Math.abs(u * u + v * v - 1) / (2 * Math.hypot(u / la, v / lb));
}

const count = (d: string, command: string) => d.split(command).length - 1;

describe('levelCurvePaths', () => {
  it('draws an ellipse inside the box as a closed loop of Bézier arcs within 0.05 px of it', () => {
    const { outline, region } = levelCurvePaths(ellipse(100, 100, [30, 0], [0, 20]), BOX, 0);
    expect(region).toBe(outline);
    expect(outline).toBe(
      'M130,100C130,111.05,116.57,120,100,120C83.43,120,70,111.05,70,100' +
        'C70,88.95,83.43,80,100,80C116.57,80,130,88.95,130,100Z',
    );
    // A tilted one, given by conjugate (not perpendicular) semi-diameters: the same set of points as
    // its principal axes (±(60, 45)·…); every drawn point lies on it.
    const tilted = levelCurvePaths(ellipse(100, 100, [40, 30], [-12, 16]), BOX, 0).outline;
    const { along } = tracedPoints(tilted);
    expect(along.length).toBeGreaterThanOrEqual(28);
    for (const p of along) expect(distanceToEllipse(p, [100, 100], [40, 30], [-12, 16])).toBeLessThan(0.05);
  });

  it('cuts an ellipse larger than the box into its arcs inside, and fills them along the edges', () => {
    // A circle of radius 150 about (0, 100): inside the box it is the arc from (0, −50)… to …(0, 250),
    // and the box's left corners lie inside it.
    const { outline, region } = levelCurvePaths(ellipse(0, 100, [150, 0], [0, 150]), BOX, 0);
    expect(count(outline, 'M')).toBe(1);
    const arc = tracedPoints(outline);
    for (const p of [...arc.vertices, ...arc.along]) {
      expect(Math.hypot(p[0], p[1] - 100)).toBeCloseTo(150, 1);
      expect(p[0]).toBeGreaterThanOrEqual(-1e-9);
    }
    // It enters through the top edge and leaves through the bottom one, at x = √(150² − 100²).
    const ends = [arc.vertices[0]!, arc.vertices.at(-1)!].sort((p, q) => p[1] - q[1]);
    expect(ends[0]![0]).toBeCloseTo(Math.sqrt(150 ** 2 - 100 ** 2), 1);
    expect(ends[0]![1]).toBeCloseTo(0, 9);
    expect(ends[1]![1]).toBeCloseTo(200, 9);
    // The region goes on along the bottom edge to (0, 200), up the left edge to (0, 0), and back.
    expect(region).toContain('L0,200L0,0Z');
  });

  it('fills the whole box, with no outline, when the ellipse holds it', () => {
    expect(levelCurvePaths(ellipse(100, 100, [150, 0], [0, 150]), BOX, 0)).toEqual({
      outline: '',
      region: 'M0,0L200,0L200,200L0,200Z',
    });
  });

  it('draws two parallel lines and the strip between them', () => {
    const lines: PixelLevelCurve = {
      kind: 'lines',
      centre: pixelXY(100, 100),
      across: pixelXY(0, 30),
      along: pixelXY(1, 0),
    };
    const strip = { outline: 'M0,130L200,130M0,70L200,70', region: 'M200,70L200,130L0,130L0,70Z' };
    expect(levelCurvePaths(lines, BOX, 0)).toEqual(strip);
    // An ellipse 10⁹ px long is drawn as its long sides.
    expect(levelCurvePaths(ellipse(100, 100, [1e9, 0], [0, 30]), BOX, 0)).toEqual(strip);
    // The default margin of 2 px puts the cut outside the box (its clip path trims it).
    expect(levelCurvePaths(lines, BOX).outline).toBe('M-2,130L202,130M-2,70L202,70');
  });

  it('keeps a long thin tilted ellipse smooth and its coordinates near the box', () => {
    // 4,243 px long, 28 px wide, across the box's diagonal.
    const long = ellipse(100, 100, [3000, 3000], [-20, 20]);
    const { outline, region } = levelCurvePaths(long, BOX, 0);
    expect(count(outline, 'M')).toBe(2);
    const { vertices, along } = tracedPoints(outline);
    for (const p of along)
      expect(distanceToEllipse(p, [100, 100], [3000, 3000], [-20, 20])).toBeLessThan(0.05);
    for (const [x, y] of [...vertices, ...tracedPoints(region).vertices]) {
      expect(x).toBeGreaterThanOrEqual(-1e-6);
      expect(x).toBeLessThanOrEqual(200 + 1e-6);
      expect(y).toBeGreaterThanOrEqual(-1e-6);
      expect(y).toBeLessThanOrEqual(200 + 1e-6);
    }
  });

  it('draws nothing for an ellipse outside the box, or one that cannot be placed', () => {
    const nothing = { outline: '', region: '' };
    expect(levelCurvePaths(ellipse(500, 500, [30, 0], [0, 20]), BOX, 0)).toEqual(nothing);
    expect(levelCurvePaths(ellipse(NaN, 100, [30, 0], [0, 20]), BOX)).toEqual(nothing);
    expect(levelCurvePaths(ellipse(100, 100, [Infinity, 0], [0, 20]), BOX)).toEqual(nothing);
    expect(levelCurvePaths(ellipse(100, 100, [1e200, 0], [0, 1e200]), BOX)).toEqual(nothing);
    expect(levelCurvePaths(ellipse(100, 100, [0, 0], [0, 0]), BOX)).toEqual(nothing);
  });
});
