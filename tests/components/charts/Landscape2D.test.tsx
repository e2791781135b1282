import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ARROW_PX, Landscape2D } from '../../../src/components/charts/Landscape2D';
import { batchGradient, cost, optimum, pyFloat, traceColumn } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { displayedParams } from '../../../src/store/playground';
import { allText, wholeText } from '../helpers/dom';
import { OFFSET, offsetStore, renderMap, step } from '../helpers/landscape2d';

/** Value → px along one axis, from the first and last tick marks. */
function axisScale(container: HTMLElement, axis: 'w' | 'b'): (value: number) => number {
  const ticks = [...container.querySelectorAll(`g.landscape2d-tick-${axis}`)].map((tick) => {
    const line = tick.querySelector('line')!;
    return {
      value: Number(tick.getAttribute('data-value')),
      at: Number(line.getAttribute(axis === 'w' ? 'x1' : 'y1')),
    };
  });
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const [a, b] = [ticks[0]!, ticks[ticks.length - 1]!];
  return (value) => a.at + ((b.at - a.at) * (value - a.value)) / (b.value - a.value);
}

const ball = (container: HTMLElement) => container.querySelector<SVGCircleElement>('circle.landscape2d-ball');
const figureOf = (container: HTMLElement) => container.querySelector('figure')!;

/** Every vertex drawn by the paths of a class: the numbers of their d, in (x, y) pairs. */
function vertices(container: HTMLElement, selector: string): [number, number][] {
  const points: [number, number][] = [];
  for (const path of container.querySelectorAll(selector)) {
    const numbers = [...path.getAttribute('d')!.matchAll(/-?[\d.]+(?:e[+-]?\d+)?/g)].map((m) => Number(m[0]));
    for (let k = 0; k + 1 < numbers.length; k += 2) points.push([numbers[k]!, numbers[k + 1]!]);
  }
  return points;
}

/** A polyline's length over the distance between its ends: 1 for a straight line, large for a zig-zag. */
function tortuosity(points: readonly [number, number][]): number {
  let length = 0;
  for (let k = 1; k < points.length; k++) {
    length += Math.hypot(points[k]![0] - points[k - 1]![0], points[k]![1] - points[k - 1]![1]);
  }
  const [first, last] = [points[0]!, points[points.length - 1]!];
  return length / Math.hypot(last[0] - first[0], last[1] - first[1]);
}

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('Landscape2D', () => {
  it('is a described figure of cost(w, b) with contour lines, shading, θ* and the ball at θ₀', () => {
    const { container } = renderMap('gd', offsetStore());
    const figure = screen.getByRole('figure', { name: 'Loss landscape: cost(w, b)' });
    expect(figure).toHaveAccessibleDescription(/contour map of cost\(w, b\)/);
    // The title names the figure for assistive technology; on screen the tab names it.
    expect(
      screen.getByRole('heading', { name: 'Loss landscape: cost(w, b)' }).closest('.chart-sr-only'),
    ).not.toBeNull();
    expect(screen.getByText(wholeText('−∇cost: direction only, length scaled'))).toBeInTheDocument();

    const contours = container.querySelectorAll('path.landscape2d-contour');
    expect(contours.length).toBeGreaterThanOrEqual(8);
    for (const path of contours) expect(path.getAttribute('d')).toMatch(/^M/);
    expect(container.querySelectorAll('path.landscape2d-band').length).toBe(contours.length);
    expect(figure).toHaveAttribute('data-contours', '12');

    const star = optimum('wb', OFFSET);
    expect(screen.getByText(`θ* = (${pyFloat(star.w)}, ${pyFloat(star.b)})`)).toBeInTheDocument();
    expect(container.querySelector('.landscape2d-optimum')).not.toBeNull();
    expect(screen.getByText(wholeText('(w, b) = (1.0, 0.0)'))).toBeInTheDocument();
    expect(
      screen.getByText(wholeText(`cost = ${pyFloat(cost('wb', { w: 1, b: 0 }, OFFSET))}`)),
    ).toBeInTheDocument();

    const dot = ball(container)!;
    expect(dot).toHaveAttribute('data-w', '1.0');
    expect(dot).toHaveAttribute('data-b', '0.0');
    expect(Number(dot.getAttribute('cx'))).toBeCloseTo(axisScale(container, 'w')(1), 6);
    expect(Number(dot.getAttribute('cy'))).toBeCloseTo(axisScale(container, 'b')(0), 6);
    // The window holds θ₀ and θ*.
    const [wMin, wMax, bMin, bMax] = ['w-min', 'w-max', 'b-min', 'b-max'].map((key) =>
      Number(figure.getAttribute(`data-${key}`)),
    );
    expect(wMin).toBeLessThan(Math.min(1, star.w));
    expect(wMax).toBeGreaterThan(Math.max(1, star.w));
    expect(bMin).toBeLessThan(0);
    expect(bMax).toBeGreaterThan(star.b);
    expect(screen.getByText('w')).toBeInTheDocument();
    expect(screen.getByText('b')).toBeInTheDocument();
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('moves the ball to the current (w, b), grows the path and points the arrow along −∇cost', () => {
    const store = offsetStore({ lr: 0.004 });
    const { container } = renderMap('gd', store);
    const figure = figureOf(container);
    expect(figure).toHaveAttribute('data-path-points', '1');
    for (const epochs of [1, 3, 6]) {
      step(store, epochs - store.getState().epoch);
      const { w, b } = store.getState().runs.gd.params;
      const dot = ball(container)!;
      expect(dot).toHaveAttribute('data-w', pyFloat(w));
      expect(dot).toHaveAttribute('data-b', pyFloat(b));
      expect(figure).toHaveAttribute('data-w', pyFloat(w));
      expect(Number(dot.getAttribute('cx'))).toBeCloseTo(axisScale(container, 'w')(w), 6);
      expect(Number(dot.getAttribute('cy'))).toBeCloseTo(axisScale(container, 'b')(b), 6);
      // θ₀ and θ after each epoch, joined by a line and dotted.
      expect(figure).toHaveAttribute('data-path-points', String(epochs + 1));
      expect(vertices(container, 'path.landscape2d-path')).toHaveLength(epochs + 1);
      expect(container.querySelector('path.landscape2d-dots')).toHaveAttribute(
        'data-count',
        String(epochs + 1),
      );
      // GD's update is its epoch: no separate update path.
      expect(container.querySelectorAll('path.landscape2d-steps')).toHaveLength(0);

      const arrow = container.querySelector('line.landscape2d-arrow')!;
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((key) => Number(arrow.getAttribute(key)));
      expect(x1).toBeCloseTo(Number(dot.getAttribute('cx')), 6);
      expect(y1).toBeCloseTo(Number(dot.getAttribute('cy')), 6);
      expect(Math.hypot(x2! - x1!, y2! - y1!)).toBeCloseTo(ARROW_PX, 6);
      // In px, −∇cost is (−g_w·∂x/∂w, −g_b·∂y/∂b).
      const g = batchGradient('wb', { w, b }, OFFSET, [0, 1, 2, 3, 4], true);
      const x = axisScale(container, 'w');
      const y = axisScale(container, 'b');
      const dx = -g.w * (x(1) - x(0));
      const dy = -g.b * (y(1) - y(0));
      const cross = (x2! - x1!) * dy - (y2! - y1!) * dx;
      expect(Math.abs(cross) / (ARROW_PX * Math.hypot(dx, dy))).toBeLessThan(1e-9);
      expect((x2! - x1!) * dx + (y2! - y1!) * dy).toBeGreaterThan(0);
      expect(screen.getByText(wholeText(`∇cost = (${pyFloat(g.w)}, ${pyFloat(g.b)})`))).toBeInTheDocument();
    }
  });

  it('numbers the path’s dots from epoch 1 (θ₀ has its label), each beside its own dot', () => {
    const store = offsetStore({ lr: 0.0095 });
    const { container } = renderMap('gd', store);
    step(store, 5);
    const figure = figureOf(container);
    const texts = [...container.querySelectorAll('.landscape2d-numbers text')];
    // Near the limit GD bounces across the valley; where two dots' numbers would collide (epochs 1
    // and 3 land side by side), the later one is left out.
    const shown = texts.map((text) => Number(text.textContent));
    expect(shown.slice(0, 2)).toEqual([1, 2]);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect([...shown].sort((x, y) => x - y)).toEqual(shown);
    const w = axisScale(container, 'w');
    const b = axisScale(container, 'b');
    const { ws, bs } = {
      ws: [1, ...traceColumn(store.getState().runs.gd.trace, 'w')],
      bs: [0, ...traceColumn(store.getState().runs.gd.trace, 'b')],
    };
    for (const text of texts) {
      const k = Number(text.textContent);
      const distance = Math.hypot(
        Number(text.getAttribute('x')) - w(ws[k]!),
        Number(text.getAttribute('y')) - b(bs[k]!),
      );
      // Beside its dot (or, for the current epoch, beside the ball over it), not on it.
      expect(distance).toBeGreaterThan(3);
      expect(distance).toBeLessThan(30);
    }
    expect(figure).toHaveAttribute('data-path-points', '6');
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('takes its plot height from the layout (--landscape-plot-height) unless given one', () => {
    const store = offsetStore();
    const map = (props: { height?: number }) => (
      <PlaygroundProvider store={store}>
        <Landscape2D id="gd" width={600} {...props} />
      </PlaygroundProvider>
    );
    const { container, rerender } = render(map({}));
    const frame = container.querySelector<HTMLElement>('.landscape2d-frame')!;
    expect(frame.style.height).toBe('');
    rerender(map({ height: 200 }));
    expect(frame.style.height).toBe('200px');
    expect(container.querySelector('svg.landscape2d-plot')).toHaveAttribute('height', '200');
    const css = readFileSync(path.resolve(process.cwd(), 'src/components/charts/landscape2d.css'), 'utf8');
    expect(css).toMatch(/\.landscape2d-frame \{[^}]*height: var\(--landscape-plot-height, 260px\);/);
  });

  it('draws SGD zig-zagging with more vertices than GD after the same epochs', () => {
    const store = offsetStore({ lr: 0.004 });
    const gd = renderMap('gd', store).container;
    const sgd = renderMap('sgd', store).container;
    step(store, 8);
    const n = OFFSET.xs.length;
    expect(figureOf(gd)).toHaveAttribute('data-step-points', '0');
    expect(figureOf(sgd)).toHaveAttribute('data-step-points', String(8 * n + 1));
    const gdVertices =
      vertices(gd, 'path.landscape2d-path').length + vertices(gd, 'path.landscape2d-steps').length;
    const sgdSteps = vertices(sgd, 'path.landscape2d-steps');
    const sgdVertices = vertices(sgd, 'path.landscape2d-path').length + sgdSteps.length;
    expect(gdVertices).toBe(9);
    expect(sgdVertices).toBeGreaterThan(gdVertices);
    // The shapes differ, not just the counts: SGD's path goes back and forth across the valley.
    expect(tortuosity(sgdSteps)).toBeGreaterThan(5);
    expect(tortuosity(vertices(gd, 'path.landscape2d-path'))).toBeLessThan(1.1);
    expect(screen.getByText('each one-sample update (latest epochs)')).toBeInTheDocument();
    expect(figureOf(sgd)).toHaveAccessibleDescription(/zig-zags/);
  });

  it('follows SGD sample by sample in the epoch in progress', () => {
    const store = offsetStore({ lr: 0.004 });
    const { container } = renderMap('sgd', store);
    const figure = figureOf(container);
    expect(figure).toHaveAttribute('data-step-points', '0');
    for (const cursor of [1, 2, 3]) {
      act(() => store.getState().actions.stepSample());
      const state = store.getState();
      expect(state.sampleCursor).toBe(cursor);
      const shown = displayedParams(state, 'sgd');
      expect(shown).toBe(state.pendingUpdates[cursor - 1]!.after);
      const dot = ball(container)!;
      expect(dot).toHaveAttribute('data-w', pyFloat(shown.w));
      expect(dot).toHaveAttribute('data-b', pyFloat(shown.b));
      expect(Number(dot.getAttribute('cx'))).toBeCloseTo(axisScale(container, 'w')(shown.w), 6);
      expect(Number(dot.getAttribute('cy'))).toBeCloseTo(axisScale(container, 'b')(shown.b), 6);
      expect(figure).toHaveAttribute('data-step-points', String(cursor + 1));
      // The last vertex of the update path is the ball.
      const last = vertices(container, 'path.landscape2d-steps').at(-1)!;
      expect(last[0]).toBeCloseTo(Number(dot.getAttribute('cx')), 1);
      expect(last[1]).toBeCloseTo(Number(dot.getAttribute('cy')), 1);
    }
  });

  it('keeps its window, and so its contours, while the run stays inside; a reset starts over', () => {
    const store = offsetStore({ lr: 0.004 });
    const { container } = renderMap('gd', store);
    const figure = figureOf(container);
    step(store, 3);
    const window = ['w-min', 'w-max', 'b-min', 'b-max'].map((key) => figure.getAttribute(`data-${key}`));
    const contours = [...container.querySelectorAll('path.landscape2d-contour')].map((p) =>
      p.getAttribute('d'),
    );
    step(store, 40);
    expect(['w-min', 'w-max', 'b-min', 'b-max'].map((key) => figure.getAttribute(`data-${key}`))).toEqual(
      window,
    );
    expect(
      [...container.querySelectorAll('path.landscape2d-contour')].map((p) => p.getAttribute('d')),
    ).toEqual(contours);
    act(() => store.getState().actions.reset());
    expect(figure).toHaveAttribute('data-path-points', '1');
    expect(ball(container)).toHaveAttribute('data-w', '1.0');
  });

  it('grows the window when the run leaves it', () => {
    const store = offsetStore({ lr: 0.0095 });
    const { container } = renderMap('gd', store);
    const figure = figureOf(container);
    const span = () => Number(figure.getAttribute('data-w-max')) - Number(figure.getAttribute('data-w-min'));
    const before = span();
    // Close to the limit GD overshoots across the valley, far beyond θ₀.
    step(store, 1);
    expect(store.getState().runs.gd.params.w).toBeGreaterThan(1.5);
    expect(span()).toBeGreaterThan(before);
    expect(figure).toHaveAttribute('data-on-chart', 'true');
    expect(ball(container)).not.toBeNull();
  });

  it('leaves a diverging run off the chart with a note, and nothing NaN on the page', () => {
    const store = offsetStore({ lr: 0.05 });
    const { container } = renderMap('gd', store);
    step(store, 12);
    const { w, b } = store.getState().runs.gd.params;
    const figure = figureOf(container);
    expect(figure).toHaveAttribute('data-on-chart', 'false');
    expect(figure).toHaveAttribute('data-clipped', 'true');
    expect(
      screen.getByText(wholeText(`(w, b) = (${pyFloat(w)}, ${pyFloat(b)}) is off the chart.`)),
    ).toBeInTheDocument();
    expect(ball(container)).toBeNull();
    expect(container.querySelector('line.landscape2d-arrow')).toBeNull();
    // The contours are still there, and every drawn coordinate stays on the plot.
    expect(container.querySelectorAll('path.landscape2d-contour').length).toBeGreaterThanOrEqual(8);
    for (const [x, y] of vertices(container, 'path')) {
      expect(Math.abs(x)).toBeLessThan(700);
      expect(Math.abs(y)).toBeLessThan(300);
    }
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('keeps going until the run has overflowed, without NaN', () => {
    const store = offsetStore({ lr: 1 });
    const { container } = renderMap('sgd', store);
    step(store, 200);
    expect(store.getState().runs.sgd.status).toBe('diverged');
    expect(figureOf(container)).toHaveAttribute('data-on-chart', 'false');
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('names the mini-batch updates in its legend', () => {
    const store = offsetStore({ lr: 0.004, batchSize: 2, third: 'minibatch' });
    const { container } = renderMap('minibatch', store);
    step(store, 2);
    expect(screen.getByText('each mini-batch update (latest epochs)')).toBeInTheDocument();
    // ⌈5/2⌉ = 3 updates per epoch.
    expect(figureOf(container)).toHaveAttribute('data-step-points', String(2 * 3 + 1));
  });

  it('speaks Chinese', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    renderMap('gd', offsetStore());
    expect(screen.getByRole('figure', { name: '损失曲面:cost(w, b)' })).toBeInTheDocument();
    expect(screen.getByText(wholeText('−∇cost:只表示方向,长度经过缩放'))).toBeInTheDocument();
  });
});
