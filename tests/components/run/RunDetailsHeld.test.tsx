// A run panel's details (the printed loss, the predictions) below the fold: held at what they last
// showed while the runs play fast out of sight; live in the window, at rest and at a lecture's pace.
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RunPanel } from '../../../src/components/run/RunPanel';
import { pyFloat } from '../../../src/core';
import { selectIsPlayingEveryFrame, selectIsTextFrame, selectRunDetails } from '../../../src/store/selectors';
import { fresh } from '../../store/helpers';
import { readout, SGD } from '../helpers/dom';
import { FakeIntersectionObserver, withFakeIntersectionObserver } from '../helpers/intersection';
import { renderWithStore } from '../helpers/render';

withFakeIntersectionObserver();

function renderSgd() {
  const store = fresh({ speed: 1000, epochs: 100_000 });
  const view = renderWithStore(<RunPanel id="sgd" />, store);
  const details = view.container.querySelector('.run-details-numbers')!;
  const observer = FakeIntersectionObserver.watching(details);
  const { actions } = store.getState();
  const step = () => act(() => actions.step());
  /** `frames` frames of 60 Hz: the clock moves 16–17 epochs in each. */
  const frames = (count: number) => {
    for (let k = 0; k < count; k++) act(() => actions.tick(1000 / 60));
  };
  /** On to the next frame that writes the numbers (the readout cadence), one frame at least. */
  const toTextFrame = () => {
    frames(1);
    if (!selectIsTextFrame(store.getState())) frames(1);
    expect(selectIsTextFrame(store.getState())).toBe(true);
  };
  /** The printed loss as the store has it now, as the details print it. */
  const liveLoss = () => pyFloat(selectRunDetails('sgd')(store.getState()).printedLoss!);
  return { store, details, observer, actions, step, frames, toTextFrame, liveLoss };
}

describe('a run panel’s details out of sight', () => {
  it('watch the details alone, with no margin: they sit just below the fold of a laptop', () => {
    const { observer, details } = renderSgd();
    expect(observer.options.rootMargin).toBe('0px');
    expect(observer.targets).toEqual([details]);
  });

  it('keep their numbers while the runs play fast, and show the runs of now in sight', () => {
    const { store, observer, actions, step, frames, toTextFrame, liveLoss } = renderSgd();
    step();
    expect(readout(SGD, 'run.loss')).toBe('4.919240100095999');
    observer.see(false);
    act(() => actions.play());
    frames(6);
    expect(selectIsPlayingEveryFrame(store.getState())).toBe(true);
    expect(readout(SGD, 'run.loss')).toBe('4.919240100095999');
    // A slow frame (a busy machine) shows everything it changed at once: the details stay held.
    act(() => actions.tick(80));
    expect(readout(SGD, 'run.loss')).toBe('4.919240100095999');
    // The readout line above the details, not held, follows the runs (at the readout cadence).
    expect(Number(readout(SGD, 'run.epoch'))).toBeGreaterThan(50);
    // In sight, they write the runs of now on the next frame that writes numbers.
    observer.see(true);
    toTextFrame();
    expect(readout(SGD, 'run.loss')).toBe(liveLoss());
    expect(readout(SGD, 'run.loss')).not.toBe('4.919240100095999');
  });

  it('are live out of sight at rest and step by step, and again as soon as a fast play stops', () => {
    const { observer, actions, step, frames, liveLoss } = renderSgd();
    observer.see(false);
    step();
    expect(readout(SGD, 'run.loss')).toBe('4.919240100095999');
    step();
    expect(readout(SGD, 'run.loss')).toBe(liveLoss());
    act(() => actions.play());
    frames(6);
    const held = readout(SGD, 'run.loss');
    expect(held).not.toBe(liveLoss());
    act(() => actions.pause());
    expect(readout(SGD, 'run.loss')).toBe(liveLoss());
  });

  it('take new data in the middle of a fast play out of sight', () => {
    const { store, observer, actions, frames, toTextFrame } = renderSgd();
    observer.see(false);
    act(() => actions.play());
    frames(6);
    // The regime notes above and below the picture share a selector: held beside live, the one
    // below would make React loop; new data must render without it.
    act(() => {
      store.getState().actions.updateSettings({ xs: [1, 2, 3, 4], ys: [2, 4, 6, 8] });
    });
    observer.see(true);
    toTextFrame();
    expect(readout(SGD, 'run.predictAfter')).toBe(
      pyFloat(selectRunDetails('sgd')(store.getState()).predictNow),
    );
  });
});
