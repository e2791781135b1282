import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Landscape } from '../../../src/components/charts/Landscape';
import { pyFloat } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { displayedParams, type PlaygroundStore, type RunId } from '../../../src/store/playground';
import { latestSample, nextRuleUpdate, selectIsFastPlay } from '../../../src/store/selectors';
import { allText } from '../helpers/dom';
import { fresh, NOISY_SCENE } from '../../store/helpers';

// Landscape and LandscapeDrawing each ask for a text size on every render (the foot does not):
// counting the asks counts their renders.
const textSizeAsks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/components/charts/plotLayer', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/components/charts/plotLayer')>();
  return {
    ...original,
    useSvgTextPx: (fallback: number) => {
      textSizeAsks.count += 1;
      return original.useSvgTextPx(fallback);
    },
  };
});

function renderLandscape(store: PlaygroundStore, id: RunId) {
  const view = render(
    <PlaygroundProvider store={store}>
      <Landscape id={id} width={600} height={260} />
    </PlaygroundProvider>,
  );
  // The landscape's renders and its drawing's (the foot's are not counted).
  return { ...view, renders: () => textSizeAsks.count };
}

/** Play fast: a long history, Play, and frames of 16 ms until the clock moves on every frame. */
function playFast(store: PlaygroundStore, history = 20_000) {
  act(() => {
    store.getState().actions.restoreClock(history, 0);
    store.getState().actions.play();
    for (let k = 0; k < 3; k++) store.getState().actions.tick(16);
  });
  expect(selectIsFastPlay(store.getState())).toBe(true);
}

/** Pixel ↔ value on the x axis, from two of its tick labels. */
function xScale(container: HTMLElement): (value: number) => number {
  const ticks = [...container.querySelectorAll('.recharts-xAxis-tick-labels text')].map((text) => ({
    value: Number(text.textContent),
    at: Number(text.getAttribute('x')),
  }));
  const [a, b] = [ticks[0]!, ticks.at(-1)!];
  return (value) => a.at + ((b.at - a.at) * (value - a.value)) / (b.value - a.value);
}

/** What moves on the drawing, as the page has it. */
function moving(container: HTMLElement) {
  const attribute = (selector: string, name: string) =>
    container.querySelector(selector)?.getAttribute(name) ?? null;
  return {
    ball: [attribute('.landscape-ball', 'cx'), attribute('.landscape-ball', 'cy')],
    ballW: attribute('.landscape-ball', 'data-w'),
    figureW: attribute('figure', 'data-w'),
    tangent: attribute('.landscape-tangent path', 'd'),
    highlight: attribute('.landscape-sample-latest path', 'd'),
    highlighted: attribute('figure', 'data-highlighted-sample'),
    line: [attribute('.landscape-path-line', 'd'), attribute('.landscape-path-line-tail', 'd')],
    dots: [attribute('.landscape-path-dots', 'd'), attribute('.landscape-path-dots-tail', 'd')],
    dotCount: attribute('.landscape-path-dots', 'data-dots'),
    pathDots: attribute('figure', 'data-path-dots'),
    step: [attribute('.landscape-next-step', 'data-next-w'), attribute('.landscape-next-step line', 'x2')],
  };
}

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('the landscape while the runs play fast', () => {
  it('moves its ball, tangent, highlight and path on every frame without rendering the landscape', () => {
    const store = fresh(NOISY_SCENE);
    const { container, renders } = renderLandscape(store, 'sgd');
    playFast(store);
    const x = xScale(container);
    const before = renders();
    let last = moving(container);
    let moved = 0;
    let highlightMoved = 0;
    for (let frame = 0; frame < 60; frame++) {
      act(() => store.getState().actions.tick(16));
      const now = moving(container);
      const state = store.getState();
      const w = displayedParams(state, 'sgd').w;
      // The ball stands where the run stands, and the figure says so.
      expect(now.ballW).toBe(pyFloat(w));
      expect(now.figureW).toBe(pyFloat(w));
      expect(Number(now.ball[0])).toBeCloseTo(x(w), 6);
      // The tangent touches the ball.
      expect(now.tangent).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
      // The latest update's sample is drawn over the faint ones, its curve the faint one's.
      const latest = latestSample(state, 'sgd');
      expect(now.highlighted).toBe(String(latest));
      const faint = container.querySelectorAll('.landscape-sample path')[latest!]!.getAttribute('d');
      expect(now.highlight).toBe(faint);
      if (now.ball.join() !== last.ball.join()) moved += 1;
      if (now.highlight !== last.highlight) highlightMoved += 1;
      last = now;
    }
    expect(moved).toBeGreaterThanOrEqual(55);
    expect(highlightMoved).toBeGreaterThanOrEqual(20);
    // Only a change of what is drawn at all renders it (a new numbered dot, a new range): rarely.
    expect(renders() - before).toBeLessThanOrEqual(3);
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('switching to fast play renders nothing: the numbers placed a frame before hold still', () => {
    const store = fresh(NOISY_SCENE);
    const { container, renders } = renderLandscape(store, 'sgd');
    const numbers = () =>
      [...container.querySelectorAll('.landscape-path-numbers text')].map(
        (text) => `${text.textContent}@${text.getAttribute('x')},${text.getAttribute('y')}`,
      );
    // Paused at epoch 20,000: the numbers step aside for the ball.
    act(() => store.getState().actions.restoreClock(20_000, 0));
    const before = renders();
    const placed = numbers();
    const ballBefore = moving(container).ball.join();
    act(() => {
      store.getState().actions.play();
      store.getState().actions.tick(16);
    });
    // The first moving frame of a fast play (the lead frame) is fast: the ball is painted where the
    // run went, nothing renders, and the numbers hold still where they were.
    expect(store.getState().leadFrame).toBe(true);
    expect(selectIsFastPlay(store.getState())).toBe(true);
    expect(renders()).toBe(before);
    expect(moving(container).ball.join()).not.toBe(ballBefore);
    expect(moving(container).ballW).toBe(pyFloat(displayedParams(store.getState(), 'sgd').w));
    expect(numbers()).toEqual(placed);
    act(() => store.getState().actions.tick(16));
    expect(renders()).toBe(before);
    expect(moving(container).ballW).toBe(pyFloat(displayedParams(store.getState(), 'sgd').w));
    expect(numbers()).toEqual(placed);
  });

  it('paints what a render draws: paused, the landscape renders the same ball, tangent and path', () => {
    const store = fresh(NOISY_SCENE);
    const { container, renders } = renderLandscape(store, 'sgd');
    playFast(store);
    const before = renders();
    act(() => {
      for (let frame = 0; frame < 30; frame++) store.getState().actions.tick(16);
    });
    expect(renders() - before).toBeLessThanOrEqual(3);
    const painted = moving(container);
    act(() => store.getState().actions.pause());
    expect(renders()).toBeGreaterThan(before);
    expect(moving(container)).toEqual(painted);
  });

  it('renders again when a mark comes or goes: a run that diverges while playing fast', () => {
    // α = 0.25 on the lecture’s data: |1 − α·28/3| > 1, so w bounces ever further from w*.
    const store = fresh({ lr: 0.25, speed: 1000, epochs: 100_000 });
    const { container, renders } = renderLandscape(store, 'gd');
    playFast(store, 0);
    for (let frame = 0; frame < 40; frame++) {
      act(() => store.getState().actions.tick(16));
      const w = displayedParams(store.getState(), 'gd').w;
      const shown = moving(container);
      expect(shown.figureW).toBe(pyFloat(w));
      // On the chart the ball is where w is; once w ran off, there is no ball and the foot says so.
      if (shown.ballW !== null) expect(shown.ballW).toBe(pyFloat(w));
      expect(allText(container)).not.toMatch(/NaN/);
    }
    expect(container.querySelector('.landscape-ball')).toBeNull();
    expect(container.querySelector('.chart-offchart')?.textContent).toMatch(/ran off|overflowed/);
    expect(renders()).toBeGreaterThan(3);
  });

  it('moves an update rule’s next step with the ball (Adam)', () => {
    const store = fresh({ ...NOISY_SCENE, third: 'adam' });
    const { container, renders } = renderLandscape(store, 'adam');
    playFast(store);
    const before = renders();
    let changed = 0;
    let last: string | null = null;
    for (let frame = 0; frame < 30; frame++) {
      act(() => store.getState().actions.tick(16));
      const run = store.getState().runs.adam!;
      const next = nextRuleUpdate(run)!;
      const shown = moving(container);
      expect(shown.step[0]).toBe(pyFloat(next.after.w));
      expect(shown.ballW).toBe(pyFloat(run.params.w));
      if (shown.step[1] !== last) changed += 1;
      last = shown.step[1] ?? null;
    }
    expect(changed).toBeGreaterThanOrEqual(20);
    expect(renders() - before).toBeLessThanOrEqual(3);
  });
});
