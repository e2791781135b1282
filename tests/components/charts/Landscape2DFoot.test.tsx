import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Landscape2DFoot,
  widestFoot,
  WIDEST_COST,
  type Landscape2DFootProps,
} from '../../../src/components/charts/Landscape2DFoot';
import { WIDEST_FLOAT } from '../../../src/components/controls/LiveNumber';
import { optimum, pyFloat } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { DEFAULT_SETTINGS } from '../../../src/store/playground';
import { wholeText } from '../helpers/dom';
import { OFFSET, offsetStore, renderMap, step } from '../helpers/landscape2d';

/** The 2-D landscape's foot, and the reserve its island keeps for the numbers to come (LayoutIsland). */

const W = WIDEST_FLOAT;
const STAR = optimum('wb', OFFSET);
const STAR_LINE = `θ* = (${pyFloat(STAR.w)}, ${pyFloat(STAR.b)})`;

/** A ResizeObserver that never reports: enough for LayoutIsland to lay out its reserve (jsdom has none). */
class SilentObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

const lines = (element: Element) =>
  [...element.querySelectorAll('.chart-stats > .chart-mono, .chart-legend-item, .chart-offchart')].map(
    (line) => line.textContent,
  );

const AT_REST: Landscape2DFootProps = {
  note: null,
  at: { w: '1.0', b: '0.0' },
  cost: '4.666666666666667',
  gradient: { w: '-9.333333333333334', b: '-4.0' },
  nextStep: null,
  star: { w: 2, b: 0 },
  kind: 'sgd',
  rule: false,
};

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Landscape2DFoot', () => {
  it('says where (w, b) is, the cost, ∇cost and θ*, over the legend of what is drawn', () => {
    const { container } = render(<Landscape2DFoot {...AT_REST} />);
    expect(lines(container)).toEqual([
      '(w, b) = (1.0, 0.0)',
      'cost = 4.666666666666667',
      '∇cost = (-9.333333333333334, -4.0)',
      'θ* = (2.0, 0.0)',
      'lines of equal cost',
      '(w, b) after each epoch',
      'each one-sample update (latest epochs)',
      '−∇cost: direction only, length scaled',
      '×θ*: the least-squares fit',
    ]);
  });

  it('widest: every float at its widest (a cost has no sign), the same lines, no note', () => {
    const foot: Landscape2DFootProps = {
      ...AT_REST,
      note: '(w, b) = (1e+300, 0.0) is off the chart.',
      nextStep: { w: '0.1', b: '-0.2' },
      kind: 'gd',
      rule: true,
    };
    const { container } = render(<Landscape2DFoot {...widestFoot(foot)} />);
    expect(lines(container)).toEqual([
      `(w, b) = (${W}, ${W})`,
      `cost = ${W.slice(1)}`,
      `∇cost = (${W}, ${W})`,
      `next step Δw = ${W}, Δb = ${W}`,
      'θ* = (2.0, 0.0)',
      'lines of equal cost',
      '(w, b) after each epoch',
      '−∇cost: direction only, length scaled',
      'its next update, to scale',
      '×θ*: the least-squares fit',
    ]);
    expect(WIDEST_COST).toBe(W.slice(1));
    // No ∇cost where it is not a number, no next step without a rule.
    const bare = widestFoot({ ...AT_REST, gradient: null });
    expect(bare.gradient).toBeNull();
    expect(bare.nextStep).toBeNull();
  });

  it('widest: the same props from one frame to the next, so the memoised reserve does not render again', () => {
    const later: Landscape2DFootProps = {
      ...AT_REST,
      at: { w: '1.9212405510052126', b: '0.17903873994803782' },
      cost: '0.004598470801892207',
      gradient: { w: '-0.01893323082586207', b: '0.04303968391692692' },
    };
    const [a, b] = [widestFoot(AT_REST), widestFoot(later)];
    for (const key of Object.keys(a) as (keyof Landscape2DFootProps)[])
      expect(Object.is(a[key], b[key])).toBe(true);
  });
});

describe('Landscape2D: the foot keeps room for the numbers to come', () => {
  it('lays out the widest foot unseen in its island, while the foot itself shows the run', () => {
    vi.stubGlobal('ResizeObserver', SilentObserver);
    const store = offsetStore();
    const { container } = renderMap('sgd', store);
    const reserve = container.querySelector('.layout-island-reserve')!;
    expect(reserve).toHaveAttribute('aria-hidden', 'true');
    expect(lines(reserve).slice(0, 4)).toEqual([
      `(w, b) = (${W}, ${W})`,
      `cost = ${W.slice(1)}`,
      `∇cost = (${W}, ${W})`,
      STAR_LINE,
    ]);
    const content = container.querySelector<HTMLElement>('.layout-island-content')!;
    const start = `(w, b) = (${pyFloat(DEFAULT_SETTINGS.w0)}, ${pyFloat(DEFAULT_SETTINGS.b0)})`;
    expect(within(content).getByText(wholeText(start))).toBeInTheDocument();
    // θ* is written twice, but the reserve is hidden from assistive technology: one legend is read.
    expect(screen.getAllByText(STAR_LINE)).toHaveLength(2);
    expect(screen.getAllByRole('list')).toHaveLength(1);

    // Playing: the numbers grow in the foot; the reserve stays as it was.
    const before = reserve.innerHTML;
    step(store, 5);
    const { w, b } = store.getState().runs.sgd.params;
    expect(
      within(content).getByText(wholeText(`(w, b) = (${pyFloat(w)}, ${pyFloat(b)})`)),
    ).toBeInTheDocument();
    expect(reserve.innerHTML).toBe(before);
  });

  it('keeps room for an update rule’s next step, and leaves the off-chart note out of the reserve', () => {
    vi.stubGlobal('ResizeObserver', SilentObserver);
    const store = offsetStore({ lr: 0.01, third: 'momentum' });
    const { container } = renderMap('momentum', store);
    const reserve = container.querySelector('.layout-island-reserve')!;
    expect(lines(reserve)).toContain(`next step Δw = ${W}, Δb = ${W}`);
    expect(lines(reserve)).toContain('its next update, to scale');

    const diverging = offsetStore({ lr: 0.05 });
    const map = renderMap('gd', diverging);
    step(diverging, 12);
    const island = map.container.querySelector('.layout-island')!;
    expect(island.querySelector('.layout-island-content .chart-offchart')).not.toBeNull();
    expect(island.querySelector('.layout-island-reserve .chart-offchart')).toBeNull();
  });
});
