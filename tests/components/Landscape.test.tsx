import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Landscape } from '../../src/components/Landscape';
import { MAX_PATH_DOTS } from '../../src/components/chartData';
import { cost, costSlope, pyFloat } from '../../src/core';
import { useLocaleStore } from '../../src/i18n';
import { PlaygroundProvider } from '../../src/store/context';
import {
  createPlaygroundStore,
  displayedParams,
  type PlaygroundStore,
  type RunId,
} from '../../src/store/playground';

const LECTURE_DATA = { xs: [1, 2, 3], ys: [2, 4, 6] };

function renderLandscape(id: RunId, store: PlaygroundStore = createPlaygroundStore()) {
  const view = render(
    <PlaygroundProvider store={store}>
      <Landscape id={id} width={600} height={260} />
    </PlaygroundProvider>,
  );
  return { store, ...view };
}

/** Pixel ↔ value on one axis, from two of its tick labels. */
function axisScale(container: HTMLElement, axis: 'x' | 'y'): (value: number) => number {
  const ticks = [...container.querySelectorAll(`.recharts-${axis}Axis-tick-labels text`)].map((text) => ({
    value: Number(text.textContent),
    at: Number(text.getAttribute(axis)),
  }));
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const [a, b] = [ticks[0]!, ticks[ticks.length - 1]!];
  return (value) => a.at + ((b.at - a.at) * (value - a.value)) / (b.value - a.value);
}

function ball(container: HTMLElement): SVGCircleElement | null {
  return container.querySelector('circle.landscape-ball');
}

function allText(container: HTMLElement): string {
  const attributes = [...container.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].map((attribute) => attribute.value),
  );
  return `${container.textContent ?? ''} ${attributes.join(' ')}`;
}

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('Landscape', () => {
  it('is a described figure with the cost bowl, w* and the ball at w0 = 1', () => {
    const { container } = renderLandscape('gd');
    const figure = screen.getByRole('figure', { name: 'Loss landscape: cost(w)' });
    expect(figure).toHaveAccessibleDescription(/Cost as a function of w/);
    expect(screen.getByText('w* = 2.0')).toBeInTheDocument();
    const x = axisScale(container, 'x');
    const y = axisScale(container, 'y');
    const dot = ball(container)!;
    expect(dot).not.toBeNull();
    expect(dot).toHaveAttribute('data-w', '1.0');
    expect(Number(dot.getAttribute('cx'))).toBeCloseTo(x(1), 6);
    expect(Number(dot.getAttribute('cy'))).toBeCloseTo(y(14 / 3), 6);
    // The range holds w0 and w* and is centred on w*.
    const min = Number(figure.getAttribute('data-range-min'));
    const max = Number(figure.getAttribute('data-range-max'));
    expect(min).toBeLessThan(1);
    expect(max).toBeGreaterThan(2);
    expect((min + max) / 2).toBeCloseTo(2, 12);
    // No sample curves for GD.
    expect(container.querySelectorAll('.landscape-sample')).toHaveLength(0);
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('moves the ball to the current w, leaves the path as dots and draws the tangent', () => {
    const { store, container } = renderLandscape('gd');
    act(() => {
      for (let i = 0; i < 5; i++) store.getState().actions.step();
    });
    const w = store.getState().runs.gd.params.w;
    const x = axisScale(container, 'x');
    const y = axisScale(container, 'y');
    const dot = ball(container)!;
    expect(dot).toHaveAttribute('data-w', pyFloat(w));
    expect(Number(dot.getAttribute('cx'))).toBeCloseTo(x(w), 6);
    expect(Number(dot.getAttribute('cy'))).toBeCloseTo(y(cost('w', { w, b: 0 }, LECTURE_DATA)), 6);
    // w0 and the w after each of the 5 epochs.
    const dots = container.querySelector('.landscape-path-dots')!;
    expect(dots).toHaveAttribute('data-dots', '6');
    // The first dot is w0 on the curve: its circle starts one radius left of x(w0).
    const first = /^M(-?[\d.]+),(-?[\d.]+)/.exec(dots.getAttribute('d') ?? '')!;
    expect(Number(first[1])).toBeCloseTo(x(1) - 3.5, 1);
    expect(Number(first[2])).toBeCloseTo(y(cost('w', { w: 1, b: 0 }, LECTURE_DATA)), 1);
    // The tangent passes through the ball with slope dcost/dw.
    const d = container.querySelector('.landscape-tangent path')!.getAttribute('d')!;
    const [x1, y1, x2, y2] = [...d.matchAll(/-?[\d.]+(?:e[+-]?\d+)?/g)].map((m) => Number(m[0]));
    const slope = costSlope('w', LECTURE_DATA, w, 0);
    // Drawn to 0.01 px: over a segment of ~100 px the slope is good to about 1e-3.
    const pixelSlope = (y2! - y1!) / (x2! - x1!);
    expect(pixelSlope).toBeCloseTo((slope * (y(1) - y(0))) / (x(1) - x(0)), 3);
    expect(((x1! + x2!) / 2) as number).toBeCloseTo(x(w), 1);
    expect(screen.getByText(`slope (gradient) = ${pyFloat(slope)}`)).toBeInTheDocument();
  });

  it('shows SGD mid-epoch at the displayed w and highlights the sample of the latest update', () => {
    const { store, container } = renderLandscape('sgd');
    const figure = screen.getByRole('figure', { name: 'Loss landscape: cost(w), per-sample losses behind' });
    expect(container.querySelectorAll('.landscape-sample')).toHaveLength(3);
    // Epoch 0: no update yet, nothing highlighted.
    expect(container.querySelector('.landscape-sample-latest')).toBeNull();
    expect(figure).toHaveAttribute('data-highlighted-sample', '');

    for (const expected of [0, 1]) {
      act(() => store.getState().actions.stepSample());
      const state = store.getState();
      expect(state.sampleCursor).toBe(expected + 1);
      expect(state.pendingUpdates[expected]!.indices[0]).toBe(expected);
      const w = displayedParams(state, 'sgd').w;
      expect(w).not.toBe(state.runs.sgd.params.w);
      const dot = ball(container)!;
      expect(dot).toHaveAttribute('data-w', pyFloat(w));
      expect(Number(dot.getAttribute('cx'))).toBeCloseTo(axisScale(container, 'x')(w), 6);
      expect(figure).toHaveAttribute('data-highlighted-sample', String(expected));
      expect(container.querySelectorAll('.landscape-sample-latest')).toHaveLength(1);
      const x = LECTURE_DATA.xs[expected]!;
      const yv = LECTURE_DATA.ys[expected]!;
      expect(
        screen.getByText(`latest update used sample ${expected + 1}: (${x}, ${yv})`),
      ).toBeInTheDocument();
    }
    // The third sample completes the epoch: the latest update used the last sample, n − 1.
    act(() => store.getState().actions.stepSample());
    expect(store.getState().sampleCursor).toBe(0);
    expect(store.getState().epoch).toBe(1);
    expect(figure).toHaveAttribute('data-highlighted-sample', '2');
    expect(ball(container)).toHaveAttribute('data-w', pyFloat(store.getState().runs.sgd.params.w));
    // A whole epoch by Step ends on the last sample as well.
    act(() => store.getState().actions.step());
    expect(figure).toHaveAttribute('data-highlighted-sample', '2');
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('draws the highlighted sample curve as ℓᵢ(w) = (xᵢ·w − yᵢ)²', () => {
    const { store, container } = renderLandscape('sgd');
    act(() => store.getState().actions.stepSample());
    const x = axisScale(container, 'x');
    const y = axisScale(container, 'y');
    const d = container.querySelector('.landscape-sample-latest path')!.getAttribute('d')!;
    const points = [...d.matchAll(/[ML](-?[\d.e+-]+),(-?[\d.e+-]+)/g)].map((m) => ({
      px: Number(m[1]),
      py: Number(m[2]),
    }));
    expect(points.length).toBeGreaterThan(50);
    // Sample 1 is (1, 2): ℓ(w) = (w − 2)². Check a few points, inverting the x scale.
    const x0 = x(0);
    const perUnit = x(1) - x0;
    for (const point of points.filter((_, i) => i % 20 === 0)) {
      const w = (point.px - x0) / perUnit;
      expect(point.py).toBeCloseTo(y((w - 2) ** 2), 1);
    }
  });

  it('keeps the bowl readable for a diverging run and says where w went', () => {
    const store = createPlaygroundStore();
    act(() => {
      store.getState().actions.updateSettings({ lr: 0.3 });
      store.getState().actions.runToEnd();
    });
    const { container } = renderLandscape('gd', store);
    const run = store.getState().runs.gd;
    expect(Math.abs(run.params.w)).toBeGreaterThan(1e6);
    const figure = screen.getByRole('figure');
    expect(figure).toHaveAttribute('data-clipped', 'true');
    // The range stays a few times |w0 − w*| around w* instead of stretching to the huge w.
    expect(Number(figure.getAttribute('data-range-max')) - 2).toBeLessThan(10);
    expect(2 - Number(figure.getAttribute('data-range-min'))).toBeLessThan(10);
    expect(screen.getByText(`w is off the chart (${pyFloat(run.params.w)})`)).toBeInTheDocument();
    expect(ball(container)).toBeNull();
    expect(container.querySelector('.landscape-tangent')).toBeNull();
    expect(container.querySelector('.landscape-cost path')).not.toBeNull();
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('survives a diverged SGD run (lr = 1)', () => {
    const store = createPlaygroundStore();
    act(() => {
      store.getState().actions.updateSettings({ lr: 1 });
      store.getState().actions.runToEnd();
    });
    expect(store.getState().runs.sgd.status).toBe('diverged');
    const { container } = renderLandscape('sgd', store);
    expect(screen.getByText(/^w is off the chart/)).toBeInTheDocument();
    expect(container.querySelectorAll('.landscape-sample')).toHaveLength(3);
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('draws at most 200 path dots after 10,000 epochs', () => {
    const store = createPlaygroundStore();
    act(() => {
      store.getState().actions.updateSettings({ epochs: 10_000 });
      store.getState().actions.runToEnd();
    });
    for (const id of ['gd', 'sgd'] as const) {
      const { container, unmount } = renderLandscape(id, store);
      const dots = Number(container.querySelector('.landscape-path-dots')?.getAttribute('data-dots'));
      expect(dots).toBeGreaterThan(10);
      expect(dots).toBeLessThanOrEqual(MAX_PATH_DOTS);
      expect(ball(container)).not.toBeNull();
      expect(allText(container)).not.toMatch(/NaN|Infinity/);
      unmount();
    }
  });
});
