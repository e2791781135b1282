// The loss chart out of sight (below the fold with a third run on a laptop): held at what it last
// showed while the runs move, live again near the window or with the focus in it.
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LossPanel } from '../../../src/components/app/LossPanel';
import { SEEN_MARGIN } from '../../../src/hooks/useHeldWhileHidden';
import { fresh } from '../../store/helpers';
import { FakeIntersectionObserver, playFast, withFakeIntersectionObserver } from '../helpers/intersection';
import { renderWithStore } from '../helpers/render';

withFakeIntersectionObserver();

function renderLossPanel() {
  const store = fresh({ third: 'adam', speed: 1000, epochs: 100_000 });
  const view = renderWithStore(<LossPanel />, store);
  const section = view.container.querySelector('section.loss-panel')!;
  const observer = FakeIntersectionObserver.watching(section);
  /** What the chart shows: the points of GD's line, as its figure says. */
  const gdPoints = () => view.container.querySelector('figure.loss-chart')?.getAttribute('data-gd-points');
  return { store, section, observer, gdPoints };
}

describe('the loss chart out of sight', () => {
  it('watches its section with the margin that makes it live before it scrolls into view', () => {
    const { observer } = renderLossPanel();
    expect(observer.options.rootMargin).toBe(SEEN_MARGIN);
  });

  it('keeps its lines while the runs play fast out of sight, and shows the runs of now in sight', () => {
    const { store, observer, gdPoints } = renderLossPanel();
    act(() => store.getState().actions.step());
    const afterOne = gdPoints();
    observer.see(false);
    playFast(store, 6);
    expect(store.getState().epoch).toBeGreaterThan(50);
    expect(gdPoints()).toBe(afterOne);
    observer.see(true);
    expect(gdPoints()).not.toBe(afterOne);
    // Live again: the next frames show.
    const inSight = gdPoints();
    playFast(store, 6);
    expect(gdPoints()).not.toBe(inSight);
  });

  it('is live out of sight step by step', () => {
    const { store, observer, gdPoints } = renderLossPanel();
    observer.see(false);
    const before = gdPoints();
    act(() => store.getState().actions.step());
    expect(gdPoints()).not.toBe(before);
  });

  it('stays live while it holds the focus', () => {
    const { store, section, observer, gdPoints } = renderLossPanel();
    const focusable = section.querySelector<HTMLElement>('[tabindex], button');
    if (!focusable) throw new Error('nothing in the loss panel takes the focus');
    act(() => focusable.focus());
    observer.see(false);
    const before = gdPoints();
    playFast(store, 6);
    expect(gdPoints()).not.toBe(before);
  });
});
