// The data panel out of sight: held at what it last showed while the runs move, live again in view.
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEEN_MARGIN } from '../../../src/hooks/useHeldWhileHidden';
import type { PlaygroundStore } from '../../../src/store/playground';
import { selectShownW } from '../../../src/store/selectors';
import { lineOf, renderDataPanel, xCell } from '../helpers/dataPanel';
import { FakeIntersectionObserver, playFast, withFakeIntersectionObserver } from '../helpers/intersection';
import { fresh } from '../../store/helpers';

/** GD's w as the store has it now, as the line's data-w writes it. */
const liveW = (store: PlaygroundStore) => String(selectShownW('gd')(store.getState()));

const observer = () => FakeIntersectionObserver.last();
/** A store whose runs play fast (1,000 epochs/s), as the panel holds still for. */
const fast = () => fresh({ speed: 1000, epochs: 100_000 });

withFakeIntersectionObserver();

describe('DataPanel out of sight', () => {
  it('watches its own section, with a margin so that it is live before it scrolls into view', () => {
    const { container } = renderDataPanel();
    expect(observer().targets).toEqual([container.querySelector('section.data-panel')]);
    expect(observer().options.rootMargin).toBe(SEEN_MARGIN);
  });

  it('keeps its fitted line while the runs play fast out of sight, and shows the current one in sight', () => {
    const { store, container } = renderDataPanel(fast());
    const gdLine = () => lineOf(container, 'gd')?.dataset.w;
    act(() => store.getState().actions.step());
    const afterOne = gdLine();
    expect(afterOne).toBe(liveW(store));

    observer().see(false);
    playFast(store, 4);
    expect(store.getState().epoch).toBeGreaterThan(40);
    expect(gdLine()).toBe(afterOne);

    observer().see(true);
    expect(gdLine()).toBe(liveW(store));
    expect(gdLine()).not.toBe(afterOne);
  });

  it('is live out of sight at rest, step by step, and again as soon as a fast play stops', () => {
    const { store, container } = renderDataPanel(fast());
    const gdLine = () => lineOf(container, 'gd')?.dataset.w;
    observer().see(false);
    act(() => store.getState().actions.step());
    expect(gdLine()).toBe(liveW(store));
    playFast(store, 4);
    expect(gdLine()).not.toBe(liveW(store));
    act(() => store.getState().actions.pause());
    expect(gdLine()).toBe(liveW(store));
  });

  it('stays live while it holds the focus, out of sight or not', () => {
    const { store, container } = renderDataPanel(fast());
    const gdLine = () => lineOf(container, 'gd')?.dataset.w;
    act(() => xCell(1).focus());
    observer().see(false);
    playFast(store, 2);
    expect(gdLine()).toBe(liveW(store));
    // The focus leaves the panel: now it holds.
    act(() => xCell(1).blur());
    const shown = gdLine();
    playFast(store, 2);
    expect(gdLine()).toBe(shown);
    expect(shown).not.toBe(liveW(store));
  });

  it('is live while the page is printed', () => {
    const { store, container } = renderDataPanel(fast());
    const gdLine = () => lineOf(container, 'gd')?.dataset.w;
    observer().see(false);
    playFast(store, 2);
    expect(gdLine()).not.toBe(liveW(store));
    act(() => void window.dispatchEvent(new Event('beforeprint')));
    expect(gdLine()).toBe(liveW(store));
    act(() => void window.dispatchEvent(new Event('afterprint')));
    const printed = gdLine();
    playFast(store, 2);
    expect(gdLine()).toBe(printed);
  });
});
