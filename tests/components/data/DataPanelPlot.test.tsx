// The data panel's plot: points moved, added and removed by keyboard and pointer; and the panel in Chinese.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataPlot, plotFrame } from '../../../src/components/data/DataPlot';
import { dataView } from '../../../src/components/data/dataPlotGeometry';
import { setFocusModality } from '../../../src/hooks/focusModality';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore } from '../../../src/store/playground';
import { data, lineOf, point, renderDataPanel, rowCount, yCell } from '../helpers/dataPanel';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('DataPanel: the plot', () => {
  it('moves the focused point with the arrow keys, by 0.1 and with Shift by 1', async () => {
    const { store, user } = renderDataPanel();
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
    const { store, user } = renderDataPanel();
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
    const { store, user } = renderDataPanel();
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
    const { container } = renderDataPanel(store);
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
    renderDataPanel(store);
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

  it('does not touch the points while the clock runs, only the lines', () => {
    const store = createPlaygroundStore();
    const { container } = render(
      <PlaygroundProvider store={store}>
        <DataPlot />
      </PlaygroundProvider>,
    );
    /** Records every change React makes to the DOM under `selector` (read with takeRecords). */
    const watch = (selector: string) => {
      const observer = new MutationObserver(() => {});
      observer.observe(container.querySelector(selector)!, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      return observer;
    };
    const points = watch('.data-points');
    const lines = watch('.data-lines');
    act(() => store.getState().actions.play());
    for (let i = 0; i < 20; i++) act(() => store.getState().actions.tick(100));
    act(() => store.getState().actions.stepSample());
    expect(store.getState().epoch).toBe(20);
    expect(points.takeRecords()).toEqual([]);
    // The lines did follow the clock.
    expect(lines.takeRecords().length).toBeGreaterThan(0);
    expect(lineOf(container, 'gd')).toHaveAttribute('data-w', String(store.getState().runs.gd.params.w));
    // Positive control: new data move the points.
    act(() => void store.getState().actions.updateSettings({ ys: [2, 4, 7] }));
    expect(points.takeRecords().length).toBeGreaterThan(0);
    points.disconnect();
    lines.disconnect();
  });

  it('speaks Chinese', async () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const { user } = renderDataPanel();
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
