import { act, render } from '@testing-library/react';
import { Profiler } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RegimeNote, type RegimeNoteVariant } from '../../../src/components/run/RegimeNote';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import {
  createPlaygroundStore,
  DEFAULT_SETTINGS,
  type PlaygroundSettings,
  type RunId,
} from '../../../src/store/playground';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

function renderNote(id: RunId, variant: RegimeNoteVariant, settings: Partial<PlaygroundSettings> = {}) {
  const store = createPlaygroundStore({ ...DEFAULT_SETTINGS, ...settings });
  const view = render(
    <PlaygroundProvider store={store}>
      <RegimeNote id={id} variant={variant} />
    </PlaygroundProvider>,
  );
  const note = () => view.container.firstElementChild as HTMLElement;
  return { store, note, ...view };
}

describe('RegimeNote, short', () => {
  it.each([
    [0.05, 'regime-smooth', 'GD: converges smoothly · ×0.53 per epoch'],
    [0.2, 'regime-oscillating', 'GD: overshoots and oscillates, but converges · ×−0.87 per epoch'],
    [0.10714285714285714, 'regime-one-step', 'GD: lands on w* in one step · ×0 per epoch'],
    [0.25, 'regime-diverges', 'GD: diverges · ×−1.3 per epoch'],
  ])('GD at α = %s: one line, class %s', (lr, kind, text) => {
    const { note } = renderNote('gd', 'short', { lr });
    expect(note()).toHaveTextContent(text, { normalizeWhitespace: false });
    expect(note().className).toBe(`regime regime-short ${kind}`);
  });

  it('SGD at α = 0.5 lands on w* in one epoch while GD diverges', () => {
    expect(renderNote('sgd', 'short', { lr: 0.5 }).note()).toHaveTextContent(
      'SGD: lands on w* in one epoch · ×0 per epoch',
    );
    expect(renderNote('gd', 'short', { lr: 0.5 }).note()).toHaveTextContent('GD: diverges · ×−3.7 per epoch');
  });

  it('says "neither converges nor diverges" at GD’s stability limit', () => {
    const { store, note } = renderNote('gd', 'short');
    act(() => {
      store.getState().actions.updateSettings({ lr: store.getState().limits.gd! });
    });
    expect(note()).toHaveTextContent('GD: neither converges nor diverges · ×−1 per epoch');
    expect(note()).toHaveClass('regime-stalls');
  });

  it('says "grows without bound" instead of an infinite factor', () => {
    const xs = Array.from({ length: 400 }, () => 3);
    const { note } = renderNote('sgd', 'short', { xs, ys: xs.map((x) => 2 * x), lr: 1 });
    expect(note()).toHaveTextContent('SGD: diverges · grows without bound');
    expect(note().textContent).not.toMatch(/NaN|Infinity|∞/);
  });

  it('names the mini-batch run', () => {
    expect(renderNote('minibatch', 'short', { lr: 0.05 }).note()).toHaveTextContent(
      'Mini-batch: converges smoothly · ×0.075 per epoch',
    );
  });
});

/** The run panel's two parts, the verdict and the why, rendered together. */
function renderBoth(id: RunId, settings: Partial<PlaygroundSettings> = {}) {
  const store = createPlaygroundStore({ ...DEFAULT_SETTINGS, ...settings });
  const view = render(
    <PlaygroundProvider store={store}>
      <RegimeNote id={id} variant="verdict" />
      <RegimeNote id={id} variant="why" />
    </PlaygroundProvider>,
  );
  const note = () => view.container;
  return { store, note, ...view };
}

describe('RegimeNote, verdict and why', () => {
  it('GD at α = 0.2: the words and the factor, then why', () => {
    const verdict = renderNote('gd', 'verdict', { lr: 0.2 }).note();
    expect(verdict.className).toBe('regime regime-verdict regime-oscillating');
    expect([...verdict.querySelectorAll('span')].map((p) => [p.className, p.textContent])).toEqual([
      ['regime-words', 'At α = 0.2, GD overshoots and oscillates, but converges.'],
      ['regime-factor', 'Distance to w* × −0.87 each epoch.'],
    ]);
    const why = renderNote('gd', 'why', { lr: 0.2 }).note();
    expect(why.className).toBe('regime regime-why regime-oscillating');
    expect(why.textContent).toBe(
      'Each step overshoots the bottom of the valley, but by less than it started away from it, so the run swings from side to side, ever closer to w*.',
    );
  });

  it('GD diverging: each step overshoots by more than it started away', () => {
    const { note } = renderBoth('gd', { lr: 0.5 });
    expect(note()).toHaveTextContent('At α = 0.5, GD diverges.');
    expect(note()).toHaveTextContent('Distance to w* × −3.7 each epoch.');
    expect(note()).toHaveTextContent(
      'Each step overshoots the bottom of the valley by more than it started away from it, so the swings grow with every step.',
    );
  });

  it('SGD at α = 0.5: one epoch’s updates cover the whole distance', () => {
    const { note } = renderBoth('sgd', { lr: 0.5 });
    expect(note().firstElementChild).toHaveClass('regime-one-step');
    expect(note()).toHaveTextContent('At α = 0.5, SGD lands on w* in one epoch.');
    expect(note()).toHaveTextContent('Distance to w* × 0 each epoch.');
    expect(note()).toHaveTextContent('Together, the epoch’s updates cover the whole distance');
  });

  it('SGD past its limit with a positive factor drifts away', () => {
    const { note } = renderBoth('sgd', { lr: 0.25 });
    expect(note()).toHaveTextContent('Distance to w* × 1.8 each epoch.');
    expect(note()).toHaveTextContent('Each epoch ends further from the bottom of the valley than it began');
  });

  it('the model with a bias aims at (w*, b*)', () => {
    const { note } = renderBoth('gd', { model: 'wb', lr: 0.1 });
    expect(note()).toHaveTextContent('At α = 0.1, GD converges smoothly.');
    expect(note()).toHaveTextContent('Distance to (w*, b*) × 0.98 each epoch.');
  });

  it('follows the learning rate as it changes', () => {
    const { store, note } = renderBoth('gd');
    expect(note()).toHaveTextContent('At α = 0.01, GD converges smoothly.');
    act(() => {
      store.getState().actions.updateSettings({ lr: 0.25 });
    });
    expect(note()).toHaveTextContent('At α = 0.25, GD diverges.');
    expect(note().firstElementChild).toHaveClass('regime-diverges');
  });

  it('speaks Chinese', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const { note } = renderBoth('gd', { lr: 0.2 });
    expect(note()).toHaveTextContent('学习率 α = 0.2 时，GD 来回振荡，但收敛。');
    expect(note()).toHaveTextContent('与 w* 的距离每个 epoch 乘以 −0.87。');
    expect(note()).toHaveTextContent('每一步都冲过了谷底');
    const sgd = renderNote('sgd', 'short', { lr: 0.5 });
    expect(sgd.note()).toHaveTextContent('SGD：一个 epoch 内到达 w* · 每个 epoch ×0');
    expect(renderNote('gd', 'short', { lr: 0.05 }).note()).toHaveTextContent(
      'GD：平稳收敛 · 每个 epoch ×0.53',
    );
    expect(renderNote('gd', 'short', { lr: 0.5 }).note()).toHaveTextContent('GD：发散 · 每个 epoch ×−3.7');
  });
});

describe('RegimeNote re-renders', () => {
  it('once per settings change, never for the animation frames', () => {
    const store = createPlaygroundStore({ ...DEFAULT_SETTINGS, speed: 1000 });
    const onRender = vi.fn();
    render(
      <PlaygroundProvider store={store}>
        <Profiler id="regime" onRender={onRender}>
          <RegimeNote id="sgd" variant="verdict" />
        </Profiler>
      </PlaygroundProvider>,
    );
    expect(onRender).toHaveBeenCalledTimes(1);
    act(() => {
      store.getState().actions.play();
      for (let frame = 0; frame < 30; frame++) store.getState().actions.tick(16);
      store.getState().actions.updateSettings({ speed: 10 });
    });
    expect(store.getState().epoch).toBeGreaterThan(50);
    expect(onRender).toHaveBeenCalledTimes(1);
    act(() => {
      store.getState().actions.updateSettings({ lr: 0.05 });
    });
    expect(onRender).toHaveBeenCalledTimes(2);
  });
});
