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
  return (
    container.querySelector(`.loss-line.chart-run-${id} path.recharts-line-curve`)?.getAttribute('d') ?? ''
  );
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
    for (const name of ['GD', 'SGD']) {
      const dots = container.querySelectorAll(`circle.recharts-line-dot[name="${name}"]`);
      expect(dots).toHaveLength(1);
      expect(Number(dots[0]!.getAttribute('cy'))).toBeCloseTo(zero + ((five - zero) * (14 / 3)) / 5, 6);
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
        expect(point.x).toBeCloseTo(x0 + ((x100 - x0) * k) / 100, 6);
        expect(point.y).toBeCloseTo(y0 + ((y5 - y0) * costs[k]!) / 5, 6);
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
      expect(points[0]!.x).toBeCloseTo(x0, 6);
      expect(points.at(-1)!.x).toBeCloseTo(xEnd, 6);
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
    expect(pathPoints(linePath(container, 'gd')).at(-1)!.y).toBeCloseTo(yOf(last), 4);

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
    expect(sgdPoints.at(-1)!.x).toBeCloseTo(x0 + ((x100 - x0) * runs.sgd.epoch) / 100, 6);
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
    const xTicks = ticks(container, 'x');
    const x0 = xTicks.find((tick) => tick.label === '0')!.at;
    const x100 = xTicks.find((tick) => tick.label === '100')!.at;
    const wrapper = container.querySelector('.recharts-wrapper')!;
    await act(async () => {
      fireEvent.mouseMove(wrapper, { clientX: x0 + ((x100 - x0) * 45) / 100, clientY: 100 });
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const tooltip = await screen.findByTestId('loss-tooltip');
    const { runs } = store.getState();
    expect(tooltip).toHaveTextContent('after epoch 45');
    for (const id of ['gd', 'sgd'] as const) {
      const w = traceColumn(runs[id].trace, 'w')[44]!;
      const c = traceColumn(runs[id].trace, 'cost')[44]!;
      expect(tooltip).toHaveTextContent(`w = ${pyFloat(w)}`);
      expect(tooltip).toHaveTextContent(`cost = ${pyFloat(c)}`);
    }
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

describe('lossChartModel', () => {
  const series = (costs: number[]): LossSeries => ({
    costs: Float64Array.from(costs),
    picks: costs.map((_, i) => i),
  });

  it('pins a cost of 0 to the bottom of the log axis instead of −∞', () => {
    const model = lossChartModel({ gd: series([4, 1e-3, 0]), sgd: series([4, 1e-6]) }, 'log');
    expect(model.domain).toEqual([-6, 1]);
    expect(model.rows.map((row) => row.gd)).toEqual([Math.log10(4), -3, -6]);
    expect(model.rows.map((row) => row.sgd)).toEqual([Math.log10(4), -6, null]);
    for (const tick of model.ticks) expect(Number.isInteger(tick)).toBe(true);
  });

  it('caps the linear axis at twice the initial cost and keeps huge values finite', () => {
    const model = lossChartModel({ gd: series([4, 2, 1]), sgd: series([4, 400, 1e300]) }, 'linear');
    expect(model.domain).toEqual([0, 8]);
    expect(model.aboveChart).toEqual({ gd: false, sgd: true });
    expect(model.rows.map((row) => row.sgd)).toEqual([4, 400, 8 * OVERFLOW_CEILING]);
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
    const ghost = container.querySelector('.loss-pin.chart-run-gd path.recharts-line-curve');
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
