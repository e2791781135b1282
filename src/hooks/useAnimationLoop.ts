import { useEffect } from 'react';
import type { PlaygroundStore } from '../store/playground';

/**
 * Drives the shared clock with requestAnimationFrame while the store is playing: each frame reads
 * the state through getState() and makes one tick: at most one store update, none when the frame owes
 * no whole epoch (the debt is kept without telling subscribers). The loop sleeps while paused
 * and while the tab is hidden, and restarts its stopwatch on resume so no time is owed for the
 * hidden stretch (no jump).
 */
export function useAnimationLoop(store: PlaygroundStore): void {
  useEffect(() => {
    let frame: number | null = null;
    let last: number | null = null;

    const onFrame = (now: number) => {
      frame = null;
      const { playback, actions } = store.getState();
      if (playback !== 'playing' || document.hidden) {
        last = null;
        return;
      }
      actions.tick(last === null ? 0 : now - last);
      // The tick may have finished the run: the next play must start a fresh stopwatch.
      last = store.getState().playback === 'playing' ? now : null;
      schedule();
    };
    const schedule = () => {
      if (frame === null && !document.hidden && store.getState().playback === 'playing') {
        frame = requestAnimationFrame(onFrame);
      }
    };
    const stop = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      last = null;
    };
    const onVisibility = () => (document.hidden ? stop() : schedule());

    const unsubscribe = store.subscribe((state, previous) => {
      if (state.playback === previous.playback) return;
      if (state.playback === 'playing') schedule();
      else stop();
    });
    document.addEventListener('visibilitychange', onVisibility);
    schedule();
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
      stop();
    };
  }, [store]);
}
