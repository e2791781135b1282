import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Landscape } from '../../../src/components/charts/Landscape';
import { formatCompact, MAX_PATH_DOTS } from '../../../src/components/charts/chartData';
import { BALL_RADIUS, DOT_RADIUS } from '../../../src/components/charts/landscapeMarks';
import { PATH_NUMBER_FONT_PX } from '../../../src/components/charts/pathMarks';
import { cost, costSlope, pyFloat, traceColumn } from '../../../src/core';
import { LANDSCAPE_CAP } from '../../../src/components/charts/landscapeRange';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { selectIsFastPlay } from '../../../src/store/selectors';
import {
  createPlaygroundStore,
  displayedParams,
  type PlaygroundStore,
  type RunId,
} from '../../../src/store/playground';
import { allText, wholeText } from '../helpers/dom';
import { fresh, NOISY_SCENE } from '../../store/helpers';

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

/** The numbers drawn beside the path's dots. */
function numbers(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.landscape-path-numbers text')].map(
    (text) => text.textContent ?? '',
  );
}

/** The vertices of the line joining the path's dots: its body, then its tail from the body's last vertex on. */
function pathLine(container: HTMLElement): { x: number; y: number }[] {
  const vertices = (selector: string) =>
    [
      ...(container.querySelector(selector)?.getAttribute('d') ?? '').matchAll(
        /[ML](-?[\d.e+-]+),(-?[\d.e+-]+)/g,
      ),
    ].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  const body = vertices('.landscape-path-line');
  const tail = vertices('.landscape-path-line-tail');
  if (body.length > 0 && tail.length > 0) expect(tail[0]).toEqual(body.at(-1));
  return [...body, ...(body.length > 0 ? tail.slice(1) : tail)];
}

/** The path's dots as drawn: the body's, then the tail's. */
const pathDots = (container: HTMLElement): string =>
  ['.landscape-path-dots', '.landscape-path-dots-tail']
    .map((selector) => container.querySelector(selector)?.getAttribute('d') ?? '')
    .join('');

/** The two ends of the tangent, in px. */
function tangentEnds(container: HTMLElement): number[] {
  const d = container.querySelector('.landscape-tangent path')!.getAttribute('d')!;
  return [...d.matchAll(/-?[\d.]+(?:e[+-]?\d+)?/g)].map((m) => Number(m[0]));
}

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('Landscape', () => {
  it('is a described figure with the cost bowl, w* and the ball at w0 = 1', () => {
    const { container } = renderLandscape('gd');
    const figure = screen.getByRole('figure', { name: 'Loss landscape: cost(w)' });
    expect(figure).toHaveAccessibleDescription(/Cost as a function of w/);
    // The title names the figure for assistive technology; on screen the tab names it.
    expect(
      screen.getByRole('heading', { name: 'Loss landscape: cost(w)' }).closest('.chart-sr-only'),
    ).not.toBeNull();
    // The readout and the legend share one line under the plot.
    const foot = container.querySelector('.chart-foot')!;
    expect(foot).toHaveTextContent(
      /w = 1\.0.*slope \(gradient\) = .*w\* = 2\.0.*w after epoch 0, 1, 2, ….*tangent/,
    );
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

  it('moves the ball to the current w, leaves the path as numbered dots and draws the tangent', () => {
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
    const first = /^M(-?[\d.]+),(-?[\d.]+)/.exec(pathDots(container))!;
    expect(Number(first[1])).toBeCloseTo(x(1) - DOT_RADIUS, 1);
    expect(Number(first[2])).toBeCloseTo(y(cost('w', { w: 1, b: 0 }, LECTURE_DATA)), 1);
    // A line joins w0 and the w after each epoch, in epoch order; every dot is numbered.
    const ws = [1, ...traceColumn(store.getState().runs.gd.trace, 'w')];
    const line = pathLine(container);
    expect(line).toHaveLength(6);
    line.forEach((vertex, k) => expect(vertex.x).toBeCloseTo(x(ws[k]!), 1));
    expect(numbers(container)).toEqual(['0', '1', '2', '3', '4', '5']);
    // The tangent passes through the ball with slope dcost/dw.
    const [x1, y1, x2, y2] = tangentEnds(container);
    const slope = costSlope('w', LECTURE_DATA, w, 0);
    // Drawn to 0.01 px: over a segment of ~100 px the slope is good to about 1e-3.
    const pixelSlope = (y2! - y1!) / (x2! - x1!);
    expect(pixelSlope).toBeCloseTo((slope * (y(1) - y(0))) / (x(1) - x(0)), 3);
    expect(((x1! + x2!) / 2) as number).toBeCloseTo(x(w), 1);
    expect(screen.getByText(wholeText(`slope (gradient) = ${pyFloat(slope)}`))).toBeInTheDocument();
  });

  it('shows SGD mid-epoch at the displayed w and highlights the sample of the latest update', () => {
    const { store, container } = renderLandscape('sgd');
    const figure = screen.getByRole('figure', { name: 'Loss landscape: cost(w), per-sample losses behind' });
    expect(container.querySelectorAll('.landscape-sample')).toHaveLength(3);
    // Epoch 0: no update yet, nothing highlighted.
    expect(container.querySelector('.landscape-sample-latest')).toBeNull();
    expect(figure).toHaveAttribute('data-highlighted-sample', '');
    // Every sample's loss stays drawn faint, as it is; the latest one is drawn again over them.
    const faint = [...container.querySelectorAll('.landscape-sample path')];
    const faintAsDrawn = () =>
      faint.map((path) => [path.isConnected, path.getAttribute('stroke-opacity'), path.getAttribute('d')]);
    const before = faintAsDrawn();
    expect(before.map(([connected, opacity]) => [connected, opacity])).toEqual(
      faint.map(() => [true, '0.22']),
    );

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
      expect(container.querySelector('.landscape-sample-latest path')).toHaveAttribute(
        'd',
        before[expected]![2]!,
      );
      expect(faintAsDrawn()).toEqual(before);
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

  it('draws a run bouncing across w* as a numbered zig-zag, zooming out to follow it', () => {
    const store = createPlaygroundStore();
    act(() => void store.getState().actions.updateSettings({ lr: 0.25 }));
    const { container } = renderLandscape('gd', store);
    const figure = screen.getByRole('figure');
    const spans: number[] = [];
    for (let epoch = 1; epoch <= 6; epoch++) {
      act(() => store.getState().actions.step());
      spans.push(
        Number(figure.getAttribute('data-range-max')) - Number(figure.getAttribute('data-range-min')),
      );
    }
    // Each bounce lands farther out (w − 2 is multiplied by −4/3); the chart widens with it.
    for (let k = 1; k < spans.length; k++) expect(spans[k]!).toBeGreaterThan(spans[k - 1]!);
    expect(figure).toHaveAttribute('data-clipped', 'false');
    expect(ball(container)).not.toBeNull();
    // The line through the dots crosses w* at every step: a zig-zag.
    const x = axisScale(container, 'x');
    const line = pathLine(container);
    expect(line).toHaveLength(7);
    for (let k = 1; k < line.length; k++) {
      expect(Math.sign(line[k]!.x - x(2))).toBe(-Math.sign(line[k - 1]!.x - x(2)));
    }
    expect(numbers(container)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('follows α = 1 for its first bounces, then says where w ran off to', () => {
    const store = createPlaygroundStore();
    act(() => void store.getState().actions.updateSettings({ lr: 1 }));
    const { container } = renderLandscape('gd', store);
    const figure = screen.getByRole('figure');
    act(() => {
      for (let k = 0; k < 5; k++) store.getState().actions.step();
    });
    // Five epochs in: every w so far is on the chart, w0 and the latest bounces numbered.
    const ws = [1, ...traceColumn(store.getState().runs.gd.trace, 'w')];
    for (const w of ws) {
      expect(w).toBeGreaterThanOrEqual(Number(figure.getAttribute('data-range-min')));
      expect(w).toBeLessThanOrEqual(Number(figure.getAttribute('data-range-max')));
    }
    expect(figure).toHaveAttribute('data-path-dots', '6');
    expect(numbers(container)).toEqual(expect.arrayContaining(['0', '4', '5']));
    expect(ball(container)).not.toBeNull();

    act(() => store.getState().actions.runToEnd());
    const all = [1, ...traceColumn(store.getState().runs.gd.trace, 'w')];
    const left = all.findIndex((w) => Math.abs(w - 2) > LANDSCAPE_CAP);
    expect(left).toBeGreaterThan(5);
    expect(figure).toHaveAttribute('data-clipped', 'true');
    expect(
      screen.getByText(`w ran off to ${formatCompact(all[left]!)} in epoch ${left}`),
    ).toBeInTheDocument();
    // The range stops where the path left: the last w within reach is on it, the bowl still a bowl.
    expect(Number(figure.getAttribute('data-range-max')) - 2).toBeLessThan(LANDSCAPE_CAP * 1.15 + 1);
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
    expect(screen.getByText(/^w ran off to −?\d\.\de\+\d+ in epoch \d+$/)).toBeInTheDocument();
    expect(container.querySelectorAll('.landscape-sample')).toHaveLength(3);
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('after "Step one sample", shows the slope SGD used: that sample’s loss at the w it started from', () => {
    const { store, container } = renderLandscape('sgd');
    const figure = screen.getByRole('figure');
    act(() => store.getState().actions.stepSample());
    const update = store.getState().pendingUpdates[0]!;
    // The lecture's first update: sample 1 (x = 1, y = 2) at w = 1, gradient 2·1·(1·1 − 2) = −2.
    expect(update.before.w).toBe(1);
    expect(update.gradient.w).toBe(-2);
    expect(figure).toHaveAttribute('data-tangent', 'sample');
    expect(screen.getByText(wholeText('slope used: -2.0 (loss of sample 1 at w = 1.0)'))).toBeInTheDocument();
    // Not the mean cost's slope at the ball (w = 1.02): −9.1466…
    const mean = costSlope('w', LECTURE_DATA, update.after.w, 0);
    expect(mean).toBeCloseTo(-9.1467, 3);
    expect(allText(container)).not.toContain(pyFloat(mean));
    // Drawn on ℓ₁(w) = (w − 2)² at w = 1, with slope −2 in the chart's units.
    const x = axisScale(container, 'x');
    const y = axisScale(container, 'y');
    const touch = container.querySelector('.landscape-touch')!;
    expect(Number(touch.getAttribute('cx'))).toBeCloseTo(x(1), 6);
    expect(Number(touch.getAttribute('cy'))).toBeCloseTo(y(1), 6);
    const [x1, y1, x2, y2] = tangentEnds(container);
    expect((y2! - y1!) / (x2! - x1!)).toBeCloseTo((-2 * (y(1) - y(0))) / (x(1) - x(0)), 3);
    expect(container.querySelector('.landscape-sample-latest')).not.toBeNull();
    expect(screen.getByText('tangent of that sample’s loss')).toBeInTheDocument();

    // The second sample: (2, 4) at w = 1.02, gradient 2·2·(2·1.02 − 4).
    act(() => store.getState().actions.stepSample());
    const second = store.getState().pendingUpdates[1]!;
    expect(
      screen.getByText(
        wholeText(
          `slope used: ${pyFloat(second.gradient.w)} (loss of sample 2 at w = ${pyFloat(second.before.w)})`,
        ),
      ),
    ).toBeInTheDocument();
    expect(second.gradient.w).toBeCloseTo(4 * (2 * 1.02 - 4), 12);

    // The epoch complete: back to the mean cost's slope at the current w.
    act(() => store.getState().actions.stepSample());
    expect(store.getState().sampleCursor).toBe(0);
    const w = store.getState().runs.sgd.params.w;
    expect(figure).toHaveAttribute('data-tangent', 'cost');
    expect(
      screen.getByText(wholeText(`slope (gradient) = ${pyFloat(costSlope('w', LECTURE_DATA, w, 0))}`)),
    ).toBeInTheDocument();
    expect(container.querySelector('.landscape-touch')).toBeNull();
  });

  it('takes its plot height from the layout (--landscape-plot-height) unless given one', () => {
    const store = createPlaygroundStore();
    const chart = (props: { height?: number }) => (
      <PlaygroundProvider store={store}>
        <Landscape id="gd" {...props} />
      </PlaygroundProvider>
    );
    const { container, rerender } = render(chart({}));
    const box = container.querySelector<HTMLElement>('.chart-plot-box')!;
    expect(box.style.height).toBe('');
    const wrapper = box.querySelector<HTMLElement>('.recharts-wrapper')!;
    expect(wrapper.style.width).toBe('100%');
    expect(wrapper.style.height).toBe('100%');
    rerender(chart({ height: 180 }));
    expect(box.style.height).toBe('180px');
    const css = readFileSync(path.resolve(process.cwd(), 'src/components/charts/charts.css'), 'utf8');
    expect(css).toMatch(/\.chart-plot-box \{[^}]*height: var\(--landscape-plot-height, 260px\);/);
  });

  it('draws each place of the path once: a settled run writes no path as it plays on', () => {
    const store = createPlaygroundStore();
    act(() => store.getState().actions.updateSettings({ epochs: 10_000 }));
    for (const id of ['gd', 'sgd'] as const) {
      act(() => store.getState().actions.reset());
      const { container, unmount } = renderLandscape(id, store);
      act(() => {
        for (let k = 0; k < 1_000; k++) store.getState().actions.step();
      });
      // Settled: w is 2 to within a few units in the last place.
      expect(traceColumn(store.getState().runs[id]!.trace, 'w').at(-1)).toBeCloseTo(2, 12);
      const figure = container.querySelector('figure')!;
      const dots = Number(figure.getAttribute('data-path-dots'));
      const centres = [...pathDots(container).matchAll(/M([\d.-]+),([\d.-]+)/g)].map(
        (m) => `${m[1]},${m[2]}`,
      );
      expect(centres).toHaveLength(dots);
      expect(new Set(centres).size).toBe(dots);
      const writes = new MutationObserver(() => undefined);
      writes.observe(container, {
        attributes: true,
        subtree: true,
        attributeFilter: ['d', 'data-dots', 'data-path-dots'],
      });
      act(() => {
        for (let k = 0; k < 50; k++) store.getState().actions.step();
      });
      expect(store.getState().epoch).toBe(1_050);
      expect(writes.takeRecords()).toEqual([]);
      writes.disconnect();
      unmount();
    }
  });

  it('holds the path numbers still while the runs play fast, the ball passing over them; paused, they step aside', () => {
    // The lesson's noisy scene: SGD never settles, so its ball moves on every frame.
    const store = fresh(NOISY_SCENE);
    const { container } = renderLandscape('sgd', store);
    const snapshot = () => ({
      ball: `${ball(container)!.getAttribute('cx')},${ball(container)!.getAttribute('cy')}`,
      numbers: [...container.querySelectorAll('.landscape-path-numbers text')],
      places: [...container.querySelectorAll('.landscape-path-numbers text')]
        .map((text) => `${text.textContent}@${text.getAttribute('x')},${text.getAttribute('y')}`)
        .join(' '),
    });
    act(() => {
      // A long history, as in class after a while: the path's dots change on only some frames.
      store.getState().actions.restoreClock(20_000, 0);
      store.getState().actions.play();
      for (let k = 0; k < 3; k++) store.getState().actions.tick(16);
    });
    expect(selectIsFastPlay(store.getState())).toBe(true);
    let last = snapshot();
    let ballMoved = 0;
    let numbersChanged = 0;
    for (let frame = 0; frame < 60; frame++) {
      act(() => store.getState().actions.tick(16));
      const now = snapshot();
      if (now.ball !== last.ball) ballMoved += 1;
      const sameElements =
        now.numbers.length === last.numbers.length &&
        now.numbers.every((text, k) => text === last.numbers[k]);
      if (now.places !== last.places || !sameElements) numbersChanged += 1;
      last = now;
    }
    expect(ballMoved).toBeGreaterThanOrEqual(55);
    // Only a new dot of the path may push a number aside now and then (placed around the ball, as
    // before, they moved or came and went on 56 of these 60 frames).
    expect(numbersChanged).toBeLessThanOrEqual(3);
    expect(last.numbers.length).toBeGreaterThan(3);

    // Paused, the numbers keep clear of the ball (numberPath's boxes: 0.6 em a digit, a px of slack).
    act(() => store.getState().actions.pause());
    const cx = Number(ball(container)!.getAttribute('cx'));
    const cy = Number(ball(container)!.getAttribute('cy'));
    const numbersNow = [...container.querySelectorAll('.landscape-path-numbers text')];
    expect(numbersNow.length).toBeGreaterThan(3);
    for (const text of numbersNow) {
      const x = Number(text.getAttribute('x'));
      const y = Number(text.getAttribute('y'));
      const halfWidth = ((text.textContent ?? '').length * PATH_NUMBER_FONT_PX * 0.6 + 2) / 2;
      const halfHeight = (PATH_NUMBER_FONT_PX + 2) / 2;
      const clear =
        x + halfWidth <= cx - BALL_RADIUS ||
        x - halfWidth >= cx + BALL_RADIUS ||
        y + halfHeight <= cy - BALL_RADIUS ||
        y - halfHeight >= cy + BALL_RADIUS;
      expect(clear, `number ${text.textContent} at ${x},${y}, ball at ${cx},${cy}`).toBe(true);
    }
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
