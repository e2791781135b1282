// The data panel as a whole: what it shows, and its presets (the table, pasting and the plot have files of their own).
import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { plotFrame } from '../../../src/components/data/DataPlot';
import { dataView } from '../../../src/components/data/dataPlotGeometry';
import { presetData } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { createPlaygroundStore, displayedParams } from '../../../src/store/playground';
import { data, lineOf, point, renderDataPanel, rowCount, xCell, yCell } from '../helpers/dataPanel';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('DataPanel: what it shows', () => {
  it('shows the lecture’s data as named points, a table and the preset', () => {
    renderDataPanel();
    const panel = screen.getByRole('region', { name: 'Data' });
    expect(within(panel).getByRole('combobox', { name: 'Preset' })).toHaveValue('lecture');
    expect(screen.getByRole('button', { name: 'Point 1: x = 1.0, y = 2.0' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Point 2: x = 2.0, y = 4.0' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Point 3: x = 3.0, y = 6.0' })).toBeInTheDocument();
    expect(rowCount()).toBe(3);
    expect(xCell(2)).toHaveValue('2.0');
    expect(yCell(3)).toHaveValue('6.0');
    expect(screen.getByRole('textbox', { name: 'Paste data' })).toHaveValue('');
    // Only one point is in the tab order; the others are reached with Page Up / Page Down.
    expect(point(1)).toHaveAttribute('tabindex', '0');
    expect(point(2)).toHaveAttribute('tabindex', '-1');
  });

  it('draws each shown run’s line from its current w, through the origin for y = w·x', () => {
    const store = createPlaygroundStore();
    const { container } = renderDataPanel(store);
    for (let i = 0; i < 5; i++) act(() => store.getState().actions.step());
    const state = store.getState();
    for (const run of ['gd', 'sgd'] as const) {
      const line = lineOf(container, run)!;
      const w = displayedParams(state, run).w;
      expect(Number(line.getAttribute('data-w'))).toBe(w);
      // Both ends lie on ŷ = w·x, in data units…
      const ends = line
        .getAttribute('data-ends')!
        .split(' ')
        .map((pair) => pair.split(',').map(Number));
      for (const [x, y] of ends as [number, number][]) expect(y).toBeCloseTo(w * x, 9);
      // …and in pixels: the drawn slope is w scaled by the view.
      const frame = plotFrame(dataView(state.settings, 'w'), 640, 384);
      const [[xa, ya], [xb, yb]] = ends as [[number, number], [number, number]];
      expect(Number(line.getAttribute('x1'))).toBeCloseTo(frame.px(xa), 1);
      expect(Number(line.getAttribute('y1'))).toBeCloseTo(frame.py(ya), 1);
      expect(Number(line.getAttribute('x2'))).toBeCloseTo(frame.px(xb), 1);
      expect(Number(line.getAttribute('y2'))).toBeCloseTo(frame.py(yb), 1);
    }
    // The lecture's view: x from −0.3, so the line starts at the left edge, below the origin.
    const gd = lineOf(container, 'gd')!.getAttribute('data-ends')!;
    expect(gd.startsWith('-0.3')).toBe(true);
    expect(lineOf(container, 'minibatch')).toBeNull();
  });

  it('moves the lines as the runs train, and draws the mini-batch line when it is shown', () => {
    const store = createPlaygroundStore();
    const { container } = renderDataPanel(store);
    expect(lineOf(container, 'gd')).toHaveAttribute('data-w', '1');
    act(() => store.getState().actions.runToEnd());
    expect(lineOf(container, 'gd')).toHaveAttribute('data-w', String(store.getState().runs.gd.params.w));
    expect(screen.getByText(/^GD: ŷ = 2·x$/)).toBeInTheDocument();
    act(() => void store.getState().actions.updateSettings({ third: 'minibatch' }));
    expect(lineOf(container, 'minibatch')).not.toBeNull();
  });

  it('draws y = w·x + b with its intercept', () => {
    const store = createPlaygroundStore();
    const { container } = renderDataPanel(store);
    act(() => void store.getState().actions.updateSettings({ model: 'wb', b0: 1.5 }));
    const line = lineOf(container, 'gd')!;
    expect(line).toHaveAttribute('data-b', '1.5');
    const ends = line
      .getAttribute('data-ends')!
      .split(' ')
      .map((pair) => pair.split(',').map(Number));
    for (const [x, y] of ends as [number, number][]) expect(y).toBeCloseTo(1 * x + 1.5, 9);
    expect(screen.getByText('GD: ŷ = 1·x + 1.5')).toBeInTheDocument();
  });

  it('shows a diverged run as words, never as NaN or Infinity', () => {
    const store = createPlaygroundStore();
    const { container } = renderDataPanel(store);
    // |1 − 2·α·mean(x²)| ≈ 8.3 per epoch: past 10³⁰⁸ within 1000 epochs.
    act(() => void store.getState().actions.updateSettings({ lr: 1, epochs: 1000 }));
    act(() => store.getState().actions.runToEnd());
    expect(store.getState().runs.gd.status).toBe('diverged');
    expect(screen.getByText('GD: diverged')).toBeInTheDocument();
    expect(lineOf(container, 'gd')).toBeNull();
    expect(container.innerHTML).not.toMatch(/NaN|Infinity/);
  });
});

describe('DataPanel: presets', () => {
  it('loads a preset into the store, and shows "Your own data" after an edit', async () => {
    const { store, user } = renderDataPanel();
    const select = screen.getByRole('combobox', { name: 'Preset' });
    await user.selectOptions(select, 'outlier');
    expect(data(store)).toEqual(presetData('outlier'));
    expect(rowCount()).toBe(6);
    expect(screen.getByRole('button', { name: 'New noise' })).toBeDisabled();

    await user.selectOptions(select, 'noisy50');
    expect(data(store)).toEqual(presetData('noisy50', 1));
    // The points' own labels, read directly: a role query over 50 points costs seconds on a busy machine.
    const points = [...document.querySelectorAll('[role="button"][aria-label]')].filter((point) =>
      /^Point \d+: /.test(point.getAttribute('aria-label') ?? ''),
    );
    expect(points).toHaveLength(50);

    // One look-up: a role query over 50 points and 50 rows is slow on a busy machine.
    const cell = yCell(1);
    await user.clear(cell);
    await user.type(cell, '3');
    expect(select).toHaveValue('custom');
    expect(screen.getByRole('option', { name: 'Your own data' })).toBeDisabled();
    // Fifty points and fifty rows render slowly on a busy two-core machine: room to spare.
  }, 30_000);

  it('draws new noise from the next seed, the same on every run', async () => {
    const first = renderDataPanel();
    await first.user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'noisy');
    expect(data(first.store).ys).toEqual(presetData('noisy', 1).ys);
    await first.user.click(screen.getByRole('button', { name: 'New noise' }));
    expect(first.store.getState().settings.seed).toBe(2);
    expect(data(first.store)).toEqual(presetData('noisy', 2));
    expect(data(first.store).ys).not.toEqual(presetData('noisy', 1).ys);
    await first.user.click(screen.getByRole('button', { name: 'New noise' }));
    expect(first.store.getState().settings.seed).toBe(3);
    const third = data(first.store).ys;
    // Still the noisy preset, at its new seed.
    expect(screen.getByRole('combobox', { name: 'Preset' })).toHaveValue('noisy');
    first.unmount();

    // Same seed, same noise: another store from seed 2 lands on the same data.
    const second = renderDataPanel(
      createPlaygroundStore({ ...createPlaygroundStore().getState().settings, seed: 2 }),
    );
    await second.user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'noisy');
    await second.user.click(screen.getByRole('button', { name: 'New noise' }));
    expect(data(second.store).ys).toEqual(third);
  });

  it('hints at the bias for data far from the origin, without switching the model', async () => {
    const { store, user } = renderDataPanel();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'offset');
    expect(data(store)).toEqual(presetData('offset', 1));
    expect(store.getState().settings.model).toBe('w');
    expect(screen.getByRole('note')).toHaveTextContent(/y = w·x \+ b/);
    act(() => void store.getState().actions.updateSettings({ model: 'wb' }));
    expect(screen.getByRole('note')).toHaveTextContent('With the bias b the line can leave the origin');
  });
});
