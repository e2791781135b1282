// A run panel's details (the printed loss, the predictions) below the fold: held at what they last
// showed while the runs move, live again as soon as any of them is in the window.
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RunPanel } from '../../../src/components/run/RunPanel';
import { fresh } from '../../store/helpers';
import { readout, SGD } from '../helpers/dom';
import { FakeIntersectionObserver, withFakeIntersectionObserver } from '../helpers/intersection';
import { renderWithStore } from '../helpers/render';

withFakeIntersectionObserver();

function renderSgd() {
  const store = fresh();
  const view = renderWithStore(<RunPanel id="sgd" />, store);
  const details = view.container.querySelector('.run-details-numbers')!;
  const observer = FakeIntersectionObserver.watching(details);
  const step = (times = 1) =>
    act(() => {
      for (let k = 0; k < times; k++) store.getState().actions.step();
    });
  return { store, details, observer, step };
}

describe('a run panel’s details out of sight', () => {
  it('watch the details alone, with no margin: they sit just below the fold of a laptop', () => {
    const { observer, details } = renderSgd();
    expect(observer.options.rootMargin).toBe('0px');
    expect(observer.targets).toEqual([details]);
  });

  it('keep the printed loss and the prediction while out of sight, and show the runs of now in sight', () => {
    const { observer, step } = renderSgd();
    step();
    expect(readout(SGD, 'run.loss')).toBe('4.919240100095999');
    const prediction = readout(SGD, 'run.predictAfter');
    observer.see(false);
    step(3);
    expect(readout(SGD, 'run.loss')).toBe('4.919240100095999');
    expect(readout(SGD, 'run.predictAfter')).toBe(prediction);
    // The readout line above the details, not held, follows every step.
    expect(readout(SGD, 'run.epoch')).toBe('4');
    observer.see(true);
    expect(readout(SGD, 'run.loss')).not.toBe('4.919240100095999');
    expect(readout(SGD, 'run.predictAfter')).not.toBe(prediction);
    // Live again: each step shows.
    const inSight = readout(SGD, 'run.loss');
    step();
    expect(readout(SGD, 'run.loss')).not.toBe(inSight);
  });

  it('take new data out of sight, and show its run once in sight', () => {
    const { store, observer, step } = renderSgd();
    observer.see(false);
    // The regime notes above and below the picture share a selector: a held state beside the live
    // one must not make React loop.
    act(() => {
      store.getState().actions.updateSettings({ xs: [1, 2, 3, 4], ys: [2, 4, 6, 8] });
    });
    step();
    expect(readout(SGD, 'run.loss')).toBe('—');
    observer.see(true);
    expect(readout(SGD, 'run.loss')).not.toBe('—');
  });
});
