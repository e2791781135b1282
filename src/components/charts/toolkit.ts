/**
 * The chart toolkit, one import for every chart (the loss chart, both landscapes, the data plot):
 * points in data and in pixel space, scales (d3-scale), ticks and their labels (d3-array), SVG path
 * data (d3-path), level curves cut to a plot, and the measured size of a chart's frame.
 */
export {
  clampPx,
  dataXY,
  isSafePx,
  pixelsPerUnit,
  pixelXY,
  plotScales,
  SAFE_PX,
  toPixel,
  type DataXY,
  type PixelBox,
  type PixelScale,
  type PixelScales,
  type PixelXY,
  type PlotScales,
} from './scales';
export {
  axisWidth,
  decadeTicks,
  formatTick,
  linearTicks,
  powerOfTen,
  tickCount,
  TICK_FONT_PX,
} from './ticks';
export {
  clipToSafe,
  crossPath,
  dotsPath,
  linePath,
  pixelPath,
  pixelPolylinePath,
  polylinePath,
  samePolyline,
  samePolylinePrefix,
  visiblePolyline,
  type PixelPolyline,
} from './paths';
export { sameList } from './sameList';
export { levelCurvePaths, type LevelCurvePaths, type PixelLevelCurve } from './levelCurves';
export { useMeasuredSize, type MeasuredSize } from './useMeasuredSize';
