/**
 * Where things go on a chart: points in data space and in pixel space as distinct types, linear
 * scales between them (d3-scale), and the range of pixel coordinates an SVG attribute can hold.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';

declare const space: unique symbol;

/** A point in the axes' own units (w and b, x and y, epoch and cost). Made by dataXY. */
export type DataXY = { readonly x: number; readonly y: number } & { readonly [space]: 'data' };

/** A point, or an offset, in SVG pixels (y grows downward). Made by pixelXY. */
export type PixelXY = { readonly x: number; readonly y: number } & { readonly [space]: 'pixel' };

/** The point (x, y) in data units. */
export const dataXY = (x: number, y: number): DataXY => ({ x, y }) as DataXY;

/** The point (x, y) in pixels. */
export const pixelXY = (x: number, y: number): PixelXY => ({ x, y }) as PixelXY;

/** A rectangle in pixels. */
export interface PixelBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Data value → pixel along one axis; NaN where the axis cannot place it. */
export type PixelScale = (value: number) => number;

/** A chart's two axes as plain functions (a d3 scale is one; so are Recharts' hooks, wrapped). */
export interface PixelScales {
  readonly x: PixelScale;
  readonly y: PixelScale;
}

/** A plot's scales: x maps its domain onto [left, right], y onto [bottom, top] (larger values up). */
export interface PlotScales {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly box: PixelBox;
}

/**
 * The linear scales of a plot area: x(v) = left + (v − x₀)/(x₁ − x₀)·(right − left) and
 * y(v) = bottom − (v − y₀)/(y₁ − y₀)·(bottom − top).
 */
export function plotScales(
  xDomain: readonly [number, number],
  yDomain: readonly [number, number],
  box: PixelBox,
): PlotScales {
  return {
    x: scaleLinear().domain(xDomain).range([box.left, box.right]),
    y: scaleLinear().domain(yDomain).range([box.bottom, box.top]),
    box,
  };
}

/** A data point in pixels: (x(p.x), y(p.y)). */
export const toPixel = (scales: PixelScales, p: DataXY): PixelXY => pixelXY(scales.x(p.x), scales.y(p.y));

/**
 * Pixels per data unit along a scale, (r₁ − r₀)/(d₁ − d₀): negative for an axis drawn upward. Read
 * from the ends rather than as x(1) − x(0), which loses every digit on a domain near 10¹⁵⁰.
 */
export function pixelsPerUnit(scale: ScaleLinear<number, number>): number {
  const [d0, d1] = scale.domain() as [number, number];
  const [r0, r1] = scale.range() as [number, number];
  return (r1 - r0) / (d1 - d0);
}

/**
 * How far from the origin a drawn coordinate may lie, in px. Far beyond any plot, and far inside
 * what an SVG attribute can hold (Chromium parses path numbers as 32-bit floats and rejects
 * "−4.64e+301": "<path> attribute d: Expected number"). Lines are clipped to ±SAFE_PX, so what
 * is visible is drawn exactly; a mark whose centre lies beyond it is not drawn.
 */
export const SAFE_PX = 1e5;

/** Whether a pixel coordinate can be written into an SVG attribute (false for NaN and ±Infinity). */
export const isSafePx = (value: number): boolean => Math.abs(value) <= SAFE_PX;

/** A pixel coordinate pulled into ±SAFE_PX (NaN stays NaN: callers skip it). */
export const clampPx = (value: number): number => Math.min(SAFE_PX, Math.max(-SAFE_PX, value));
