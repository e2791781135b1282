import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chartSvg, ExportMenu, resolveCssVars } from '../../../src/components/classroom/ExportMenu';
import { historyCsv } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore, type PlaygroundStore } from '../../../src/store/playground';

// jsdom has no layout and no canvas: these tests cover the CSV and SVG exports and the downloads;
// the PNG (Image + canvas) is covered end to end in tests/e2e/export.test.ts.

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

/** A stand-in for the Recharts chart: a tiny <svg class="recharts-surface"> using theme variables. */
function TinyChart() {
  return (
    <svg
      className="recharts-surface"
      width="200"
      height="100"
      viewBox="0 0 200 100"
      style={{ width: '100%' }}
    >
      <g className="recharts-cartesian-grid">
        <line x1="0" y1="50" x2="200" y2="50" stroke="var(--chart-grid, #e2e8f0)" strokeDasharray="3 3" />
      </g>
      <path className="recharts-curve" d="M0,90L100,40L200,10" fill="none" stroke="var(--gd, #2563eb)" />
      <text x="10" y="95" fill="var(--chart-text, #334155)">
        epoch
      </text>
    </svg>
  );
}

function Harness({ withChart }: { withChart: boolean }) {
  const ref = useRef<HTMLElement>(null);
  return (
    <section ref={ref} className="loss-panel" style={{ ['--gd' as string]: '#123456' }}>
      {withChart && <TinyChart />}
      <ExportMenu chart={ref} />
    </section>
  );
}

interface Saved {
  readonly blob: Blob;
  readonly filename: string;
}

/** Captures downloads: the Blob handed to URL.createObjectURL and the <a download> clicked. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const saved: Saved[] = [];
  const urls = new Map<string, Blob>();
  // jsdom lacks URL.createObjectURL / revokeObjectURL altogether.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    const url = `blob:test/${blobs.length}`;
    urls.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    // A real click would navigate, which jsdom does not implement.
    saved.push({ blob: urls.get(this.href)!, filename: this.download });
  });
  return { blobs, saved };
}

function renderMenu(options: { withChart?: boolean; store?: PlaygroundStore } = {}) {
  const store = options.store ?? createPlaygroundStore();
  const user = userEvent.setup();
  render(
    <PlaygroundProvider store={store}>
      <Harness withChart={options.withChart ?? true} />
    </PlaygroundProvider>,
  );
  return { store, user };
}

const { createObjectURL, revokeObjectURL } = URL;

afterEach(() => {
  vi.useRealTimers();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

describe('ExportMenu', () => {
  it('offers four named buttons in a labelled group', () => {
    renderMenu();
    const group = screen.getByRole('group', { name: 'Export' });
    const names = [...group.querySelectorAll('button')].map((button) => button.textContent);
    expect(names).toEqual(['Chart as PNG', 'Chart as SVG', 'GD history (CSV)', 'SGD history (CSV)']);
  });

  it('saves the GD history as CSV, exactly', async () => {
    const { saved } = captureDownloads();
    const { store, user } = renderMenu();
    act(() => {
      store.getState().actions.step();
      store.getState().actions.step();
    });
    await user.click(screen.getByRole('button', { name: 'GD history (CSV)' }));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.filename).toBe('downhill-gd-history.csv');
    expect(saved[0]!.blob.type).toBe('text/csv;charset=utf-8');
    expect(await saved[0]!.blob.text()).toBe(
      'epoch,lecture_epoch,w,loss_printed,cost,diverged\n' +
        '1,0,1.0933333333333333,4.666666666666667,3.8362074074074086,false\n' +
        '2,1,1.1779555555555554,3.8362074074074086,3.1535329869958857,false\n',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Saved downhill-gd-history.csv.');
  });

  it('saves the SGD history as CSV, from the keyboard', async () => {
    const { saved } = captureDownloads();
    const { store, user } = renderMenu();
    act(() => store.getState().actions.runToEnd());
    screen.getByRole('button', { name: 'SGD history (CSV)' }).focus();
    await user.keyboard('{Enter}');
    expect(saved[0]!.filename).toBe('downhill-sgd-history.csv');
    const text = await saved[0]!.blob.text();
    expect(text).toBe(historyCsv(store.getState().runs.sgd));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(101);
    // stochastic_gradient_descent.out.txt: progress: 99 w= 1.9999999999999236 loss= 5.250973729513143e-26,
    // the app's epoch 100.
    expect(lines[100]).toMatch(/^100,99,1\.9999999999999236,5\.250973729513143e-26,[^,]+,false$/);
  });

  it('revokes the download URL afterwards', async () => {
    vi.useFakeTimers();
    captureDownloads();
    renderMenu();
    act(() => screen.getByRole('button', { name: 'GD history (CSV)' }).click());
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1000));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
  });

  it('saves the chart as a standalone SVG', async () => {
    const { saved } = captureDownloads();
    const { user } = renderMenu();
    await user.click(screen.getByRole('button', { name: 'Chart as SVG' }));
    expect(saved[0]!.filename).toBe('downhill-loss.svg');
    expect(saved[0]!.blob.type).toBe('image/svg+xml');
    const markup = await saved[0]!.blob.text();
    expect(markup).toContain('<svg');
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).toContain('<path');
    // Theme variables are resolved: from the page where set (--gd), else their fallbacks.
    expect(markup).not.toContain('var(');
    expect(markup).toContain('#123456');
    // No style="" anywhere: the app's Content-Security-Policy forbids inline style attributes.
    expect(markup).not.toMatch(/\sstyle=/);
    expect(markup).toContain('#e2e8f0');
    // The title and legend the page draws in HTML come along.
    expect(markup).toContain('Cost on all data after each epoch');
    expect(markup).toMatch(/>SGD</);
    // It parses as XML with an <svg> root in the SVG namespace.
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.documentElement.localName).toBe('svg');
    expect(parsed.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(parsed.documentElement.getAttribute('height')).toBe('154');
    expect(screen.getByRole('status')).toHaveTextContent('Saved downhill-loss.svg.');
  });

  it('says so when there is no chart to export', async () => {
    const { saved } = captureDownloads();
    const { user } = renderMenu({ withChart: false });
    await user.click(screen.getByRole('button', { name: 'Chart as PNG' }));
    await user.click(screen.getByRole('button', { name: 'Chart as SVG' }));
    expect(saved).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent('The chart is not drawn yet');
  });

  it('speaks Chinese', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    renderMenu();
    expect(screen.getByRole('group', { name: '导出' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '图表存为 PNG' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'GD 训练记录(CSV)' })).toBeInTheDocument();
  });
});

describe('chartSvg', () => {
  it('keeps the chart on screen untouched', () => {
    renderMenu();
    const section = document.querySelector<HTMLElement>('.loss-panel')!;
    const before = section.innerHTML;
    const svg = chartSvg(section, { title: 'T', legend: [] })!;
    expect(svg.width).toBe(200);
    expect(svg.height).toBe(154);
    expect(section.innerHTML).toBe(before);
  });
});

describe('resolveCssVars', () => {
  const vars: Record<string, string> = { '--gd': '#60a5fa', '--text': ' #e5e7eb ', '--alias': 'var(--gd)' };
  const lookup = (name: string) => vars[name] ?? '';

  it.each([
    ['var(--gd, #2563eb)', '#60a5fa'],
    ['var(--sgd, #ea580c)', '#ea580c'],
    ['var(--chart-curve, var(--text, #0f172a))', '#e5e7eb'],
    ['var(--missing, var(--also-missing, rgb(1, 2, 3)))', 'rgb(1, 2, 3)'],
    ['var(--alias)', '#60a5fa'],
    ['1px solid var(--gd)', '1px solid #60a5fa'],
    ['#000', '#000'],
  ])('%s → %s', (value, expected) => {
    expect(resolveCssVars(value, lookup)).toBe(expected);
  });
});
