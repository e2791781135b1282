import { act, fireEvent, render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataPlot } from '../../../src/components/data/DataPlot';
import { POINT_KEYS } from '../../../src/components/data/dataPlotController';
import { pixelXY } from '../../../src/components/charts/toolkit';
import {
  dataView,
  lineEnds,
  plotFrame,
  pointPixel,
  widestLineFormula,
  type PlotBounds,
} from '../../../src/components/data/dataPlotGeometry';
import { LECTURE } from '../../../src/core';
import { setFocusModality } from '../../../src/hooks/focusModality';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore, type PlaygroundStore } from '../../../src/store/playground';
import { lineOf, point } from '../helpers/dataPanel';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

function renderPlot(store: PlaygroundStore = createPlaygroundStore()) {
  const view = render(
    <PlaygroundProvider store={store}>
      <DataPlot />
    </PlaygroundProvider>,
  );
  return { store, ...view };
}

/** Every number written into an SVG attribute of the plot. */
const svgNumbers = (container: HTMLElement): number[] =>
  [...container.querySelectorAll('svg *')].flatMap((element) =>
    [...element.attributes]
      .filter((attribute) => !attribute.name.startsWith('data-'))
      .flatMap(
        (attribute) => attribute.value.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|NaN|Infinity/gi) ?? [],
      )
      .map(Number),
  );

/** The lecture's view (x from −0.3 to 3.3, y from −0.6 to 6.6). */
const LECTURE_VIEW: PlotBounds = dataView(LECTURE.data, 'w');

describe('lineEnds: where ŷ = w·x (+ b) crosses the view', () => {
  it('draws the lecture’s lines from the left edge, as before', () => {
    const ends = lineEnds('w', { w: 2, b: 0 }, LECTURE_VIEW)!;
    expect(ends[0].x).toBeCloseTo(-0.3, 12);
    expect(ends[0].y).toBeCloseTo(-0.6, 12);
    expect(ends[1].x).toBeCloseTo(3.3, 12);
    expect(ends[1].y).toBeCloseTo(6.6, 12);
  });

  it('draws w = ±10¹⁵⁰ as the vertical line through the origin', () => {
    for (const w of [1e150, -1e150, 9.07e149]) {
      const ends = lineEnds('w', { w, b: 0 }, LECTURE_VIEW)!;
      expect(Math.abs(ends[0].x)).toBeLessThan(1e-140);
      expect(Math.abs(ends[1].x)).toBeLessThan(1e-140);
      expect([ends[0].y, ends[1].y].sort((a, b) => a - b)).toEqual([LECTURE_VIEW.y0, LECTURE_VIEW.y1]);
    }
  });

  it('returns null for a line that misses the view: a far intercept, or a steep line off to the side', () => {
    expect(lineEnds('wb', { w: 1, b: 1e150 }, LECTURE_VIEW)).toBeNull();
    expect(lineEnds('wb', { w: 1, b: -1e150 }, LECTURE_VIEW)).toBeNull();
    expect(lineEnds('wb', { w: 1e150, b: -1e151 }, LECTURE_VIEW)).toBeNull();
    expect(lineEnds('w', { w: NaN, b: 0 }, LECTURE_VIEW)).toBeNull();
    expect(lineEnds('wb', { w: 1, b: Infinity }, LECTURE_VIEW)).toBeNull();
    // Under model 'w' the intercept does not count.
    expect(lineEnds('w', { w: 1, b: 1e150 }, LECTURE_VIEW)).not.toBeNull();
  });

  it('draws a horizontal line across the view, and none above it', () => {
    expect(lineEnds('wb', { w: 0, b: 3 }, LECTURE_VIEW)).toEqual([
      { x: LECTURE_VIEW.x0, y: 3 },
      { x: LECTURE_VIEW.x1, y: 3 },
    ]);
    expect(lineEnds('wb', { w: 0, b: 7 }, LECTURE_VIEW)).toBeNull();
  });

  it('puts both ends inside the view and on the line, within half a pixel, for any w and b', () => {
    const frame = plotFrame(LECTURE_VIEW, 640, 384);
    const sx = frame.plotWidth / (LECTURE_VIEW.x1 - LECTURE_VIEW.x0);
    const sy = frame.plotHeight / (LECTURE_VIEW.y1 - LECTURE_VIEW.y0);
    const magnitude = fc.double({ min: -1e150, max: 1e150, noNaN: true });
    const slopes = fc.oneof(magnitude, fc.double({ min: -100, max: 100, noNaN: true }));
    const intercepts = fc.oneof(magnitude, fc.double({ min: -10, max: 10, noNaN: true }));
    fc.assert(
      fc.property(slopes, intercepts, (w, b) => {
        const ends = lineEnds('wb', { w, b }, LECTURE_VIEW);
        if (ends === null) return;
        for (const end of ends) {
          expect(end.x).toBeGreaterThanOrEqual(LECTURE_VIEW.x0);
          expect(end.x).toBeLessThanOrEqual(LECTURE_VIEW.x1);
          expect(end.y).toBeGreaterThanOrEqual(LECTURE_VIEW.y0);
          expect(end.y).toBeLessThanOrEqual(LECTURE_VIEW.y1);
          // The distance to the line is at most its horizontal and its vertical distance.
          const across = w === 0 ? Infinity : Math.abs(end.x - (end.y - b) / w) * sx;
          const up = Math.abs(end.y - (w * end.x + b)) * sy;
          expect(Math.min(across, up)).toBeLessThan(0.5);
        }
        expect(ends[0].x).toBeLessThanOrEqual(ends[1].x);
      }),
      { numRuns: 2000 },
    );
  });

  it('places a point in pixels, or says it cannot (never NaN)', () => {
    const frame = plotFrame(LECTURE_VIEW, 640, 384);
    expect(pointPixel(frame, 1, 2)).toEqual(
      pixelXY(Math.round(frame.px(1) * 100) / 100, Math.round(frame.py(2) * 100) / 100),
    );
    expect(pointPixel(frame, 1e150, 2)).toBeNull();
    expect(pointPixel(frame, NaN, 2)).toBeNull();
  });
});

describe('DataPlot with very large parameters', () => {
  it('w₀ = 10¹⁵⁰: both runs’ lines stand on the origin from the bottom to the top, nothing NaN or huge', () => {
    const store = createPlaygroundStore();
    act(() => void store.getState().actions.updateSettings({ w0: 1e150 }));
    const { container } = renderPlot(store);
    const frame = plotFrame(dataView(LECTURE.data, 'w'), 640, 384);
    for (const run of ['gd', 'sgd']) {
      const line = lineOf(container, run)!;
      expect(Number(line.getAttribute('x1'))).toBeCloseTo(frame.px(0), 1);
      expect(Number(line.getAttribute('x2'))).toBeCloseTo(frame.px(0), 1);
      expect(Math.abs(Number(line.getAttribute('y1')) - Number(line.getAttribute('y2')))).toBeCloseTo(
        frame.plotHeight,
        1,
      );
    }
    // Epochs later w is still near 10¹⁵⁰: still drawn, still on the plot.
    for (let i = 0; i < 5; i++) act(() => store.getState().actions.step());
    expect(lineOf(container, 'gd')).not.toBeNull();
    const numbers = svgNumbers(container);
    expect(numbers.every((n) => Number.isFinite(n) && Math.abs(n) < 1e4)).toBe(true);
    expect(container.textContent).not.toMatch(/NaN|Infinity/);
    expect(screen.getByText(/^GD: ŷ = \d\.\d+×10¹⁴⁹·x$/)).toBeInTheDocument();
  });

  it('b₀ = 10¹⁵⁰: the lines are off the chart, and the legend says so in words', () => {
    const store = createPlaygroundStore();
    act(() => void store.getState().actions.updateSettings({ model: 'wb', b0: 1e150 }));
    const { container } = renderPlot(store);
    expect(lineOf(container, 'gd')).toBeNull();
    expect(lineOf(container, 'sgd')).toBeNull();
    const legend = screen.getByRole('list', { name: 'Lines in the plot' });
    expect(within(legend).getByText('GD: ŷ = 1·x + 10¹⁵⁰, off the chart')).toHaveClass('data-offchart');
    expect(within(legend).getByText('SGD: ŷ = 1·x + 10¹⁵⁰, off the chart')).toBeInTheDocument();
    // The least-squares line passes through the data: it is drawn and named plainly.
    expect(within(legend).getByText('Least squares: ŷ = 2·x + 0')).not.toHaveClass('data-offchart');
    expect(container.querySelector('line.data-best')).not.toBeNull();
    expect(svgNumbers(container).every((n) => Number.isFinite(n) && Math.abs(n) < 1e4)).toBe(true);
  });

  it('says it in Chinese too', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const store = createPlaygroundStore();
    act(() => void store.getState().actions.updateSettings({ model: 'wb', b0: -1e150 }));
    renderPlot(store);
    expect(screen.getByText('GD：ŷ = 1·x − 10¹⁵⁰（超出图表范围）')).toBeInTheDocument();
  });
});

describe('DataPlot: the legend keeps room for the lines to come', () => {
  /** A ResizeObserver that never reports: enough for LayoutIsland to lay out its reserve (jsdom has none). */
  class SilentObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lays out each run’s line with its numbers at their widest, unseen, beside the legend', () => {
    vi.stubGlobal('ResizeObserver', SilentObserver);
    const store = createPlaygroundStore();
    act(() => void store.getState().actions.updateSettings({ model: 'wb' }));
    const { container } = renderPlot(store);
    const reserve = container.querySelector('.layout-island-reserve')!;
    expect(reserve).toHaveAttribute('aria-hidden', 'true');
    const widest = widestLineFormula('wb');
    expect([...reserve.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      `GD: ŷ = ${widest}`,
      `SGD: ŷ = ${widest}`,
      'Least squares: ŷ = 2·x + 0',
    ]);
    // The legend itself is as it was, and the only list of lines a screen reader finds.
    const legend = screen.getByRole('list', { name: 'Lines in the plot' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['GD: ŷ = 1·x + 0', 'SGD: ŷ = 1·x + 0', 'Least squares: ŷ = 2·x + 0']);
    expect(legend.closest('.layout-island-content')).not.toBeNull();
    // A third run gets its room too.
    act(() => void store.getState().actions.updateSettings({ third: 'adam' }));
    expect(reserve.querySelectorAll('li')).toHaveLength(4);
  });
});

describe('DataPlot: the keys of a focused point', () => {
  it('names the keys each point keeps, for the page’s keyboard module', () => {
    renderPlot();
    for (const n of [1, 2, 3]) expect(point(n)).toHaveAttribute('data-keys', POINT_KEYS);
    expect(POINT_KEYS.split(' ')).toEqual(
      expect.arrayContaining(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Delete', 'PageDown']),
    );
  });

  it('a point reached with Tab moves with the arrows and takes the key from the page', () => {
    const { store } = renderPlot();
    setFocusModality('keyboard');
    act(() => point(2).focus());
    // fireEvent returns false when the handler called preventDefault.
    expect(fireEvent.keyDown(point(2), { key: 'ArrowUp' })).toBe(false);
    expect(store.getState().settings.ys).toEqual([2, 4.1, 6]);
    expect(fireEvent.keyDown(point(2), { key: 'PageDown' })).toBe(false);
    expect(document.activeElement).toBe(point(3));
  });

  it('a point focused by a click keeps no keys: → and ↑ are left to the page, the data unchanged', () => {
    const { store } = renderPlot();
    // A press on the point focuses it (and selects it), as the mouse does.
    setFocusModality('pointer');
    fireEvent.pointerDown(point(2), { pointerType: 'mouse', button: 0, pointerId: 1 });
    fireEvent.pointerUp(point(2), { pointerType: 'mouse', button: 0, pointerId: 1 });
    expect(document.activeElement).toBe(point(2));
    for (const key of ['ArrowRight', 'ArrowUp', 'Delete', 'PageDown']) {
      expect(fireEvent.keyDown(point(2), { key })).toBe(true);
    }
    expect(store.getState().settings).toMatchObject({ xs: [1, 2, 3], ys: [2, 4, 6] });
    expect(document.activeElement).toBe(point(2));
  });

  it('Escape still cancels a drag started with the mouse', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    try {
      const { store, container } = renderPlot();
      setFocusModality('pointer');
      const frame = plotFrame(dataView(LECTURE.data, 'w'), 640, 384);
      fireEvent.pointerDown(point(2), { pointerType: 'mouse', button: 0, pointerId: 7 });
      fireEvent.pointerMove(point(2), { pointerId: 7, clientX: frame.px(2.5), clientY: frame.py(5) });
      // The move is applied on the next animation frame (one store update per frame).
      act(() => vi.advanceTimersToNextFrame());
      expect(store.getState().settings).toMatchObject({ xs: [1, 2.5, 3], ys: [2, 5, 6] });
      expect(fireEvent.keyDown(point(2), { key: 'Escape' })).toBe(false);
      expect(store.getState().settings).toMatchObject({ xs: [1, 2, 3], ys: [2, 4, 6] });
      expect(container.querySelector('.data-svg')).not.toHaveClass('is-dragging');
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives every point a focus ring apart from the selection mark (shown by CSS on :focus-visible)', () => {
    const { container } = renderPlot();
    const points = container.querySelectorAll('.data-point');
    expect(points).toHaveLength(3);
    for (const element of points) {
      expect(element.querySelectorAll(':scope > .data-point-ring > circle')).toHaveLength(2);
    }
  });
});
