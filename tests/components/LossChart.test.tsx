import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LossChart } from '../../src/components/LossChart';
import {
  formatTick,
  lossChartModel,
  MAX_LOSS_POINTS,
  OVERFLOW_CEILING,
  powerOfTen,
  tooltipRows,
  type LossSeries,
} from '../../src/components/chartData';
import { cost, pyFloat, traceColumn } from '../../src/core';
import { useLocaleStore } from '../../src/i18n';
import { PlaygroundProvider } from '../../src/store/context';
import { createPlaygroundStore, type PlaygroundStore, type RunId } from '../../src/store/playground';

// jsdom has no layout: a fixed width makes Recharts draw (the app's charts fill their container).
const WIDTH = 600;
const HEIGHT = 320;

function renderChart(store: PlaygroundStore = createPlaygroundStore()) {
  const view = render(
    <PlaygroundProvider store={store}>
      <LossChart width={WIDTH} height={HEIGHT} />
    </PlaygroundProvider>,
  );
  return { store, ...view };
}

/** The drawn line of one run. */
function linePath(container: HTMLElement, id: RunId): string {
  return container.querySelector(`.loss-line.chart-run-${id} path.chart-line`)?.getAttribute('d') ?? '';
}

/** The points of an SVG path made of M/L commands. */
function pathPoints(d: string): { x: number; y: number }[] {
  return [...d.matchAll(/[ML]\s*(-?[\d.e+-]+)\s*,\s*(-?[\d.e+-]+)/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }));
}

/** Tick labels of one axis with their pixel positions. */
function ticks(container: HTMLElement, axis: 'x' | 'y'): { label: string; at: number }[] {
  return [...container.querySelectorAll(`.recharts-${axis}Axis-tick-labels text`)].map((text) => ({
    label: text.textContent ?? '',
    at: Number(text.getAttribute(axis)),
  }));
}

/** Pixel x of `epoch` on an x axis that has tick labels 0 and `last`. */
function xOf(container: HTMLElement, epoch: number, last: number): number {
  const xTicks = ticks(container, 'x');
  const x0 = xTicks.find((tick) => tick.label === '0')!.at;
  const xLast = xTicks.find((tick) => tick.label === String(last))!.at;
  return x0 + ((xLast - x0) * epoch) / last;
}

/** Moves the pointer over the chart to `epoch` (axis 0 … last) and lets Recharts catch up. */
async function hoverEpoch(container: HTMLElement, epoch: number, last: number): Promise<void> {
  const clientX = xOf(container, epoch, last);
  await act(async () => {
    fireEvent.mouseMove(container.querySelector('.recharts-wrapper')!, { clientX, clientY: 100 });
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

/** Everything a person or a screen reader could meet: text and attribute values. */
function allText(container: HTMLElement): string {
  const attributes = [...container.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].map((attribute) => attribute.value),
  );
  return `${container.textContent ?? ''} ${attributes.join(' ')}`;
}

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('LossChart', () => {
  it('starts with one point per run, the initial cost, and a Linear/Log toggle', () => {
    const { container } = renderChart();
    expect(screen.getByRole('radio', { name: 'Linear' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Log' })).not.toBeChecked();
    expect(
      screen.getByRole('figure', { name: 'Cost on all data after each epoch' }),
    ).toHaveAccessibleDescription(/GD in blue and SGD in orange/);
    const figure = screen.getByRole('figure');
    expect(figure).toHaveAttribute('data-gd-points', '1');
    expect(figure).toHaveAttribute('data-sgd-points', '1');
    // A single point has no line: each run shows it as a dot, at the initial cost 14/3 on a 0…5 axis.
    const yTicks = ticks(container, 'y');
    expect(yTicks.map((tick) => tick.label)).toEqual(['0', '1', '2', '3', '4', '5']);
    const zero = yTicks[0]!.at;
    const five = yTicks[5]!.at;
    for (const id of ['gd', 'sgd']) {
      const dots = container.querySelectorAll(`.loss-line.chart-run-${id} circle.loss-dot`);
      expect(dots).toHaveLength(1);
      expect(Number(dots[0]!.getAttribute('cy'))).toBeCloseTo(zero + ((five - zero) * (14 / 3)) / 5, 1);
    }
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('draws both runs with x = epochs completed and y = the cost after them', () => {
    const { store, container } = renderChart();
    act(() => {
      store.getState().actions.step();
      store.getState().actions.step();
    });
    const { runs } = store.getState();
    const xTicks = ticks(container, 'x');
    const x0 = xTicks.find((tick) => tick.label === '0')!.at;
    const x100 = xTicks.find((tick) => tick.label === '100')!.at;
    const yTicks = ticks(container, 'y');
    const y0 = yTicks.find((tick) => tick.label === '0')!.at;
    const y5 = yTicks.find((tick) => tick.label === '5')!.at;
    for (const id of ['gd', 'sgd'] as const) {
      const points = pathPoints(linePath(container, id));
      const costs = [cost('w', { w: 1, b: 0 }, runs[id].setup.data), ...traceColumn(runs[id].trace, 'cost')];
      expect(points).toHaveLength(3);
      points.forEach((point, k) => {
        // Drawn to 0.01 px.
        expect(point.x).toBeCloseTo(x0 + ((x100 - x0) * k) / 100, 1);
        expect(point.y).toBeCloseTo(y0 + ((y5 - y0) * costs[k]!) / 5, 1);
      });
    }
  });

  it('draws at most ~1,000 points per run after 10,000 epochs but keeps the whole history', () => {
    const store = createPlaygroundStore();
    act(() => {
      store.getState().actions.updateSettings({ epochs: 10_000 });
      store.getState().actions.runToEnd();
    });
    const { container } = renderChart(store);
    const figure = screen.getByRole('figure');
    const xTicks = ticks(container, 'x');
    const x0 = xTicks.find((tick) => tick.label === '0')!.at;
    const xEnd = xTicks.find((tick) => tick.label === '10000')!.at;
    for (const id of ['gd', 'sgd'] as const) {
      const points = pathPoints(linePath(container, id));
      expect(points.length).toBeGreaterThan(100);
      expect(points.length).toBeLessThanOrEqual(MAX_LOSS_POINTS);
      expect(Number(figure.getAttribute(`data-${id}-points`))).toBe(points.length);
      // Not truncated: the line runs from epoch 0 to epoch 10,000.
      expect(points[0]!.x).toBeCloseTo(x0, 1);
      expect(points.at(-1)!.x).toBeCloseTo(xEnd, 1);
    }
  });

  it('switches to a log axis labelled in powers of ten', async () => {
    const user = userEvent.setup();
    const { store, container } = renderChart();
    act(() => store.getState().actions.runToEnd());
    await user.click(screen.getByRole('radio', { name: 'Log' }));
    expect(screen.getByRole('radio', { name: 'Log' })).toBeChecked();
    expect(screen.getByRole('figure')).toHaveAttribute('data-scale', 'log');
    const labels = ticks(container, 'y').map((tick) => tick.label);
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) expect(label).toMatch(/^10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    expect(labels).toContain(powerOfTen(-5));
    // The last GD cost sits at its own decade on the log axis.
    const gdCosts = traceColumn(store.getState().runs.gd.trace, 'cost');
    const last = Math.log10(gdCosts[gdCosts.length - 1]!);
    const yTicks = ticks(container, 'y');
    const [a, b] = [yTicks[0]!, yTicks[1]!];
    const exponent = (label: string) =>
      Number([...label.slice(2)].map((c) => (c === '⁻' ? '-' : String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)))).join(''));
    const yOf = (value: number) =>
      a.at + ((b.at - a.at) * (value - exponent(a.label))) / (exponent(b.label) - exponent(a.label));
    expect(pathPoints(linePath(container, 'gd')).at(-1)!.y).toBeCloseTo(yOf(last), 1);

    await user.click(screen.getByRole('radio', { name: 'Linear' }));
    expect(ticks(container, 'y').map((tick) => tick.label)).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('keeps a diverging run from flattening the other and never shows NaN or Infinity', async () => {
    const user = userEvent.setup();
    const { store, container } = renderChart();
    act(() => {
      store.getState().actions.updateSettings({ lr: 1 });
      store.getState().actions.runToEnd();
    });
    const { runs } = store.getState();
    expect(runs.sgd.status).toBe('diverged');
    // The y axis stays near the initial cost (capped at 2 × 14/3), however large the costs grow.
    const labels = ticks(container, 'y').map((tick) => Number(tick.label));
    expect(Math.max(...labels)).toBeLessThanOrEqual(10);
    expect(screen.getAllByText('above the chart')).toHaveLength(2);
    expect(screen.getByText(`diverged at epoch ${runs.sgd.divergedAtEpoch}`)).toBeInTheDocument();
    // The diverged run simply stops: its last point is its last recorded epoch.
    const xTicks = ticks(container, 'x');
    const x0 = xTicks.find((tick) => tick.label === '0')!.at;
    const x100 = xTicks.find((tick) => tick.label === '100')!.at;
    const sgdPoints = pathPoints(linePath(container, 'sgd'));
    expect(sgdPoints).toHaveLength(runs.sgd.epoch + 1);
    expect(sgdPoints.at(-1)!.x).toBeCloseTo(x0 + ((x100 - x0) * runs.sgd.epoch) / 100, 1);
    // Points above the chart stay within what a browser parses (Chrome drops a path with 1e300).
    for (const id of ['gd', 'sgd'] as const) {
      for (const point of pathPoints(linePath(container, id))) expect(Math.abs(point.y)).toBeLessThan(1e7);
    }
    expect(allText(container)).not.toMatch(/NaN|Infinity/);

    await user.click(screen.getByRole('radio', { name: 'Log' }));
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
    expect(ticks(container, 'y').length).toBeGreaterThan(2);
  });

  it('shows the exact epoch, w and cost of both runs in the tooltip', async () => {
    const { store, container } = renderChart();
    act(() => store.getState().actions.runToEnd());
    await hoverEpoch(container, 45, 100);
    const tooltip = await screen.findByTestId('loss-tooltip');
    expect(tooltip).toBeVisible();
    const { runs } = store.getState();
    expect(tooltip).toHaveTextContent('after epoch 45');
    for (const id of ['gd', 'sgd'] as const) {
      const w = traceColumn(runs[id].trace, 'w')[44]!;
      const c = traceColumn(runs[id].trace, 'cost')[44]!;
      expect(tooltip).toHaveTextContent(`w = ${pyFloat(w)}`);
      expect(tooltip).toHaveTextContent(`cost = ${pyFloat(c)}`);
    }
  });

  it('marks each run at the hovered epoch and reads its last epoch past the end of the runs', async () => {
    const { store, container } = renderChart();
    act(() => {
      for (let i = 0; i < 20; i++) store.getState().actions.step();
    });
    const yTicks = ticks(container, 'y');
    const y0 = yTicks.find((tick) => tick.label === '0')!.at;
    const y5 = yTicks.find((tick) => tick.label === '5')!.at;
    await hoverEpoch(container, 12, 100);
    const { runs } = store.getState();
    for (const id of ['gd', 'sgd'] as const) {
      const dot = container.querySelector(`circle.loss-active-dot.chart-run-${id}`)!;
      expect(Number(dot.getAttribute('cx'))).toBeCloseTo(xOf(container, 12, 100), 6);
      const c = traceColumn(runs[id].trace, 'cost')[11]!;
      expect(Number(dot.getAttribute('cy'))).toBeCloseTo(y0 + ((y5 - y0) * c) / 5, 6);
    }
    // At epoch 70 of a run that has done 20, the tooltip and the dots show epoch 20.
    await hoverEpoch(container, 70, 100);
    const tooltip = screen.getByTestId('loss-tooltip');
    expect(tooltip).toBeVisible();
    expect(tooltip).toHaveTextContent('after epoch 20');
    expect(tooltip).toHaveTextContent(`w = ${pyFloat(runs.gd.params.w)}`);
    const dot = container.querySelector('circle.loss-active-dot.chart-run-gd')!;
    expect(Number(dot.getAttribute('cx'))).toBeCloseTo(xOf(container, 20, 100), 6);
  });

  it('moves the readout with the arrow keys on the focused chart, and Escape hides it', async () => {
    const user = userEvent.setup();
    const { store, container } = renderChart();
    act(() => store.getState().actions.runToEnd());
    const surface = container.querySelector<SVGSVGElement>('svg.recharts-surface')!;
    expect(surface).toHaveAttribute('tabindex', '0');
    act(() => surface.focus());
    await user.keyboard('{ArrowRight}');
    const first = await screen.findByTestId('loss-tooltip');
    expect(first).toBeVisible();
    const at = (text: string) => Number(/epoch (\d+)/.exec(text)?.[1] ?? (text.includes('start') ? 0 : NaN));
    const before = at(first.textContent ?? '');
    await user.keyboard('{ArrowRight}');
    expect(at(screen.getByTestId('loss-tooltip').textContent ?? '')).toBe(before + 1);
    // A screen reader hears the same values from a polite live region.
    const spoken = container.querySelector('[aria-live="polite"]')!;
    expect(at(spoken.textContent ?? '')).toBe(before + 1);
    expect(spoken).toHaveTextContent(
      `w = ${pyFloat(traceColumn(store.getState().runs.gd.trace, 'w')[before]!)}`,
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('loss-tooltip')).not.toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(at((await screen.findByTestId('loss-tooltip')).textContent ?? '')).toBe(before + 2);
  });

  it('says where a diverged run stopped when hovering past it, and Escape lasts only for that epoch', async () => {
    // Between SGD's limit (≈ 0.204) and GD's (≈ 0.214): SGD slowly blows up, GD converges.
    const store = createPlaygroundStore();
    act(() => {
      store.getState().actions.updateSettings({ lr: 0.21, epochs: 10_000 });
      store.getState().actions.runToEnd();
    });
    const { runs } = store.getState();
    expect(runs.sgd.status).toBe('diverged');
    expect(runs.gd.status).toBe('running');
    expect(runs.sgd.epoch).toBeLessThan(9_000);
    const { container } = renderChart(store);
    await hoverEpoch(container, 9_500, 10_000);
    const readout = screen.getByTestId('loss-tooltip');
    const epoch = Number(/after epoch (\d+)/.exec(readout.textContent ?? '')?.[1]);
    expect(epoch).toBeGreaterThan(runs.sgd.epoch);
    expect(readout).toHaveTextContent(`w = ${pyFloat(traceColumn(runs.gd.trace, 'w')[epoch - 1]!)}`);
    expect(readout).toHaveTextContent(`diverged at epoch ${runs.sgd.divergedAtEpoch}`);
    expect(container.querySelector('circle.loss-active-dot.chart-run-gd')).not.toBeNull();
    expect(container.querySelector('circle.loss-active-dot.chart-run-sgd')).toBeNull();

    await act(async () => {
      fireEvent.keyDown(document, { key: 'Escape' });
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(screen.queryByTestId('loss-tooltip')).not.toBeInTheDocument();
    // Leaving the chart and coming back to the same epoch shows it again.
    await act(async () => {
      fireEvent.mouseLeave(container.querySelector('.recharts-wrapper')!);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    await hoverEpoch(container, 9_500, 10_000);
    expect(screen.getByTestId('loss-tooltip')).toHaveTextContent(`after epoch ${epoch}`);
  });

  it('reads the tooltip at the start as the initial w and cost', async () => {
    const { container } = renderChart();
    const wrapper = container.querySelector('.recharts-wrapper')!;
    const x0 = ticks(container, 'x').find((tick) => tick.label === '0')!.at;
    await act(async () => {
      fireEvent.mouseMove(wrapper, { clientX: x0 + 1, clientY: 100 });
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const tooltip = await screen.findByTestId('loss-tooltip');
    expect(tooltip).toBeVisible();
    expect(tooltip).toHaveTextContent('start, before any update');
    expect(tooltip).toHaveTextContent('w = 1.0');
    expect(tooltip).toHaveTextContent(`cost = ${pyFloat(14 / 3)}`);
  });

  it('speaks Chinese when the locale is zh-CN', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    renderChart();
    expect(screen.getByRole('radio', { name: '线性' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '对数' })).toBeInTheDocument();
  });
});

describe('tooltipRows', () => {
  it('lets the tooltip reach every epoch of a short axis', () => {
    expect(tooltipRows(3)).toEqual([{ epoch: 0 }, { epoch: 1 }, { epoch: 2 }, { epoch: 3 }]);
    expect(tooltipRows(0)).toEqual([{ epoch: 0 }]);
  });

  it('keeps at most about MAX_LOSS_POINTS evenly spaced epochs, the last one included', () => {
    const rows = tooltipRows(100_000);
    expect(rows.length).toBeLessThanOrEqual(MAX_LOSS_POINTS + 1);
    expect(rows.slice(0, 3).map((row) => row.epoch)).toEqual([0, 100, 200]);
    expect(rows.at(-1)!.epoch).toBe(100_000);
    const odd = tooltipRows(1234).map((row) => row.epoch);
    expect(odd.slice(0, 2)).toEqual([0, 2]);
    expect(odd.at(-1)).toBe(1234);
  });
});

describe('lossChartModel', () => {
  const series = (costs: number[]): LossSeries => ({
    initial: costs[0]!,
    picks: costs.map((_, i) => i),
    values: costs,
  });

  it('pins a cost of 0 to the bottom of the log axis instead of −∞', () => {
    const model = lossChartModel({ gd: series([4, 1e-3, 0]), sgd: series([4, 1e-6]) }, 'log');
    expect(model.domain).toEqual([-6, 1]);
    expect(model.lines.gd).toEqual({ epochs: [0, 1, 2], values: [Math.log10(4), -3, -6] });
    expect(model.lines.sgd).toEqual({ epochs: [0, 1], values: [Math.log10(4), -6] });
    expect(model.toAxis(0)).toBe(-6);
    expect(model.toAxis(Infinity)).toBeNull();
    for (const tick of model.ticks) expect(Number.isInteger(tick)).toBe(true);
  });

  it('caps the linear axis at twice the initial cost and keeps huge values finite', () => {
    const model = lossChartModel({ gd: series([4, 2, 1]), sgd: series([4, 400, 1e300]) }, 'linear');
    expect(model.domain).toEqual([0, 8]);
    expect(model.aboveChart).toEqual({ gd: false, sgd: true });
    expect(model.lines.sgd!.values).toEqual([4, 400, 8 * OVERFLOW_CEILING]);
    expect(model.drawn).toEqual({ gd: 3, sgd: 3 });
  });

  it('formats ticks without NaN or Infinity', () => {
    expect(formatTick(0)).toBe('0');
    expect(formatTick(2.5)).toBe('2.5');
    expect(formatTick(1e6)).toBe(powerOfTen(6));
    expect(formatTick(2.5e-7)).toBe(`2.5×${powerOfTen(-7)}`);
    expect(formatTick(Infinity)).toBe('');
    expect(powerOfTen(-307)).toBe('10⁻³⁰⁷');
  });
});

describe('LossChart: pins and the mini-batch run', () => {
  it('pins a run as a labelled, faded ghost that stays when the learning rate changes, and clears', async () => {
    const user = userEvent.setup();
    const { store, container } = renderChart();
    act(() => store.getState().actions.runToEnd());
    await user.click(screen.getByRole('button', { name: 'Pin GD' }));
    act(() => void store.getState().actions.updateSettings({ lr: 0.05 }));
    const ghost = container.querySelector('.loss-pin.chart-run-gd path.chart-line');
    expect(ghost).not.toBeNull();
    expect(ghost!.getAttribute('stroke-opacity')).toBe('0.35');
    expect(pathPoints(ghost!.getAttribute('d') ?? '').length).toBeGreaterThan(50);
    expect(screen.getByRole('list', { name: 'Pinned curves' })).toHaveTextContent('GD, α = 0.01');
    await user.click(screen.getByRole('button', { name: 'Clear pins' }));
    expect(container.querySelector('.loss-pin')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clear pins' })).not.toBeInTheDocument();
  });

  it('draws the mini-batch run only while it is shown', () => {
    const { store, container } = renderChart();
    act(() => store.getState().actions.step());
    expect(container.querySelector('.loss-line.chart-run-minibatch')).toBeNull();
    act(() => void store.getState().actions.updateSettings({ showMinibatch: true }));
    expect(container.querySelector('.loss-line.chart-run-minibatch')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Pin Mini-batch' })).toBeInTheDocument();
  });
});
