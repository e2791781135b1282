import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { advance, batchGradient, pyFloat, startRun, type Params } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { DEFAULT_SETTINGS } from '../../../src/store/playground';
import { runOf } from '../../../src/store/selectors';
import { allText, wholeText } from '../helpers/dom';
import { OFFSET, offsetStore, renderMap, step } from '../helpers/landscape2d';

/** The 2-D map's next step of an update rule: the dashed arrow from the ball and its numbers. */

const ALL = OFFSET.xs.map((_, i) => i);

/** Value → px along one axis, from the first and last tick marks. */
function axisScale(container: HTMLElement, axis: 'w' | 'b'): (value: number) => number {
  const ticks = [...container.querySelectorAll(`g.landscape2d-tick-${axis}`)].map((tick) => ({
    value: Number(tick.getAttribute('data-value')),
    at: Number(tick.querySelector('line')!.getAttribute(axis === 'w' ? 'x1' : 'y1')),
  }));
  const [a, b] = [ticks[0]!, ticks[ticks.length - 1]!];
  return (value) => a.at + ((b.at - a.at) * (value - a.value)) / (b.value - a.value);
}

const nextStep = (container: HTMLElement) => container.querySelector('g.landscape2d-next-step');
const nextLine = (container: HTMLElement) =>
  container.querySelector<SVGLineElement>('line.landscape2d-next-line');
const coords = (line: SVGLineElement) =>
  ['x1', 'y1', 'x2', 'y2'].map((name) => Number(line.getAttribute(name)));

/**
 * Momentum as torch.optim.SGD(momentum=μ) defines it, written out here from the full-batch gradient:
 * v₁ = g₁, vₜ = μ·vₜ₋₁ + gₜ, θ ← θ − α·v. Where it stands after `epochs` updates, and the update
 * it takes next.
 */
function momentumByHand(lr: number, mu: number, epochs: number): { at: Params; next: Params } {
  let p: Params = { w: DEFAULT_SETTINGS.w0, b: DEFAULT_SETTINGS.b0 };
  let v: Params = { w: 0, b: 0 };
  const update = (t: number) => {
    const g = batchGradient('wb', p, OFFSET, ALL, true);
    v = t === 1 ? g : { w: mu * v.w + g.w, b: mu * v.b + g.b };
    return { w: p.w - lr * v.w, b: p.b - lr * v.b };
  };
  for (let t = 1; t <= epochs; t++) p = update(t);
  const at = p;
  return { at, next: update(epochs + 1) };
}

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('Landscape2D: the next step of an update rule', () => {
  it('draws momentum’s next update from the ball to where it lands, and says it in numbers', () => {
    const lr = 0.01;
    const store = offsetStore({ lr, third: 'momentum' });
    const { container } = renderMap('momentum', store);
    step(store, 6);
    const { at, next } = momentumByHand(lr, 0.9, 6);
    expect(runOf(store.getState(), 'momentum').params).toEqual(at);

    const [x1, y1, x2, y2] = coords(nextLine(container)!);
    const ball = container.querySelector('circle.landscape2d-ball')!;
    expect(x1).toBe(Number(ball.getAttribute('cx')));
    expect(y1).toBe(Number(ball.getAttribute('cy')));
    const x = axisScale(container, 'w');
    const y = axisScale(container, 'b');
    expect(x2).toBeCloseTo(x(next.w), 6);
    expect(y2).toBeCloseTo(y(next.b), 6);
    // Several pixels long: the velocity built up over six steps is what is drawn, not a dot.
    expect(Math.hypot(x2! - x1!, y2! - y1!)).toBeGreaterThan(5);

    const group = nextStep(container)!;
    expect(group).toHaveAttribute('data-next-w', pyFloat(next.w));
    expect(group).toHaveAttribute('data-next-b', pyFloat(next.b));
    expect(group).toHaveAttribute('data-clipped', 'false');
    expect(
      screen.getByText(wholeText(`next step Δw = ${pyFloat(next.w - at.w)}, Δb = ${pyFloat(next.b - at.b)}`)),
    ).toBeInTheDocument();
    // Said to a screen reader too, and keyed in the legend, while the figure keeps its name.
    const figure = screen.getByRole('figure', { name: 'Loss landscape: cost(w, b)' });
    expect(figure).toHaveAccessibleDescription(/dashed arrow in the run’s colour/);
    expect(screen.getByText('its next update, to scale')).toBeInTheDocument();
    // The arrowhead is the map's own marker, in the run's colour.
    const marker = container.querySelector('marker.landscape2d-next-head')!;
    expect(nextLine(container)).toHaveAttribute('marker-end', `url(#${marker.id})`);
    expect(figure.getAttribute('style')).toContain('--l2d-run: var(--momentum');
  });

  it('follows the run: one step later it starts where the last arrow ended', () => {
    const store = offsetStore({ lr: 0.01, third: 'momentum' });
    const { container } = renderMap('momentum', store);
    step(store, 3);
    const [, , x2, y2] = coords(nextLine(container)!);
    step(store, 1);
    const [x1, y1] = coords(nextLine(container)!);
    expect(x1).toBeCloseTo(x2!, 6);
    expect(y1).toBeCloseTo(y2!, 6);
  });

  it('shows Adam’s next update as the core computes it, before and after the first step', () => {
    const store = offsetStore({ lr: 0.05, third: 'adam' });
    const { container } = renderMap('adam', store);
    const setup = runOf(store.getState(), 'adam').setup;
    for (const epochs of [0, 4]) {
      step(store, epochs);
      const at = advance(startRun(setup), epochs).params;
      const to = advance(startRun(setup), epochs + 1).params;
      expect(
        screen.getByText(wholeText(`next step Δw = ${pyFloat(to.w - at.w)}, Δb = ${pyFloat(to.b - at.b)}`)),
      ).toBeInTheDocument();
      const [, , x2, y2] = coords(nextLine(container)!);
      expect(x2).toBeCloseTo(axisScale(container, 'w')(to.w), 6);
      expect(y2).toBeCloseTo(axisScale(container, 'b')(to.b), 6);
    }
  });

  it.each(['gd', 'sgd', 'minibatch'] as const)(
    'draws and says nothing of the kind for %s, whose next step the −∇cost arrow already shows',
    (id) => {
      const store = offsetStore({ lr: 0.004, third: 'minibatch', batchSize: 2 });
      const { container } = renderMap(id, store);
      step(store, 3);
      expect(nextStep(container)).toBeNull();
      expect(container.querySelector('marker.landscape2d-next-head')).toBeNull();
      expect(screen.queryByText(/next step/)).toBeNull();
      expect(screen.queryByText('its next update, to scale')).toBeNull();
      expect(screen.getByRole('figure')).not.toHaveAccessibleDescription(/dashed arrow/);
      // The −∇cost arrow is still there.
      expect(container.querySelector('line.landscape2d-arrow')).not.toBeNull();
    },
  );

  it('cuts a diverging run’s long step at the plot’s edge, in the step’s own direction', () => {
    // Past momentum's limit: the second update overshoots θ* by far more than the map holds.
    const store = offsetStore({ lr: 0.025, third: 'momentum' });
    const { container } = renderMap('momentum', store);
    step(store, 1);
    const group = nextStep(container)!;
    expect(group).toHaveAttribute('data-clipped', 'true');
    const [x1, y1, x2, y2] = coords(nextLine(container)!);
    const plot = container.querySelector('rect.landscape2d-border')!;
    const [left, top] = [Number(plot.getAttribute('x')), Number(plot.getAttribute('y'))];
    const [right, bottom] = [
      left + Number(plot.getAttribute('width')),
      top + Number(plot.getAttribute('height')),
    ];
    // The end lies on the plot's border…
    const onEdge = [x2! - left, right - x2!, y2! - top, bottom - y2!];
    for (const gap of onEdge) expect(gap).toBeGreaterThanOrEqual(-1e-6);
    expect(Math.min(...onEdge)).toBeCloseTo(0, 6);
    // …on the way to the true target, which the arrow keeps as data.
    const at = runOf(store.getState(), 'momentum').params;
    const target = {
      w: Number(group.getAttribute('data-next-w')),
      b: Number(group.getAttribute('data-next-b')),
    };
    expect(Number.isFinite(target.w) && Number.isFinite(target.b)).toBe(true);
    const x = axisScale(container, 'w');
    const y = axisScale(container, 'b');
    const [tx, ty] = [x(target.w) - x(at.w), y(target.b) - y(at.b)];
    const [dx, dy] = [x2! - x1!, y2! - y1!];
    expect(Math.hypot(dx, dy)).toBeLessThan(Math.hypot(tx, ty));
    expect((dx * ty - dy * tx) / (Math.hypot(dx, dy) * Math.hypot(tx, ty))).toBeCloseTo(0, 6);
    expect(dx * tx + dy * ty).toBeGreaterThan(0);
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('drops the step once a run overflowed, and never shows NaN or Infinity on the way', () => {
    const store = offsetStore({ lr: 0.5, third: 'momentum', epochs: 300 });
    const { container } = renderMap('momentum', store);
    for (let epoch = 0; epoch < 5; epoch++) {
      const line = nextLine(container);
      if (line) for (const value of coords(line)) expect(Number.isFinite(value)).toBe(true);
      expect(allText(container)).not.toMatch(/NaN|Infinity/);
      step(store, 1);
    }
    act(() => store.getState().actions.runToEnd());
    expect(runOf(store.getState(), 'momentum').status).toBe('diverged');
    expect(nextStep(container)).toBeNull();
    expect(screen.queryByText(/next step/)).toBeNull();
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('says it in Chinese', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const store = offsetStore({ lr: 0.01, third: 'momentum' });
    renderMap('momentum', store);
    step(store, 2);
    const { at, next } = momentumByHand(0.01, 0.9, 2);
    expect(
      screen.getByText(wholeText(`下一步 Δw = ${pyFloat(next.w - at.w)}, Δb = ${pyFloat(next.b - at.b)}`)),
    ).toBeInTheDocument();
    expect(screen.getByText('下一次更新,按实际比例')).toBeInTheDocument();
  });
});
