import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../../src/i18n';
import { createPlaygroundStore } from '../../../src/store/playground';
import { linePath, renderChart } from '../helpers/lossChart';

// What the loss chart writes into the SVG, however large the costs: never a number Chromium cannot
// parse ("<path> attribute d: Expected number"), and only the one named Tab stop.

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

/** Records every coordinate attribute written under `root` beyond ±10⁵ px, or NaN / Infinity. */
function watchCoordinates(root: Element): { readonly bad: string[]; stop: () => void } {
  const bad: string[] = [];
  const names = ['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'transform'];
  const checkValue = (element: Element, name: string, value: string | null) => {
    if (value === null || !names.includes(name)) return;
    const numbers = value.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
    if (/NaN|Infinity/.test(value) || numbers.some((n) => Math.abs(Number(n)) > 1e5 + 1)) {
      bad.push(`${element.getAttribute('class') ?? element.tagName} ${name}="${value.slice(0, 50)}"`);
    }
  };
  const check = (element: Element) => {
    for (const name of names) checkValue(element, name, element.getAttribute(name));
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        // A value a later render replaced before this callback ran is in oldValue.
        checkValue(record.target as Element, record.attributeName ?? '', record.oldValue);
        check(record.target as Element);
      }
      for (const node of record.addedNodes) {
        if (node instanceof Element) [node, ...node.querySelectorAll('*')].forEach(check);
      }
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
  return { bad, stop: () => observer.disconnect() };
}

describe('LossChart: safe to draw', () => {
  it('flips between log and linear with diverged runs without writing an unparseable coordinate', async () => {
    const user = userEvent.setup();
    const store = createPlaygroundStore();
    act(() => void store.getState().actions.updateSettings({ lr: 1, epochs: 2000 }));
    const { container } = renderChart(store);
    act(() => store.getState().actions.runToEnd());
    expect(store.getState().runs.gd.status).toBe('diverged');
    const watch = watchCoordinates(container);
    // The render between the flip and Recharts' new axis once drew the linear costs on the log
    // scale: "M73,-1.9e+306…".
    await user.click(screen.getByRole('radio', { name: 'Log' }));
    await user.click(screen.getByRole('radio', { name: 'Linear' }));
    await user.click(screen.getByRole('radio', { name: 'Log' }));
    watch.stop();
    expect(watch.bad).toEqual([]);
    expect(container.querySelectorAll('.loss-end')).toHaveLength(2);
  });

  it('starting at w₀ = 10¹⁵⁰ (a cost near 10³⁰⁰), draws both lines in both scales', async () => {
    const user = userEvent.setup();
    const store = createPlaygroundStore();
    act(() => void store.getState().actions.updateSettings({ w0: 1e150 }));
    const { container } = renderChart(store);
    const watch = watchCoordinates(container);
    act(() => store.getState().actions.runToEnd());
    await user.click(screen.getByRole('radio', { name: 'Log' }));
    await user.click(screen.getByRole('radio', { name: 'Linear' }));
    watch.stop();
    expect(watch.bad).toEqual([]);
    for (const run of ['gd', 'sgd'] as const) {
      const d = linePath(container, run);
      expect(d.split('L').length).toBeGreaterThan(50);
    }
  });

  it('is one named Tab stop: its Recharts layers are out of the tab order', () => {
    const { container } = renderChart();
    const surface = container.querySelector('svg.recharts-surface')!;
    expect(surface).toHaveAttribute('tabindex', '0');
    expect(surface).toHaveAccessibleName('Cost chart: ← and → read the exact values epoch by epoch');
    const layers = container.querySelectorAll('svg.recharts-surface > g[class*="recharts-zIndex-layer"]');
    expect(layers.length).toBeGreaterThan(0);
    for (const layer of layers) expect(layer).toHaveAttribute('tabindex', '-1');
  });

  it('names it in Chinese too', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const { container } = renderChart();
    expect(container.querySelector('svg.recharts-surface')).toHaveAccessibleName(
      'cost 曲线图：按 ← 和 → 逐个 epoch 查看精确数值',
    );
  });
});
