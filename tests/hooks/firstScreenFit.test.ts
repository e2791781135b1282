import { describe, expect, it } from 'vitest';
import { firstScreenPlotHeight, PLOT_HEIGHT_LIMITS } from '../../src/hooks/firstScreenFit';

describe('firstScreenPlotHeight', () => {
  it('gives a plot what the window has left under it, less what its figure shows below and a margin', () => {
    // 768 − 330 − 60 − 12.
    expect(firstScreenPlotHeight(768, [{ top: 330, below: 60 }])).toBe(366);
  });

  it('lets the lowest plot of a row decide, so that both end on the first screen', () => {
    expect(
      firstScreenPlotHeight(1080, [
        { top: 400, below: 50 },
        { top: 440, below: 50 },
      ]),
    ).toBe(1080 - 440 - 50 - 12);
  });

  it('stays within its limits: readable on a short window, not absurd on a tall one', () => {
    expect(firstScreenPlotHeight(500, [{ top: 450, below: 40 }])).toBe(PLOT_HEIGHT_LIMITS.min);
    expect(firstScreenPlotHeight(4000, [{ top: 100, below: 40 }])).toBe(PLOT_HEIGHT_LIMITS.max);
  });

  it('says nothing when there is no plot to fit', () => {
    expect(firstScreenPlotHeight(768, [])).toBeNull();
  });
});
