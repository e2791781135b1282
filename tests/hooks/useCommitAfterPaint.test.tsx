import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCommitAfterPaint } from '../../src/hooks/useCommitAfterPaint';
import { manualFrames } from '../components/helpers/frames';

const frames = manualFrames();

beforeEach(() => {
  vi.useFakeTimers();
  frames.install();
});

afterEach(() => {
  frames.remove();
  vi.useRealTimers();
});

/** A control over a committed value: shows the pending proposal, else the committed value. */
function harness() {
  const commits: number[] = [];
  const api: { propose?: (value: number) => void; setCommitted?: (value: number) => void } = {};
  function Control() {
    const [committed, setCommitted] = useState(1);
    const [pending, propose] = useCommitAfterPaint((value: number) => {
      commits.push(value);
      setCommitted(value);
    }, committed);
    api.propose = propose;
    api.setCommitted = setCommitted;
    return <output>{pending?.value ?? committed}</output>;
  }
  const view = render(<Control />);
  const shown = () => view.container.querySelector('output')!.textContent;
  /** The next frame is painted, then the tasks it posted run. */
  const paint = () => {
    frames.frame(16);
    act(() => vi.advanceTimersByTime(0));
  };
  return { commits, api, shown, paint, view };
}

describe('useCommitAfterPaint', () => {
  it('shows a proposal at once and commits the last one after the next paint', () => {
    const { commits, api, shown, paint } = harness();
    act(() => api.propose!(2));
    expect(shown()).toBe('2');
    act(() => api.propose!(3));
    expect(shown()).toBe('3');
    expect(commits).toEqual([]);
    paint();
    expect(commits).toEqual([3]);
    expect(shown()).toBe('3');
    // Nothing more to commit.
    paint();
    expect(commits).toEqual([3]);
  });

  it('commits after FALLBACK_MS when no frame is painted (a hidden tab)', () => {
    const { commits, api } = harness();
    act(() => api.propose!(2));
    act(() => vi.advanceTimersByTime(249));
    expect(commits).toEqual([]);
    act(() => vi.advanceTimersByTime(1));
    expect(commits).toEqual([2]);
  });

  it('drops a proposal when the value was changed by other means before the paint', () => {
    const { commits, api, shown, paint } = harness();
    act(() => api.propose!(2));
    // A lesson's scene sets its own value meanwhile: it came later, it wins.
    act(() => api.setCommitted!(5));
    paint();
    expect(commits).toEqual([]);
    expect(shown()).toBe('5');
  });

  it('commits what is pending at once when the control goes away', () => {
    const { commits, api, view } = harness();
    act(() => api.propose!(4));
    view.unmount();
    expect(commits).toEqual([4]);
  });
});
