// The data panel's table: typed cells, rows, and typed cells that survive the plot's and the presets' edits.
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DataEditor } from '../../../src/components/data/DataEditor';
import { plotFrame } from '../../../src/components/data/DataPlot';
import { dataView } from '../../../src/components/data/dataPlotGeometry';
import { setFocusModality } from '../../../src/hooks/focusModality';
import { presetData } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore } from '../../../src/store/playground';
import { data, point, renderDataPanel, rowCount, xCell, yCell } from '../helpers/dataPanel';
import type { User } from '../helpers/dom';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('DataPanel: the table', () => {
  it('marks an invalid entry, keeps it as typed and the runs’ data unchanged, then applies the fix', async () => {
    const { store, user } = renderDataPanel();
    const before = store.getState().settings;
    const cell = yCell(3);

    await user.clear(cell);
    expect(cell).toHaveAttribute('aria-invalid', 'true');
    expect(cell).toHaveAccessibleDescription('Enter a value.');
    await user.type(cell, 'abc');
    expect(cell).toHaveValue('abc');
    expect(cell).toHaveAttribute('aria-invalid', 'true');
    expect(cell).toHaveAccessibleDescription('Enter a number, like 2.5.');
    expect(screen.getByRole('status')).toHaveTextContent(/Not in use yet/);
    // Nothing reached the store, nor the runs.
    expect(store.getState().settings.xs).toBe(before.xs);
    expect(store.getState().settings.ys).toBe(before.ys);
    expect(store.getState().runs.gd.setup.data.ys).toEqual([2, 4, 6]);
    // The plot still shows the data in use.
    expect(point(3)).toHaveAccessibleName('Point 3: x = 3.0, y = 6.0');

    await user.clear(cell);
    await user.type(cell, '7');
    expect(cell).toHaveAttribute('aria-invalid', 'false');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 7] });
    expect(store.getState().runs.gd.setup.data.ys).toEqual([2, 4, 7]);
    expect(point(3)).toHaveAccessibleName('Point 3: x = 3.0, y = 7.0');
    expect(screen.queryByText(/Not in use yet/)).toBeNull();
  });

  it('accepts full-width digits and refuses values too large to train on', async () => {
    const { store, user } = renderDataPanel();
    await user.clear(xCell(1));
    await user.type(xCell(1), '１．５');
    expect(data(store).xs).toEqual([1.5, 2, 3]);

    // Pasted at once (typed key by key, 1e20 on the way would be a valid number and apply).
    await user.clear(yCell(2));
    await user.paste('1e200');
    expect(yCell(2)).toHaveValue('1e200');
    expect(yCell(2)).toHaveAttribute('aria-invalid', 'true');
    expect(yCell(2)).toHaveAccessibleDescription('y values #2 is too large (at most 1e+150 in size).');
    expect(data(store).ys).toEqual([2, 4, 6]);
  });

  it('keeps an unfinished edit when a point is moved elsewhere, and can discard it', async () => {
    const { store, user } = renderDataPanel();
    await user.clear(yCell(3));
    await user.type(yCell(3), 'x');
    // The plot moves point 1 meanwhile: the table takes it and keeps what was typed in row 3.
    act(() => void store.getState().actions.updateSettings({ xs: [1, 2, 3], ys: [2.5, 4, 6] }));
    expect(yCell(1)).toHaveValue('2.5');
    expect(yCell(3)).toHaveValue('x');
    expect(yCell(3)).toHaveAttribute('aria-invalid', 'true');

    await user.click(screen.getByRole('button', { name: 'Discard table edits' }));
    expect(yCell(3)).toHaveValue('6.0');
    expect(yCell(3)).toHaveAttribute('aria-invalid', 'false');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2.5, 4, 6] });
  });

  it('adds a row on the trend of the data and removes rows, never the last one', async () => {
    const { store, user } = renderDataPanel();
    await user.click(screen.getByRole('button', { name: 'Add row' }));
    expect(data(store)).toEqual({ xs: [1, 2, 3, 4], ys: [2, 4, 6, 8] });
    expect(xCell(4)).toHaveFocus();
    expect(screen.getByText('4 points')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove row 1' }));
    expect(data(store)).toEqual({ xs: [2, 3, 4], ys: [4, 6, 8] });
    await user.click(screen.getByRole('button', { name: 'Remove row 1' }));
    await user.click(screen.getByRole('button', { name: 'Remove row 1' }));
    expect(data(store)).toEqual({ xs: [4], ys: [8] });
    expect(screen.getByRole('button', { name: 'Remove row 1' })).toBeDisabled();
    expect(screen.getByText('1 point')).toBeInTheDocument();
  });

  it('does not re-render the table while the clock runs', () => {
    const store = createPlaygroundStore();
    const onRender = vi.fn<ProfilerOnRenderCallback>();
    render(
      <PlaygroundProvider store={store}>
        <Profiler id="editor" onRender={onRender}>
          <DataEditor />
        </Profiler>
      </PlaygroundProvider>,
    );
    expect(onRender).toHaveBeenCalledTimes(1);
    act(() => store.getState().actions.play());
    for (let i = 0; i < 20; i++) act(() => store.getState().actions.tick(100));
    act(() => store.getState().actions.stepSample());
    expect(store.getState().epoch).toBeGreaterThan(0);
    expect(onRender).toHaveBeenCalledTimes(1);
  });
});

describe('DataPanel: unfinished cells survive other edits', () => {
  /** Puts `text` into a cell at once (typed key by key, `4` of `4,7` would apply on the way). */
  async function typeInto(user: User, cell: HTMLElement, text: string) {
    await user.clear(cell);
    if (text !== '') await user.paste(text);
    expect(cell).toHaveAttribute('aria-invalid', 'true');
  }
  /** Deletes point `n` in the plot with the Delete key, the point reached with Tab. */
  async function deleteInPlot(user: User, n: number) {
    setFocusModality('keyboard');
    act(() => point(n).focus());
    await user.keyboard('{Delete}');
  }

  it('keeps a typed cell in its row when a point is added in the plot', async () => {
    const { store, user, container } = renderDataPanel();
    await typeInto(user, xCell(2), '4,7');
    const frame = plotFrame(dataView(store.getState().settings, 'w'), 640, 384);
    const hit = container.querySelector('rect.data-hit')!;
    const target = { clientX: frame.px(0.5), clientY: frame.py(5) };
    fireEvent.pointerDown(hit, target);
    fireEvent.click(hit, target);
    expect(data(store)).toEqual({ xs: [1, 2, 3, 0.5], ys: [2, 4, 6, 5] });
    expect(rowCount()).toBe(4);
    expect(xCell(2)).toHaveValue('4,7');
    expect(xCell(2)).toHaveAttribute('aria-invalid', 'true');
    expect(xCell(4)).toHaveValue('0.5');
    // Fixing it now applies it, with the added point.
    await user.clear(xCell(2));
    await user.type(xCell(2), '4.7');
    expect(data(store)).toEqual({ xs: [1, 4.7, 3, 0.5], ys: [2, 4, 6, 5] });
  });

  it('moves a typed cell up with its row when a point above it is deleted in the plot', async () => {
    const { store, user } = renderDataPanel();
    await typeInto(user, yCell(3), 'abc');
    await deleteInPlot(user, 1);
    expect(data(store)).toEqual({ xs: [2, 3], ys: [4, 6] });
    expect(yCell(2)).toHaveValue('abc');
    expect(yCell(2)).toHaveAttribute('aria-invalid', 'true');
  });

  it('says so when the point of a typed cell is deleted in the plot', async () => {
    const { store, user } = renderDataPanel();
    await typeInto(user, xCell(2), '4,7');
    await deleteInPlot(user, 2);
    expect(data(store)).toEqual({ xs: [1, 3], ys: [2, 6] });
    expect(
      screen.getByText(
        'A point was removed in the plot, and what you had typed in its row went with it: x of point 2, “4,7”.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Not in use yet/)).toBeNull();
  });

  it('says which typed cells a preset replaced, until dismissed', async () => {
    const { store, user } = renderDataPanel();
    await typeInto(user, xCell(2), '4,7');
    await typeInto(user, yCell(3), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'outlier');
    expect(data(store)).toEqual(presetData('outlier'));
    const note = screen.getByText(/^New data replaced the table/);
    expect(note).toHaveTextContent(
      'so what you had typed there and was not in use yet is gone: x of point 2, “4,7” and y of point 3, “”.',
    );
    expect(xCell(2)).toHaveAttribute('aria-invalid', 'false');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/^New data replaced the table/)).toBeNull();
  });
});
