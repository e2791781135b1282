/** Rendering the loss chart in jsdom and reading what it drew: shared by the LossChart tests. */
import { fireEvent, render, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { LossChart } from '../../../src/components/charts/LossChart';
import { MAX_LOSS_POINTS } from '../../../src/components/charts/chartData';
import { cost, traceColumn } from '../../../src/core';
import { useKeyboard } from '../../../src/hooks/keyboard';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore, type PlaygroundStore, type RunId } from '../../../src/store/playground';

// jsdom has no layout: a fixed width makes Recharts draw (the app's charts fill their container).
export const WIDTH = 600;
export const HEIGHT = 320;

/** The page's one keyboard listener, which answers Escape for the chart's hover readout. */
function Keyboard({ store }: { store: PlaygroundStore }) {
  useKeyboard(store);
  return null;
}

export function renderChart(store: PlaygroundStore = createPlaygroundStore()) {
  const view = render(
    <PlaygroundProvider store={store}>
      <Keyboard store={store} />
      <LossChart width={WIDTH} height={HEIGHT} />
    </PlaygroundProvider>,
  );
  return { store, ...view };
}

/**
 * The drawn line of one run as one SVG path: its body, then its tail (which starts again at the
 * body's last point: that repeated "M" is left out).
 */
export function linePath(container: HTMLElement | Element, id: RunId): string {
  const [body, tail] = [...container.querySelectorAll(`.loss-line.chart-run-${id} path.chart-line`)].map(
    (path) => path.getAttribute('d') ?? '',
  );
  if (!tail) return body ?? '';
  const junction = /^M\s*(-?[\d.e+-]+)\s*,\s*(-?[\d.e+-]+)/.exec(tail);
  const last = pathPoints(body!).at(-1);
  return junction && last && Number(junction[1]) === last.x && Number(junction[2]) === last.y
    ? body + tail.slice(junction[0].length)
    : body + tail;
}

/** The points of an SVG path made of M/L commands. */
export function pathPoints(d: string): { x: number; y: number }[] {
  return [...d.matchAll(/[ML]\s*(-?[\d.e+-]+)\s*,\s*(-?[\d.e+-]+)/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }));
}

/** Tick labels of one axis with their pixel positions. */
export function ticks(container: HTMLElement, axis: 'x' | 'y'): { label: string; at: number }[] {
  return [...container.querySelectorAll(`.recharts-${axis}Axis-tick-labels text`)].map((text) => ({
    label: text.textContent ?? '',
    at: Number(text.getAttribute(axis)),
  }));
}

/** Pixel x of `epoch` on an x axis that has tick labels 0 and `last`. */
export function xOf(container: HTMLElement, epoch: number, last: number): number {
  const xTicks = ticks(container, 'x');
  const x0 = xTicks.find((tick) => tick.label === '0')!.at;
  const xLast = xTicks.find((tick) => tick.label === String(last))!.at;
  return x0 + ((xLast - x0) * epoch) / last;
}

/**
 * Moves the pointer over the chart to `epoch` (axis 0 … last) and waits for Recharts, which handles
 * the move in its next animation frame, to put the cursor at `shown` (the hovered epoch, or the
 * runs' last one past their end), give or take the one tooltip row it may snap to.
 */
export async function hoverEpoch(
  container: HTMLElement,
  epoch: number,
  last: number,
  shown = epoch,
): Promise<void> {
  const clientX = xOf(container, epoch, last);
  fireEvent.mouseMove(container.querySelector('.recharts-wrapper')!, { clientX, clientY: 100 });
  const at = xOf(container, shown, last);
  const row = xOf(container, Math.max(1, Math.ceil(last / MAX_LOSS_POINTS)), last) - xOf(container, 0, last);
  await waitFor(() => {
    const cursor = Number(container.querySelector('.loss-cursor')?.getAttribute('x1'));
    expect(Math.abs(cursor - at)).toBeLessThanOrEqual(row + 0.5);
  });
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The value of a tick label: "600", "2.5×10⁻⁷", "10³⁰⁰" (a log axis' label is its power of ten). */
export function tickValue(label: string): number {
  const power = /^(?:([\d.]+)×)?10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(label);
  if (!power) return Number(label);
  const exponent = Number(
    [...power[2]!].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPTS.indexOf(c)))).join(''),
  );
  return Number(power[1] ?? 1) * 10 ** exponent;
}

/** The plot area (the layers' clip rectangle). */
export function plotArea(container: HTMLElement): {
  top: number;
  bottom: number;
  left: number;
  right: number;
} {
  const rect = container.querySelector('[id^="plot-clip-"] rect')!;
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((key) => Number(rect.getAttribute(key)));
  return { left: x!, top: y!, right: x! + width!, bottom: y! + height! };
}

/** The largest cost either run has drawn so far. */
export function largestCost(store: PlaygroundStore): number {
  let largest = 0;
  for (const id of ['gd', 'sgd'] as const) {
    const run = store.getState().runs[id];
    for (const c of [cost('w', run.setup.init, run.setup.data), ...traceColumn(run.trace, 'cost')]) {
      if (Number.isFinite(c)) largest = Math.max(largest, c);
    }
  }
  return largest;
}
