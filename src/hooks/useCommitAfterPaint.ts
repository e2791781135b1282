import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { afterNextPaint } from './afterNextPaint';

/**
 * A control that answers at once and commits after the next paint: `propose(value)` shows `value`
 * as `pending` in the control's own render, and hands the latest proposal to `commit` once that frame
 * has been painted (proposals made before then are folded into one). For a commit that is heavy (a
 * new learning rate recomputes both runs and redraws every chart): the key press or the drag is seen
 * in the next frame, the rest follows in the one after. `current` is the committed value: if it
 * changes by other means before the paint (a lesson's scene, a typed value), that later change wins
 * and the proposal is dropped. Otherwise nothing proposed is lost: unmounting commits it at once.
 */
export function useCommitAfterPaint<T>(
  commit: (value: T) => void,
  current: T,
): readonly [pending: { readonly value: T } | null, propose: (value: T) => void] {
  const [pending, setPending] = useState<{ readonly value: T } | null>(null);
  const latest = useRef<{ readonly value: T; readonly base: T } | null>(null);
  const cancel = useRef<(() => void) | null>(null);
  const committer = useRef(commit);
  const committed = useRef(current);
  useLayoutEffect(() => {
    committer.current = commit;
    committed.current = current;
  });
  // The latest proposal, unless the committed value moved meanwhile (then the later change wins).
  const commitLatest = useCallback(() => {
    const proposal = latest.current;
    latest.current = null;
    if (proposal && Object.is(proposal.base, committed.current)) committer.current(proposal.value);
  }, []);
  const flush = useCallback(() => {
    cancel.current = null;
    commitLatest();
    setPending(null);
  }, [commitLatest]);
  const propose = useCallback(
    (value: T) => {
      latest.current = { value, base: latest.current?.base ?? committed.current };
      setPending({ value });
      cancel.current ??= afterNextPaint(flush);
    },
    [flush],
  );
  useEffect(
    () => () => {
      cancel.current?.();
      cancel.current = null;
      commitLatest();
    },
    [commitLatest],
  );
  return [pending, propose] as const;
}
