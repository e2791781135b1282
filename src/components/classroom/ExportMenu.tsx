import { useId, useRef, useState, type RefObject } from 'react';
import { historyCsv } from '../../core';
import { useT, type Translate } from '../../i18n';
import { usePlaygroundSelector, usePlaygroundStoreApi } from '../../store/context';
import type { RunId } from '../../store/playground';
import { runOf, selectShownRunIds } from '../../store/selectors';
import { RUN_COLOR_VARS } from '../charts/chartData';
import './export.css';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export const EXPORT_FILES = {
  png: 'downhill-loss.png',
  svg: 'downhill-loss.svg',
  csv: (id: RunId) => `downhill-${id}-history.csv`,
} as const;

/** The resolution of the PNG: device pixels per CSS pixel of the chart. */
export const PNG_SCALE = 2;

/** Room above the plot for the title and the legend, which the page draws in HTML. */
const HEADER_HEIGHT = 54;

/**
 * The presentation properties a chart's look depends on. Their computed values are written into the
 * file, so it needs neither the page's style sheets nor its CSS variables.
 */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** Properties that do not inherit: inlined whenever they differ from their initial value. */
const NOT_INHERITED: Readonly<Record<string, string>> = { opacity: '1', display: 'inline' };

/**
 * Replaces every var(--name, fallback) in a CSS value by lookup(--name), or by its (resolved)
 * fallback when the variable is unset: 'var(--gd, #2563eb)' → '#60a5fa'.
 */
export function resolveCssVars(value: string, lookup: (name: string) => string, depth = 0): string {
  if (depth > 8 || !value.includes('var(')) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf('var(', i);
    if (start < 0) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, start);
    // Find the matching parenthesis: fallbacks may hold var() and rgb() themselves.
    let level = 0;
    let end = start + 3;
    for (; end < value.length; end++) {
      if (value[end] === '(') level++;
      else if (value[end] === ')' && --level === 0) break;
    }
    const inner = value.slice(start + 4, end);
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma < 0 ? '' : inner.slice(comma + 1).trim();
    const found = lookup(name).trim();
    out += resolveCssVars(found !== '' ? found : fallback, lookup, depth + 1);
    i = end + 1;
  }
  return out;
}

const isTransparent = (color: string) =>
  color === '' || color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color.replace(/\s+/g, ' '));

/** The colour behind an element: its own background or the nearest ancestor's. */
function backgroundOf(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (!isTransparent(color)) return color;
  }
  return '#ffffff';
}

/** The chart's size in CSS pixels: as laid out, else its attributes or viewBox. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  if (box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const width = Number.parseFloat(svg.getAttribute('width') ?? '');
  const height = Number.parseFloat(svg.getAttribute('height') ?? '');
  if (width > 0 && height > 0) return { width, height };
  const viewBox = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (viewBox.length === 4 && viewBox[2]! > 0 && viewBox[3]! > 0)
    return { width: viewBox[2]!, height: viewBox[3]! };
  return { width: 640, height: 420 };
}

export interface ChartSvg {
  /** The standalone SVG document. */
  readonly markup: string;
  /** Its size in CSS pixels (the plot plus the header). */
  readonly width: number;
  readonly height: number;
}

export interface ChartSvgOptions {
  /** Drawn above the plot (the page shows it in HTML, outside the SVG). */
  readonly title: string;
  /** The legend entries: a label and a CSS colour, which may use var(). */
  readonly legend: readonly { readonly label: string; readonly color: string }[];
}

/**
 * The Recharts chart inside `container` as a standalone SVG file: the <svg class="recharts-surface">
 * copied with the computed styles that matter written in (CSS variables resolved), a background rect in
 * the page's background colour (white or dark), and the title and legend on top. Null when the
 * container holds no chart.
 */
export function chartSvg(container: HTMLElement, options: ChartSvgOptions): ChartSvg | null {
  const source = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!source) return null;
  const page = getComputedStyle(container);
  const resolveOnPage = (value: string) => resolveCssVars(value, (name) => page.getPropertyValue(name));

  /**
   * Copies `original` and its subtree, writing the computed values that matter as presentation
   * attributes. Never style="" (not even by cloneNode, which would copy Recharts' style attributes):
   * the page's Content-Security-Policy (style-src 'self') forbids inline style attributes, and a
   * standalone SVG has no style sheet to outrank presentation attributes. Values equal to the
   * parent's are left to inheritance.
   */
  const copy = (original: Element, inherited: ReadonlyMap<string, string> | null): Element => {
    const element = document.createElementNS(original.namespaceURI, original.localName);
    const style = getComputedStyle(original);
    const lookup = (name: string) => style.getPropertyValue(name);
    for (const attribute of original.attributes) {
      if (attribute.name === 'style') continue;
      // Attributes such as stroke="var(--gd, #2563eb)" mean nothing outside the page: resolve them.
      const value = attribute.value.includes('var(')
        ? resolveCssVars(attribute.value, lookup)
        : attribute.value;
      element.setAttributeNS(attribute.namespaceURI, attribute.name, value);
    }
    const values = new Map<string, string>();
    for (const property of STYLE_PROPERTIES) {
      const value = resolveCssVars(style.getPropertyValue(property).trim(), lookup);
      if (value === '') continue;
      values.set(property, value);
      const initial = NOT_INHERITED[property];
      const redundant = initial !== undefined ? value === initial : inherited?.get(property) === value;
      if (!redundant) element.setAttribute(property, value);
    }
    for (const child of original.childNodes) {
      if (child instanceof Element) element.append(copy(child, values));
      else if (child.nodeType === Node.TEXT_NODE)
        element.append(document.createTextNode(child.textContent ?? ''));
    }
    return element;
  };
  const plot = copy(source, null);

  const { width, height } = sizeOf(source);
  const totalHeight = height + HEADER_HEIGHT;
  // The plot goes in as a nested <svg> below the header, at its on-screen size.
  if (!plot.getAttribute('viewBox')) plot.setAttribute('viewBox', `0 0 ${width} ${height}`);
  plot.setAttribute('x', '0');
  plot.setAttribute('y', String(HEADER_HEIGHT));
  plot.setAttribute('width', String(width));
  plot.setAttribute('height', String(height));

  const textColor = page.color || '#0f172a';
  const fontFamily = page.fontFamily || 'system-ui, sans-serif';
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(totalHeight));
  root.setAttribute('viewBox', `0 0 ${width} ${totalHeight}`);
  root.setAttribute('font-family', fontFamily);
  const add = (parent: Element, tag: string, attributes: Record<string, string>, text?: string) => {
    const element = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    parent.append(element);
    return element;
  };
  add(root, 'title', {}, options.title);
  add(root, 'rect', {
    x: '0',
    y: '0',
    width: String(width),
    height: String(totalHeight),
    fill: backgroundOf(container),
  });
  add(
    root,
    'text',
    { x: '12', y: '22', fill: textColor, 'font-size': '15', 'font-weight': '600' },
    options.title,
  );
  // The legend below the title: a swatch and a label per run.
  const legend = add(root, 'g', { 'font-size': '13', fill: textColor });
  let x = 12;
  for (const entry of options.legend) {
    add(legend, 'rect', {
      x: String(x),
      y: '33',
      width: '12',
      height: '12',
      rx: '3',
      fill: resolveOnPage(entry.color),
    });
    add(legend, 'text', { x: String(x + 18), y: '44' }, entry.label);
    x += 18 + entry.label.length * 8 + 18;
  }
  root.append(plot);

  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { markup, width, height: totalHeight };
}

/** Draws an SVG document into a canvas at `scale` × its size and encodes it as PNG. */
export async function svgToPng(svg: ChartSvg, scale: number = PNG_SCALE): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the browser could not draw the chart'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas to draw on');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under `filename` through a temporary <a download>. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; a second's grace costs nothing.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Status = { readonly kind: 'ok' | 'busy' | 'error'; readonly text: string } | null;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const chartOptions = (t: Translate, shown: readonly RunId[]): ChartSvgOptions => ({
  title: t('loss.title'),
  legend: shown.map((id) => ({ label: t(`run.${id}.short`), color: RUN_COLOR_VARS[id] })),
});

/**
 * Export: the loss chart as PNG (2×) and SVG (standalone, theme colours baked in), and each run's
 * history as CSV (historyCsv: epoch, w, the printed loss, the cost, diverged). Reads the store only
 * when clicked, so playing never re-renders it.
 */
export function ExportMenu({ chart }: { chart: RefObject<HTMLElement | null> }) {
  const t = useT();
  const store = usePlaygroundStoreApi();
  const labelId = useId();
  const hintId = useId();
  const [status, setStatus] = useState<Status>(null);
  const busy = useRef(false);
  const shown = usePlaygroundSelector(selectShownRunIds);

  const saveChart = async (format: 'png' | 'svg') => {
    const file = EXPORT_FILES[format];
    if (busy.current) return;
    const container = chart.current;
    const svg = container ? chartSvg(container, chartOptions(t, shown)) : null;
    if (!svg) {
      setStatus({ kind: 'error', text: t('export.noChart') });
      return;
    }
    if (format === 'svg') {
      downloadBlob(new Blob([svg.markup], { type: 'image/svg+xml' }), file);
      setStatus({ kind: 'ok', text: t('export.saved', { file }) });
      return;
    }
    busy.current = true;
    setStatus({ kind: 'busy', text: t('export.working', { file }) });
    try {
      downloadBlob(await svgToPng(svg), file);
      setStatus({ kind: 'ok', text: t('export.saved', { file }) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('export.failed', { file, reason: reasonOf(error) }) });
    } finally {
      busy.current = false;
    }
  };

  const saveCsv = (id: RunId) => {
    const file = EXPORT_FILES.csv(id);
    downloadBlob(
      new Blob([historyCsv(runOf(store.getState(), id))], { type: 'text/csv;charset=utf-8' }),
      file,
    );
    setStatus({ kind: 'ok', text: t('export.saved', { file }) });
  };

  return (
    <div className="export-menu" role="group" aria-labelledby={labelId}>
      <span className="export-label" id={labelId}>
        {t('export.label')}
      </span>
      <div className="export-buttons">
        <button type="button" className="button export-button" onClick={() => void saveChart('png')}>
          {t('export.png')}
        </button>
        <button type="button" className="button export-button" onClick={() => void saveChart('svg')}>
          {t('export.svg')}
        </button>
        {shown.map((id) => (
          <button
            key={id}
            type="button"
            className="button export-button"
            aria-describedby={hintId}
            onClick={() => saveCsv(id)}
          >
            {t('export.csv', { run: t(`run.${id}.short`) })}
          </button>
        ))}
      </div>
      <p className="export-hint" id={hintId}>
        {t('export.csvHint')}
      </p>
      <p className={`export-status${status ? ` export-status-${status.kind}` : ''}`} role="status">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
