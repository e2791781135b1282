import { describe, expect, it, vi } from 'vitest';
import { createHeldStore } from '../../src/store/heldStore';
import { createPlaygroundStore } from '../../src/store/playground';

const epochOf = (store: { getState: () => { epoch: number } }) => store.getState().epoch;

/** A fresh store, a held view of it, and a subscriber to the view that records what it hears. */
function watchedView() {
  const live = createPlaygroundStore();
  const held = createHeldStore(live);
  const heard = vi.fn();
  held.store.subscribe(heard);
  return { live, held, heard };
}

describe('createHeldStore', () => {
  it('passes every change on while not held', () => {
    const { live, held, heard } = watchedView();
    live.getState().actions.step();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard.mock.calls[0]![0]).toBe(live.getState());
    expect(epochOf(held.store)).toBe(1);
  });

  it('shows the state at the hold and tells nothing while held', () => {
    const { live, held, heard } = watchedView();
    live.getState().actions.step();
    held.hold(true);
    const atHold = live.getState();
    live.getState().actions.step();
    live.getState().actions.step();
    held.hold(true); // holding again keeps the first state
    live.getState().actions.step();
    expect(held.isHeld()).toBe(true);
    expect(held.store.getState()).toBe(atHold);
    expect(epochOf(held.store)).toBe(1);
    expect(epochOf(live)).toBe(4);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('shows the live state at once when let go, in one notification', () => {
    const { live, held, heard } = watchedView();
    held.hold(true);
    const atHold = live.getState();
    live.getState().actions.step();
    live.getState().actions.step();
    held.hold(false);
    expect(held.isHeld()).toBe(false);
    expect(epochOf(held.store)).toBe(2);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith(live.getState(), atHold);
    // Nothing changed while held: letting go says nothing.
    held.hold(true);
    held.hold(false);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('writes to the live store, and a write through a held view shows in it', () => {
    const { live, held, heard } = watchedView();
    held.hold(true);
    held.store.setState({ epoch: 7 });
    expect(epochOf(live)).toBe(7);
    expect(epochOf(held.store)).toBe(7);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(held.isHeld()).toBe(true);
  });

  it('leaves the live store when its last subscriber leaves', () => {
    const live = createPlaygroundStore();
    const subscribe = vi.spyOn(live, 'subscribe');
    const { store } = createHeldStore(live);
    const first = store.subscribe(() => {});
    const second = store.subscribe(() => {});
    expect(subscribe).toHaveBeenCalledTimes(1);
    first();
    second();
    const heard = vi.fn();
    live.getState().actions.step();
    expect(heard).not.toHaveBeenCalled();
    store.subscribe(heard);
    live.getState().actions.step();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(subscribe).toHaveBeenCalledTimes(2);
  });
});
