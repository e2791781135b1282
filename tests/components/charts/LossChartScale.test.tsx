import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AUTO_LOG_FACTOR } from '../../../src/components/charts/chartData';
import { powerOfTen } from '../../../src/components/charts/toolkit';
import { pyFloat, traceColumn } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { createPlaygroundStore } from '../../../src/store/playground';
import { allText } from '../helpers/dom';
import {
  hoverEpoch,
  largestCost,
  linePath,
  pathPoints,
  plotArea,
  renderChart,
  tickValue,
  ticks,
  xOf,
} from '../helpers/lossChart';

// The loss chart's y axis: linear or log, turning to log by itself as a cost grows, and what it
// shows of a run that diverged.

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('LossChart: scale and divergence', () => {
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

  it('follows a growing cost on its linear axis, then turns to log by itself and says so', async () => {
    const user = userEvent.setup();
    const { store, container } = renderChart();
    const figure = screen.getByRole('figure');
    act(() => void store.getState().actions.updateSettings({ lr: 0.25 }));
    // One epoch at α = 0.25: SGD's cost grows about threefold; the linear axis grows with it.
    act(() => store.getState().actions.step());
    const initial = 14 / 3;
    expect(largestCost(store) / initial).toBeGreaterThan(1.5);
    expect(largestCost(store) / initial).toBeLessThan(AUTO_LOG_FACTOR);
    expect(figure).toHaveAttribute('data-scale', 'linear');
    expect(screen.getByRole('radio', { name: 'Linear' })).toBeChecked();
    const linear = ticks(container, 'y').map((tick) => tickValue(tick.label));
    expect(Math.max(...linear)).toBeGreaterThanOrEqual(largestCost(store));
    expect(screen.queryByText(/^log scale/)).not.toBeInTheDocument();

    // Eight epochs: both costs have grown far past tenfold; the axis is log, and says why.
    act(() => {
      for (let k = 0; k < 7; k++) store.getState().actions.step();
    });
    const growth = largestCost(store) / initial;
    expect(growth).toBeGreaterThan(AUTO_LOG_FACTOR);
    expect(figure).toHaveAttribute('data-scale', 'log');
    expect(screen.getByRole('radio', { name: 'Log' })).toBeChecked();
    expect(
      screen.getByText(`log scale: the cost grew over ×${powerOfTen(Math.floor(Math.log10(growth)))}`),
    ).toBeVisible();
    const decades = ticks(container, 'y').map((tick) => Math.log10(tickValue(tick.label)));
    expect(Math.max(...decades)).toBeGreaterThanOrEqual(Math.log10(largestCost(store)));
    // Every line stays inside the plot: nothing leaves through the top.
    const area = plotArea(container);
    for (const id of ['gd', 'sgd'] as const) {
      for (const point of pathPoints(linePath(container, id))) {
        expect(point.y).toBeGreaterThanOrEqual(area.top - 0.01);
        expect(point.y).toBeLessThanOrEqual(area.bottom + 0.01);
      }
    }

    // The reader's choice wins: Linear is a linear axis up to the largest cost, with no note.
    await user.click(screen.getByRole('radio', { name: 'Linear' }));
    expect(figure).toHaveAttribute('data-scale', 'linear');
    expect(screen.queryByText(/^log scale/)).not.toBeInTheDocument();
    const labels = ticks(container, 'y').map((tick) => tickValue(tick.label));
    expect(Math.max(...labels)).toBeGreaterThanOrEqual(largestCost(store));
    expect(labels[0]).toBe(0);
    await user.click(screen.getByRole('radio', { name: 'Log' }));
    expect(figure).toHaveAttribute('data-scale', 'log');
    expect(screen.queryByText(/^log scale/)).not.toBeInTheDocument();
  });

  it('ends a diverged run at its last finite epoch, marked "diverged in epoch k", never NaN', async () => {
    const user = userEvent.setup();
    const { store, container } = renderChart();
    act(() => {
      store.getState().actions.updateSettings({ lr: 1 });
      store.getState().actions.runToEnd();
    });
    const { runs } = store.getState();
    expect(runs.sgd.status).toBe('diverged');
    // Halted: the epochs done are those before the one that overflowed (0-based divergedAtEpoch).
    expect(runs.sgd.epoch).toBe(runs.sgd.divergedAtEpoch);
    const k = runs.sgd.divergedAtEpoch! + 1;
    expect(screen.getByRole('figure')).toHaveAttribute('data-scale', 'log');
    // Nothing is "above the chart" any more: the axis reaches the largest cost.
    expect(allText(container)).not.toMatch(/above the chart/);
    const decades = ticks(container, 'y').map((tick) => Math.log10(tickValue(tick.label)));
    expect(Math.max(...decades)).toBeGreaterThanOrEqual(Math.log10(largestCost(store)));

    const sgdPoints = pathPoints(linePath(container, 'sgd'));
    expect(sgdPoints).toHaveLength(runs.sgd.epoch + 1);
    const last = sgdPoints.at(-1)!;
    expect(last.x).toBeCloseTo(xOf(container, runs.sgd.epoch, 100), 1);
    const end = container.querySelector('.loss-end.chart-run-sgd')!;
    expect(end).toHaveAttribute('data-epoch', String(runs.sgd.epoch));
    expect(end.querySelector('text')).toHaveTextContent(`diverged in epoch ${k}`);
    // The × is centred on the line's last point.
    const mark = [
      ...end
        .querySelector('path')!
        .getAttribute('d')!
        .matchAll(/-?[\d.]+/g),
    ].map((m) => Number(m[0]));
    expect((mark[0]! + mark[2]!) / 2).toBeCloseTo(last.x, 1);
    expect((mark[1]! + mark[3]!) / 2).toBeCloseTo(last.y, 1);
    // GD has not diverged in 100 epochs (at α = 1 it overflows in epoch 167): no end mark.
    expect(runs.gd.status).toBe('running');
    expect(container.querySelector('.loss-end.chart-run-gd')).toBeNull();
    expect(container.querySelector('.loss-legend .chart-run-sgd')).toHaveTextContent(
      `diverged in epoch ${k}`,
    );
    expect(allText(container)).not.toMatch(/NaN|Infinity/);

    // On a linear axis too the lines stay inside the plot, every coordinate a finite number.
    await user.click(screen.getByRole('radio', { name: 'Linear' }));
    const area = plotArea(container);
    for (const id of ['gd', 'sgd'] as const) {
      for (const point of pathPoints(linePath(container, id))) {
        expect(Number.isFinite(point.y)).toBe(true);
        expect(point.y).toBeGreaterThanOrEqual(area.top - 0.01);
      }
    }
    const labels = ticks(container, 'y').map((tick) => tickValue(tick.label));
    expect(Math.max(...labels)).toBeGreaterThanOrEqual(largestCost(store));
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
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
    expect(readout).toHaveTextContent(`diverged in epoch ${runs.sgd.divergedAtEpoch! + 1}`);
    expect(container.querySelector('circle.loss-active-dot.chart-run-gd')).not.toBeNull();
    expect(container.querySelector('circle.loss-active-dot.chart-run-sgd')).toBeNull();

    act(() => void fireEvent.keyDown(document, { key: 'Escape' }));
    expect(screen.queryByTestId('loss-tooltip')).not.toBeInTheDocument();
    // Leaving the chart and coming back to the same epoch shows it again.
    fireEvent.mouseLeave(container.querySelector('.recharts-wrapper')!);
    await waitFor(() => expect(container.querySelector('.loss-cursor')).toBeNull());
    await hoverEpoch(container, 9_500, 10_000);
    expect(screen.getByTestId('loss-tooltip')).toHaveTextContent(`after epoch ${epoch}`);
  });
});
