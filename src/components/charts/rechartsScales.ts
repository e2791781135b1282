/**
 * What Recharts gets when it asks for d3-scale (vite.config.ts points `victory-vendor/d3-scale` here):
 * the scales Downhill's charts can use, not all of d3-scale.
 *
 * Recharts looks scales up by name in `import * as d3Scales`, so the bundler must keep every scale
 * d3-scale has, the time scales with d3-time and d3-time-format among them: about 8 kB gzip of the
 * first page for scales nothing here draws with. Every Recharts axis in Downhill is `type="number"`
 * with the default `scale="auto"`, which Recharts resolves to 'linear'; a category axis would be
 * 'band' or 'point' (and the Brush uses scalePoint), so those stay as well.
 *
 * An axis with another `scale` (say `scale="log"`) needs its scale added here: Recharts quietly falls
 * back to a point scale for a name it cannot find.
 */
export { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
