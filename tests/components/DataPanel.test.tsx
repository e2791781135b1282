import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DataEditor } from '../../src/components/DataEditor';
import { DataPanel } from '../../src/components/DataPanel';
import { DataPlot, plotFrame } from '../../src/components/DataPlot';
import { setFocusModality } from '../../src/hooks/focusModality';
import { dataView, presetData } from '../../src/core';
import { useLocaleStore } from '../../src/i18n';
import { PlaygroundProvider } from '../../src/store/context';
import { createPlaygroundStore, displayedParams, type PlaygroundStore } from '../../src/store/playground';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

function renderPanel(store: PlaygroundStore = createPlaygroundStore()) {
  const user = userEvent.setup();
  const view = render(
    <PlaygroundProvider store={store}>
      <DataPanel />
    </PlaygroundProvider>,
  );
  return { store, user, ...view };
}

const data = (store: PlaygroundStore) => {
  const { xs, ys } = store.getState().settings;
  return { xs: [...xs], ys: [...ys] };
};
const xCell = (n: number) => screen.getByRole('textbox', { name: `x of point ${n}` });
const yCell = (n: number) => screen.getByRole('textbox', { name: `y of point ${n}` });
const point = (n: number) => screen.getByRole('button', { name: new RegExp(`^Point ${n}: `) });
const rowCount = () => screen.getAllByRole('textbox', { name: /^x of point \d+$/ }).length;
const pasteBox = () => screen.getByRole('textbox', { name: 'Paste data' });
/** The fitted line of a run in the plot. */
const lineOf = (container: HTMLElement, run: string) =>
  container.querySelector<SVGLineElement>(`line.data-fit[data-run="${run}"]`);

describe('DataPanel: what it shows', () => {
  it('shows the lecture’s data as named points, a table and the preset', () => {
    renderPanel();
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
    const { container } = renderPanel(store);
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
    const { container } = renderPanel(store);
    expect(lineOf(container, 'gd')).toHaveAttribute('data-w', '1');
    act(() => store.getState().actions.runToEnd());
    expect(lineOf(container, 'gd')).toHaveAttribute('data-w', String(store.getState().runs.gd.params.w));
    expect(screen.getByText(/^GD: ŷ = 2·x$/)).toBeInTheDocument();
    act(() => void store.getState().actions.updateSettings({ showMinibatch: true }));
    expect(lineOf(container, 'minibatch')).not.toBeNull();
  });

  it('draws y = w·x + b with its intercept', () => {
    const store = createPlaygroundStore();
    const { container } = renderPanel(store);
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
    const { container } = renderPanel(store);
    // |1 − 2·α·mean(x²)| ≈ 8.3 per epoch: past 10³⁰⁸ within 1000 epochs.
    act(() => void store.getState().actions.updateSettings({ lr: 1, epochs: 1000 }));
    act(() => store.getState().actions.runToEnd());
    expect(store.getState().runs.gd.status).toBe('diverged');
    expect(screen.getByText('GD: diverged')).toBeInTheDocument();
    expect(lineOf(container, 'gd')).toBeNull();
    expect(container.innerHTML).not.toMatch(/NaN|Infinity/);
  });
});

describe('DataPanel: the table', () => {
  it('marks an invalid entry, keeps it as typed and the runs’ data unchanged, then applies the fix', async () => {
    const { store, user } = renderPanel();
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
    const { store, user } = renderPanel();
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
    const { store, user } = renderPanel();
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
    const { store, user } = renderPanel();
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

  it('fills the table from the cell a block is pasted into, adding rows past the end', async () => {
    const { store, user } = renderPanel();
    await user.click(xCell(2));
    await user.paste('x\ty\r\n5\t10\r\n6,5\t13\r\n7\t14\r\n');
    expect(data(store)).toEqual({ xs: [1, 5, 6.5, 7], ys: [2, 10, 13, 14] });
    expect(xCell(3)).toHaveValue('6.5');
    expect(screen.getByText(/Pasted 3 rows into the table, from point 2 on\./)).toHaveTextContent(
      /Its first line, “x, y”, is a header row, not data/,
    );

    // A column of y values from row 1; then a block too wide for the y column, refused.
    await user.click(yCell(1));
    await user.paste('3\n4');
    expect(data(store).ys).toEqual([3, 4, 13, 14]);
    await user.click(yCell(1));
    await user.paste('8\t9\n1\t2');
    expect(
      screen.getByText(/Not pasted: the block has 2 columns, but from the y column on/),
    ).toBeInTheDocument();
    expect(data(store).ys).toEqual([3, 4, 13, 14]);
  });

  it('applies a spreadsheet paste of two columns', async () => {
    const { store, user } = renderPanel();
    await user.click(screen.getByRole('textbox', { name: 'Paste data' }));
    await user.paste('1\t2\n2\t4\n3\t7');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 7] });
    expect(yCell(3)).toHaveValue('7.0');
    expect(screen.getByText('In use: 3 points.')).toBeInTheDocument();
  });

  it('applies x and y lines with the Chinese comma and full-width digits', async () => {
    const { store, user } = renderPanel();
    await user.click(screen.getByRole('textbox', { name: 'Paste data' }));
    await user.paste('x: １，２，３，４\ny: 2.5，4.5，6.5，8.5');
    expect(data(store)).toEqual({ xs: [1, 2, 3, 4], ys: [2.5, 4.5, 6.5, 8.5] });
    expect(rowCount()).toBe(4);
  });

  it('names the problems of a bad paste and keeps the data in use', async () => {
    const { store, user } = renderPanel();
    const box = screen.getByRole('textbox', { name: 'Paste data' });
    await user.click(box);
    await user.paste('1\t2\n2\tabc\n3');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Line 2, column 2: “abc” is not a number.');
    expect(alert).toHaveTextContent('Line 3 has 1 cell, but line 1 has 2.');
    expect(box).toHaveValue('1\t2\n2\tabc\n3');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });

    await user.clear(box);
    await user.paste('x: 1, 2, 3\ny: 2, 4');
    expect(screen.getByRole('alert')).toHaveTextContent('3 x values but 2 y values');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });

    // One column is never read as points; an empty cell is named, never skipped.
    await user.clear(box);
    await user.paste('1\n2');
    expect(screen.getByRole('alert')).toHaveTextContent('Only one column of numbers');
    await user.clear(box);
    await user.paste('1\t\t2');
    expect(screen.getByRole('alert')).toHaveTextContent('Line 1, column 2 is empty');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
  });

  it('asks which reading a paste means, and uses the one chosen', async () => {
    const { store, user } = renderPanel();
    await user.click(pasteBox());
    await user.paste('1,000\t2\n3\t4\n5\t6');
    const group = screen.getByRole('group', {
      name: 'This paste can be read in 2 ways. Which did you mean?',
    });
    const decimal = within(group).getByRole('radio', { name: /“1,000” is 1\.0: a decimal comma/ });
    const thousands = within(group).getByRole('radio', {
      name: /“1,000” is 1000\.0: the comma groups thousands/,
    });
    expect(thousands).toHaveAccessibleName(/3 points: \(1000\.0, 2\.0\), \(3\.0, 4\.0\), \(5\.0, 6\.0\)/);
    // Nothing is used until a reading is chosen.
    expect(screen.getByText('Choose a reading above to use these data.')).toHaveAttribute('role', 'status');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
    await user.click(thousands);
    expect(data(store)).toEqual({ xs: [1000, 3, 5], ys: [2, 4, 6] });
    await user.click(decimal);
    expect(data(store)).toEqual({ xs: [1, 3, 5], ys: [2, 4, 6] });
    expect(screen.getByText('In use: 3 points.')).toBeInTheDocument();

    // The paste: decimal commas, and two lines that may be points or an x and a y line.
    await user.clear(pasteBox());
    await user.paste('1,5\t3,0\n2,5\t5,0');
    expect(screen.getAllByRole('radio')).toHaveLength(2);
    await user.click(screen.getByRole('radio', { name: /^Each line is a point: x, then y/ }));
    expect(data(store)).toEqual({ xs: [1.5, 2.5], ys: [3, 5] });
    expect(screen.getByText('In use: 2 points.')).toBeInTheDocument();
  });

  it('shows a header row as one, and has the x and y columns chosen among three', async () => {
    const { store, user } = renderPanel();
    await user.click(pasteBox());
    await user.paste('week\thours\tscore\n1\t2\t50\n2\t4\t70\n3\t5\t80\n');
    expect(screen.getByText('Header row, not data: week, hours, score.')).toBeInTheDocument();
    expect(screen.getByText('Choose the x and y columns to use these data.')).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'Which columns hold x and y?' });
    const xFrom = within(group).getByRole('combobox', { name: 'x values' });
    expect(xFrom).toHaveValue('');
    expect(
      within(xFrom).getByRole('option', { name: 'Column 2 · hours · 2.0, 4.0, 5.0' }),
    ).toBeInTheDocument();
    await user.selectOptions(xFrom, '1');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
    await user.selectOptions(within(group).getByRole('combobox', { name: 'y values' }), '1');
    expect(screen.getByText(/x and y come from the same column/)).toBeInTheDocument();
    await user.selectOptions(within(group).getByRole('combobox', { name: 'y values' }), '2');
    expect(data(store)).toEqual({ xs: [2, 4, 5], ys: [50, 70, 80] });
    expect(rowCount()).toBe(3);
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
  async function typeInto(user: ReturnType<typeof userEvent.setup>, cell: HTMLElement, text: string) {
    await user.clear(cell);
    if (text !== '') await user.paste(text);
    expect(cell).toHaveAttribute('aria-invalid', 'true');
  }
  /** Deletes point `n` in the plot with the Delete key, the point reached with Tab. */
  async function deleteInPlot(user: ReturnType<typeof userEvent.setup>, n: number) {
    setFocusModality('keyboard');
    act(() => point(n).focus());
    await user.keyboard('{Delete}');
  }

  it('keeps a typed cell in its row when a point is added in the plot', async () => {
    const { store, user, container } = renderPanel();
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
    const { store, user } = renderPanel();
    await typeInto(user, yCell(3), 'abc');
    await deleteInPlot(user, 1);
    expect(data(store)).toEqual({ xs: [2, 3], ys: [4, 6] });
    expect(yCell(2)).toHaveValue('abc');
    expect(yCell(2)).toHaveAttribute('aria-invalid', 'true');
  });

  it('says so when the point of a typed cell is deleted in the plot', async () => {
    const { store, user } = renderPanel();
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
    const { store, user } = renderPanel();
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

describe('DataPanel: presets', () => {
  it('loads a preset into the store, and shows "Your own data" after an edit', async () => {
    const { store, user } = renderPanel();
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
    const first = renderPanel();
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
    const second = renderPanel(
      createPlaygroundStore({ ...createPlaygroundStore().getState().settings, seed: 2 }),
    );
    await second.user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'noisy');
    await second.user.click(screen.getByRole('button', { name: 'New noise' }));
    expect(data(second.store).ys).toEqual(third);
  });

  it('hints at the bias for data far from the origin, without switching the model', async () => {
    const { store, user } = renderPanel();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'offset');
    expect(data(store)).toEqual(presetData('offset', 1));
    expect(store.getState().settings.model).toBe('w');
    expect(screen.getByRole('note')).toHaveTextContent(/y = w·x \+ b/);
    act(() => void store.getState().actions.updateSettings({ model: 'wb' }));
    expect(screen.getByRole('note')).toHaveTextContent('With the bias b the line can leave the origin');
  });
});

describe('DataPanel: the plot', () => {
  it('moves the focused point with the arrow keys, by 0.1 and with Shift by 1', async () => {
    const { store, user } = renderPanel();
    // Reached with Tab: a point focused by a click keeps no keys (the page's shortcuts have them).
    setFocusModality('keyboard');
    act(() => point(2).focus());
    await user.keyboard('{ArrowUp}');
    expect(data(store).ys).toEqual([2, 4.1, 6]);
    expect(point(2)).toHaveAccessibleName('Point 2: x = 2.0, y = 4.1');
    expect(point(2)).toHaveFocus();
    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(data(store).xs).toEqual([1, 1, 3]);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
    expect(data(store)).toEqual({ xs: [1, 1.1, 3], ys: [2, 3.9, 6] });
    expect(yCell(2)).toHaveValue('3.9');
  });

  it('removes the focused point with Delete, never the last one, keeping the focus in the plot', async () => {
    const { store, user } = renderPanel();
    // Reached with Tab: a point focused by a click keeps no keys (the page's shortcuts have them).
    setFocusModality('keyboard');
    act(() => point(2).focus());
    await user.keyboard('{Delete}');
    expect(data(store)).toEqual({ xs: [1, 3], ys: [2, 6] });
    expect(screen.getByRole('button', { name: 'Point 2: x = 3.0, y = 6.0' })).toHaveFocus();
    await user.keyboard('{Backspace}');
    expect(data(store)).toEqual({ xs: [1], ys: [2] });
    expect(point(1)).toHaveFocus();
    await user.keyboard('{Delete}');
    expect(data(store)).toEqual({ xs: [1], ys: [2] });
    expect(screen.getByText('At least one point must stay.')).toBeInTheDocument();
  });

  it('moves between points with Page Down and Page Up, and removes the selected one by its button', async () => {
    const { store, user } = renderPanel();
    // Reached with Tab: a point focused by a click keeps no keys (the page's shortcuts have them).
    setFocusModality('keyboard');
    act(() => point(1).focus());
    await user.keyboard('{PageDown}');
    expect(point(2)).toHaveFocus();
    expect(point(2)).toHaveAttribute('tabindex', '0');
    expect(point(1)).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{End}');
    expect(point(3)).toHaveFocus();
    await user.keyboard('{PageUp}');
    expect(point(2)).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Remove point 2' }));
    expect(data(store)).toEqual({ xs: [1, 3], ys: [2, 6] });
  });

  it('adds a point where empty space is clicked, rounded to 2 decimals', () => {
    const store = createPlaygroundStore();
    const { container } = renderPanel(store);
    // Nothing is laid out in jsdom: SVG pixels are client pixels, at the default 640 × 384.
    const frame = plotFrame(dataView(store.getState().settings, 'w'), 640, 384);
    const target = { clientX: frame.px(1.004), clientY: frame.py(5) };
    const hit = container.querySelector('rect.data-hit')!;
    fireEvent.pointerDown(hit, target);
    fireEvent.click(hit, target);
    expect(data(store)).toEqual({ xs: [1, 2, 3, 1], ys: [2, 4, 6, 5] });
    expect(screen.getByRole('button', { name: 'Remove point 4' })).toBeInTheDocument();
    expect(rowCount()).toBe(4);
  });

  it('drags a point with the pointer, live, and Escape puts it back', () => {
    const store = createPlaygroundStore();
    renderPanel(store);
    const frame = plotFrame(dataView(store.getState().settings, 'w'), 640, 384);
    const dot = point(3);
    fireEvent.pointerDown(dot, { pointerId: 7, button: 0, clientX: frame.px(3), clientY: frame.py(6) });
    fireEvent.pointerMove(dot, { pointerId: 7, clientX: frame.px(2.5), clientY: frame.py(5.123) });
    fireEvent.pointerUp(dot, { pointerId: 7, clientX: frame.px(2.5), clientY: frame.py(5.123) });
    expect(data(store)).toEqual({ xs: [1, 2, 2.5], ys: [2, 4, 5.12] });

    fireEvent.pointerDown(dot, { pointerId: 8, button: 0 });
    fireEvent.pointerMove(dot, { pointerId: 8, clientX: frame.px(1), clientY: frame.py(1) });
    fireEvent.pointerMove(dot, { pointerId: 8, clientX: frame.px(0.5), clientY: frame.py(0.5) });
    fireEvent.keyDown(dot, { key: 'Escape' });
    fireEvent.pointerUp(dot, { pointerId: 8 });
    expect(data(store)).toEqual({ xs: [1, 2, 2.5], ys: [2, 4, 5.12] });
  });

  it('does not re-render the points while the clock runs, only the lines', () => {
    const store = createPlaygroundStore();
    const onRender = vi.fn<ProfilerOnRenderCallback>();
    const { container } = render(
      <PlaygroundProvider store={store}>
        <DataPlot onPointsRender={onRender} />
      </PlaygroundProvider>,
    );
    const mounted = onRender.mock.calls.length;
    act(() => store.getState().actions.play());
    for (let i = 0; i < 20; i++) act(() => store.getState().actions.tick(100));
    act(() => store.getState().actions.stepSample());
    expect(store.getState().epoch).toBe(20);
    expect(onRender).toHaveBeenCalledTimes(mounted);
    // The lines did follow the clock.
    expect(lineOf(container, 'gd')).toHaveAttribute('data-w', String(store.getState().runs.gd.params.w));
    // Positive control: new data re-render the points.
    act(() => void store.getState().actions.updateSettings({ ys: [2, 4, 7] }));
    expect(onRender.mock.calls.length).toBeGreaterThan(mounted);
  });

  it('speaks Chinese', async () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const { user } = renderPanel();
    expect(screen.getByRole('button', { name: '第 2 个点：x = 2.0，y = 4.0' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '第 3 个点的 y' })).toHaveValue('6.0');
    expect(screen.getByRole('textbox', { name: '粘贴数据' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '预设数据' })).toHaveValue('lecture');
    expect(screen.getByText('3 个点')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: '粘贴数据' }));
    await user.paste('1,000\t2\t3\n4\t5\t6\n7\t8\t9');
    expect(screen.getByRole('group', { name: '这段内容有 2 种读法，你指的是哪一种？' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /“1,000”是 1000\.0：逗号是千位分隔符。/ }));
    expect(screen.getByRole('group', { name: 'x 和 y 分别在哪一列？' })).toBeInTheDocument();
    expect(screen.getByText('请选择 x 列和 y 列，数据才会生效。')).toBeInTheDocument();
  });
});
