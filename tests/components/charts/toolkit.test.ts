import { describe, expect, it } from 'vitest';
import {
  axisWidth,
  crossPath,
  dataXY,
  decadeTicks,
  dotsPath,
  formatTick,
  linearTicks,
  linePath,
  pixelPath,
  pixelsPerUnit,
  pixelXY,
  plotScales,
  pixelPolylinePath,
  polylinePath,
  samePolyline,
  visiblePolyline,
  tickCount,
  toPixel,
} from '../../../src/components/charts/toolkit';

const BOX = { left: 50, top: 10, right: 550, bottom: 260 };

describe('scales', () => {
  it('maps the domain onto the plot area, larger y upward, and back', () => {
    const { x, y } = plotScales([0, 10], [0, 5], BOX);
    expect([x(0), x(2.5), x(10)]).toEqual([50, 175, 550]);
    expect([y(0), y(2.5), y(5)]).toEqual([260, 135, 10]);
    expect(x.invert(175)).toBe(2.5);
    expect(toPixel({ x, y }, dataXY(4, 1))).toEqual(pixelXY(250, 210));
  });

  it('reads pixels per unit from the ends, exact also on a domain near 10¹⁵⁰', () => {
    const scales = plotScales([0, 10], [0, 5], BOX);
    expect(pixelsPerUnit(scales.x)).toBe(50);
    expect(pixelsPerUnit(scales.y)).toBe(-50);
    const far = plotScales([1e150, 2e150], [0, 1], BOX);
    // x(1) − x(0) is 0 there: both round to the same pixel.
    expect(far.x(1) - far.x(0)).toBe(0);
    expect(pixelsPerUnit(far.x)).toBe(500 / (2e150 - 1e150));
  });
});

describe('ticks', () => {
  it('puts round values 1, 2 or 5 × 10ᵏ apart inside the range, written exactly', () => {
    expect(linearTicks(-0.3, 3.3, 5)).toEqual([0, 1, 2, 3]);
    expect(linearTicks(0, 4.9, 4)).toEqual([0, 2, 4]);
    // 1.2, not 1.2000000000000002.
    expect(linearTicks(0.9, 2.1, 6)).toEqual([1, 1.2, 1.4, 1.6, 1.8, 2]);
    expect(linearTicks(0, 1e-7, 8)).toEqual([0, 2e-8, 4e-8, 6e-8, 8e-8, 1e-7]);
    expect(linearTicks(-1e150, 1e150, 6)).toEqual([-1e150, -5e149, 0, 5e149, 1e150]);
  });

  it('rounds the step up, so an axis gets at most `count` intervals', () => {
    // (2.1 − 0.9)/4 = 0.3: a step of 0.5 (d3 alone would round 0.3 to 0.2, six intervals).
    expect(linearTicks(0.9, 2.1, 4)).toEqual([1, 1.5, 2]);
    // 1.55/7 ≈ 0.221: 0.5, not the nearer 0.2.
    expect(linearTicks(-0.775, 0.775, 7)).toEqual([-0.5, 0, 0.5]);
    // A step that is already round stays: 3/3 = 1.
    expect(linearTicks(0, 3, 3)).toEqual([0, 1, 2, 3]);
  });

  it('gives none for an empty or unbounded range', () => {
    expect(linearTicks(1, 1, 5)).toEqual([]);
    expect(linearTicks(2, 1, 5)).toEqual([]);
    expect(linearTicks(0, Infinity, 5)).toEqual([]);
    expect(linearTicks(NaN, 1, 5)).toEqual([]);
  });

  it('asks for a tick about every so many pixels, never fewer than the least', () => {
    expect(tickCount(564, 110)).toBe(5);
    expect(tickCount(100, 110)).toBe(2);
    expect(tickCount(100, 110, 3)).toBe(3);
  });

  it('puts a log axis’ ticks on whole decades, spaced 1, 2, 5, 10, 20, 25, 50, 100 or 200 apart', () => {
    expect(decadeTicks(-6, 1)).toEqual([-6, -5, -4, -3, -2, -1, 0, 1]);
    expect(decadeTicks(-2, 13)).toEqual([-2, 0, 2, 4, 6, 8, 10, 12]);
    expect(decadeTicks(0, 308)).toEqual([0, 50, 100, 150, 200, 250, 300]);
    expect(decadeTicks(-300, 309)).toEqual([-300, -200, -100, 0, 100, 200, 300]);
  });

  it('labels ticks briefly and makes room for the longest label', () => {
    expect(formatTick(1234.5678)).toBe('1235');
    expect(formatTick(0.125)).toBe('0.125');
    expect(formatTick(-1e150)).toBe('−10¹⁵⁰');
    expect(formatTick(6e11)).toBe('6×10¹¹');
    // "6×10¹¹" at 12 px: ⌈6·0.63·12 + 1.2·12 + 16⌉ = 76 px.
    expect(axisWidth(['0', '6×10¹¹'])).toBe(76);
    expect(axisWidth(['0', '6×10¹¹'], 20)).toBe(116);
  });
});

describe('paths', () => {
  it('writes coordinates to 0.01 px', () => {
    const path = pixelPath();
    path.moveTo(1.004, 2.345678);
    path.lineTo(-0.001, 1e-9);
    expect(path.toString()).toBe('M1,2.35L0,0');
  });

  it('draws polylines, polygons, dots and the × mark', () => {
    expect(linePath([pixelXY(1.004, 2), pixelXY(3.333, 4.5)])).toBe('M1,2L3.33,4.5');
    expect(linePath([pixelXY(0, 0), pixelXY(4, 0), pixelXY(4, 3)], true)).toBe('M0,0L4,0L4,3Z');
    expect(linePath([])).toBe('');
    expect(dotsPath([pixelXY(10, 20), pixelXY(30.333, 1)], 3)).toBe(
      'M7,20a3,3 0 1,0 6,0a3,3 0 1,0 -6,0M27.33,1a3,3 0 1,0 6,0a3,3 0 1,0 -6,0',
    );
    expect(crossPath(pixelXY(10, 20), 5)).toBe('M5,15L15,25M5,25L15,15');
  });

  it('maps a polyline through the plot’s scales', () => {
    const scales = plotScales([0, 10], [0, 5], BOX);
    const ws = [0, 2.5, 10];
    const costs = [0, 2.5, 5];
    expect(
      polylinePath(
        3,
        (i) => ws[i]!,
        (i) => costs[i]!,
        scales,
      ),
    ).toBe('M50,260L175,135L550,10');
  });

  it('keeps only the points of a line that move it half a pixel or more', () => {
    const identity = { x: (v: number) => v, y: (v: number) => v };
    const xs = [0, 0.2, 0.6, 0.7, 5, NaN, 5.1, 9];
    const ys = [0, 0, 0, 0.4, 0, 1, 0.3, 0];
    const line = visiblePolyline(
      xs.length,
      (i) => xs[i]!,
      (i) => ys[i]!,
      identity,
      0.5,
    );
    // 0.2 is too close to 0; 0.7 to 0.6; the unplaceable point stays (the path skips it); 5.1 is near 5.
    expect(line).toEqual({ xs: [0, 0.6, 5, NaN, 9], ys: [0, 0, 0, 1, 0] });
    expect(pixelPolylinePath(line)).toBe('M0,0L0.6,0L5,0L9,0');
    // Growing by a tenth of a pixel changes nothing drawn; by half a pixel, it does.
    const grown = (end: number) =>
      visiblePolyline(
        3,
        (i) => [0, 9, end][i]!,
        () => 0,
        identity,
        0.5,
      );
    expect(samePolyline(grown(9.1), { xs: [0, 9], ys: [0, 0] })).toBe(true);
    expect(samePolyline(grown(9.5), { xs: [0, 9], ys: [0, 0] })).toBe(false);
    expect(samePolyline(line, { xs: [0, 0.6, 5, NaN, 9], ys: [0, 0, 0, 1, 0] })).toBe(true);
  });
});
