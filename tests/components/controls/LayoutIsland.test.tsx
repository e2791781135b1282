import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LayoutIsland } from '../../../src/components/controls/LayoutIsland';

/** A ResizeObserver that reports only when the test says so (jsdom has none). */
class ReportingObserver {
  static last: ReportingObserver | null = null;
  readonly observed: Element[] = [];
  disconnected = false;
  constructor(private readonly callback: ResizeObserverCallback) {
    ReportingObserver.last = this;
  }
  observe(target: Element) {
    this.observed.push(target);
  }
  unobserve() {}
  disconnect() {
    this.disconnected = true;
  }
  /** The observed content (or the k-th observed element) now measures `blockSize` CSS pixels high. */
  report(blockSize: number, k = 0) {
    const entry = { target: this.observed[k]!, borderBoxSize: [{ blockSize, inlineSize: 300 }] };
    this.callback([entry as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  ReportingObserver.last = null;
});

describe('LayoutIsland', () => {
  it('is not contained before its content is measured (nor ever without ResizeObserver)', () => {
    const { container } = render(
      <LayoutIsland>
        <p>cost 4.666666666666667</p>
      </LayoutIsland>,
    );
    const island = container.querySelector('.layout-island') as HTMLElement;
    expect(island.parentElement).toHaveClass('layout-island-slot');
    expect(island).toHaveTextContent('cost 4.666666666666667');
    expect(island).not.toHaveAttribute('data-sealed');
  });

  it('takes the height its content measures, again whenever that changes, and stops watching when gone', () => {
    vi.stubGlobal('ResizeObserver', ReportingObserver);
    const { container, unmount } = render(
      <LayoutIsland>
        <p>ŷ(4) now 7.999999999999996</p>
      </LayoutIsland>,
    );
    const island = container.querySelector('.layout-island') as HTMLElement;
    const observer = ReportingObserver.last!;
    // It watches its content, not itself: its own height is what it sets.
    expect(observer.observed).toEqual([container.querySelector('.layout-island-content')]);
    act(() => observer.report(42.5));
    expect(island).toHaveAttribute('data-sealed');
    expect(island.style.getPropertyValue('--island-height')).toBe('42.5px');
    // A number that now wraps makes the content taller: the island follows.
    act(() => observer.report(63));
    expect(island.style.getPropertyValue('--island-height')).toBe('63px');
    unmount();
    expect(observer.disconnected).toBe(true);
  });

  it('with a reserve, is as high as the higher of its content and the reserve, which is never seen', () => {
    vi.stubGlobal('ResizeObserver', ReportingObserver);
    const { container, getByText } = render(
      <LayoutIsland reserve={<p>w = -0.0000000000000000e-00</p>}>
        <p>w = 1.0</p>
      </LayoutIsland>,
    );
    const island = container.querySelector('.layout-island') as HTMLElement;
    const reserve = container.querySelector('.layout-island-reserve')!;
    expect(reserve).toHaveAttribute('aria-hidden', 'true');
    expect(reserve).toHaveTextContent('w = -0.0000000000000000e-00');
    expect(getByText('w = 1.0').closest('.layout-island-content')).not.toBeNull();
    const observer = ReportingObserver.last!;
    expect(observer.observed).toEqual([container.querySelector('.layout-island-content'), reserve]);
    // The reserve wraps to two lines where the content takes one: the island keeps room for two.
    act(() => observer.report(40, 1));
    act(() => observer.report(20));
    expect(island.style.getPropertyValue('--island-height')).toBe('40px');
    // Content taller than the reserve (an unforeseen line): the content wins.
    act(() => observer.report(61));
    expect(island.style.getPropertyValue('--island-height')).toBe('61px');
  });

  it('lays out no reserve without ResizeObserver: nothing could measure it', () => {
    const { container } = render(
      <LayoutIsland reserve={<p>w = -0.0000000000000000e-00</p>}>
        <p>w = 1.0</p>
      </LayoutIsland>,
    );
    expect(container.querySelector('.layout-island-reserve')).toBeNull();
    expect(container).toHaveTextContent(/^w = 1\.0$/);
  });
});
