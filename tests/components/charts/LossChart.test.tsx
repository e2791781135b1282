import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LossChart } from '../../../src/components/charts/LossChart';
import { MAX_LOSS_POINTS } from '../../../src/components/charts/chartData';
import { cost, pyFloat, traceColumn } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore } from '../../../src/store/playground';
import { allText } from '../helpers/dom';
import { hoverEpoch, linePath, pathPoints, renderChart, ticks, xOf } from '../helpers/lossChart';

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
      const line = container.querySelector(`.loss-line.chart-run-${id} path.chart-line`)!;
      expect(Number(line.getAttribute('data-points'))).toBe(points.length);
      // Points under half a pixel from the last one drawn are left out of the line, not of the series.
      expect(Number(figure.getAttribute(`data-${id}-points`))).toBeGreaterThanOrEqual(points.length);
      for (let k = 1; k < points.length; k++) {
        const moved = Math.max(
          Math.abs(points[k]!.x - points[k - 1]!.x),
          Math.abs(points[k]!.y - points[k - 1]!.y),
        );
        expect(moved).toBeGreaterThanOrEqual(0.49);
      }
      // Not truncated: the line runs from epoch 0 to epoch 10,000 (to within half a pixel).
      expect(points[0]!.x).toBeCloseTo(x0, 1);
      expect(Math.abs(points.at(-1)!.x - xEnd)).toBeLessThan(0.5);
    }
  });

  it('writes no new line while the runs grow by less than half a pixel, and a new one once they have', () => {
    const store = createPlaygroundStore();
    act(() => store.getState().actions.updateSettings({ epochs: 100_000 }));
    const { container } = renderChart(store);
    act(() => {
      for (let k = 0; k < 200; k++) store.getState().actions.step();
    });
    const group = container.querySelector('.loss-line.chart-run-gd')!;
    const before = linePath(container, 'gd');
    expect(pathPoints(before).length).toBeGreaterThan(5);
    const writes = new MutationObserver(() => undefined);
    writes.observe(container, { attributes: true, subtree: true, attributeFilter: ['d', 'data-points'] });
    const linesWritten = () => writes.takeRecords().filter((record) => group.contains(record.target));
    // Five epochs of 100,000 on a 600 px chart: 0.03 px.
    act(() => {
      for (let k = 0; k < 5; k++) store.getState().actions.step();
    });
    expect(store.getState().epoch).toBe(205);
    expect(linesWritten()).toEqual([]);
    expect(linePath(container, 'gd')).toBe(before);
    act(() => store.getState().actions.runToEnd());
    expect(linesWritten().length).toBeGreaterThan(0);
    expect(pathPoints(linePath(container, 'gd')).at(-1)!.x).toBeGreaterThan(
      pathPoints(before).at(-1)!.x + 100,
    );
    writes.disconnect();
  });

  it('rewrites only the tail of a growing line, and draws exactly what one path through it would', () => {
    const store = createPlaygroundStore();
    // 0.3 px an epoch: each step adds a point to the line.
    act(() => store.getState().actions.updateSettings({ epochs: 2000 }));
    const { container } = renderChart(store);
    const stepBy = (epochs: number) =>
      act(() => {
        for (let k = 0; k < epochs; k++) store.getState().actions.step();
      });
    const parts = () =>
      [...container.querySelectorAll('.loss-line.chart-run-gd path.chart-line')].map(
        (path) => path.getAttribute('d') ?? '',
      );
    /** The line a chart that opens on the runs as they are now draws (all but its last points as body). */
    const fresh = () => {
      const other = renderChart(store);
      const line = linePath(other.container, 'gd');
      other.unmount();
      return line;
    };
    stepBy(100);
    const [body, tail] = parts();
    expect(tail).toMatch(/^M/);
    stepBy(20);
    // More points: the body stays as it was, the tail grows.
    expect(parts()[0]).toBe(body);
    expect(parts()[1]).not.toBe(tail);
    expect(linePath(container, 'gd')).toBe(fresh());
    expect(pathPoints(linePath(container, 'gd')).length).toBe(
      Number(container.querySelector('.loss-line.chart-run-gd path.chart-line')!.getAttribute('data-points')),
    );
    // Past 48 points in the tail, all but its last few join the body.
    stepBy(200);
    expect(parts()[0]).not.toBe(body);
    expect(pathPoints(parts()[1]!).length).toBeLessThan(48);
    expect(linePath(container, 'gd')).toBe(fresh());
  });

  it('shows the exact epoch, w and cost of both runs in the tooltip', async () => {
    const { store, container } = renderChart();
    act(() => store.getState().actions.runToEnd());
    await hoverEpoch(container, 45, 100);
    const tooltip = await screen.findByTestId('loss-tooltip');
    expect(tooltip).toBeVisible();
    const { runs } = store.getState();
    // k counts the epochs done; the lecture's script prints that line as `epoch: k − 1`.
    expect(tooltip).toHaveTextContent('after epoch 45');
    expect(tooltip).toHaveTextContent('the lecture prints it as epoch: 44');
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
    await hoverEpoch(container, 70, 100, 20);
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

  it('reads the tooltip at the start as the initial w and cost', async () => {
    const { container } = renderChart();
    const wrapper = container.querySelector('.recharts-wrapper')!;
    const x0 = ticks(container, 'x').find((tick) => tick.label === '0')!.at;
    fireEvent.mouseMove(wrapper, { clientX: x0 + 1, clientY: 100 });
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

describe('LossChart: size and header', () => {
  it('takes its plot height from the layout (--loss-plot-height) unless given one', () => {
    const store = createPlaygroundStore();
    const chart = (props: { height?: number }) => (
      <PlaygroundProvider store={store}>
        <LossChart {...props} />
      </PlaygroundProvider>
    );
    const { container, rerender } = render(chart({}));
    const host = container.querySelector<HTMLElement>('.chart-plot-host')!;
    expect(host.style.height).toBe('');
    // The chart fills the box the layout gives it.
    const wrapper = host.querySelector<HTMLElement>('.recharts-wrapper')!;
    expect(wrapper.style.width).toBe('100%');
    expect(wrapper.style.height).toBe('100%');
    rerender(chart({ height: 200 }));
    expect(host.style.height).toBe('200px');
    const css = readFileSync(path.resolve(process.cwd(), 'src/components/charts/charts.css'), 'utf8');
    expect(css).toMatch(/\.loss-chart \.chart-plot-host \{[^}]*height: var\(--loss-plot-height, 320px\);/);
  });

  it('puts the title, the runs and the scale on one header above the plot, the subtitle below', () => {
    const { container } = renderChart();
    const caption = container.querySelector('figcaption')!;
    expect(caption).toContainElement(
      screen.getByRole('heading', { name: 'Cost on all data after each epoch' }),
    );
    expect(caption).toContainElement(screen.getByRole('group', { name: 'Y axis' }));
    expect(caption).toHaveTextContent(/GD.*SGD/);
    const subtitle = screen.getByText(/The same metric for both runs/);
    const plot = container.querySelector('.chart-plot-host')!;
    expect(plot.compareDocumentPosition(subtitle) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
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
    act(() => void store.getState().actions.updateSettings({ third: 'minibatch' }));
    expect(container.querySelector('.loss-line.chart-run-minibatch')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Pin Mini-batch' })).toBeInTheDocument();
  });
});
