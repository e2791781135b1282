import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlightPython, PythonCode } from '../../../src/components/python/PythonCode';
import { PythonDownloads } from '../../../src/components/python/PythonDownloads';
import {
  lectureConfig,
  optimizerScript,
  optimizerTorchScript,
  OVERFLOW_ERROR_LINE,
  pythonScript,
  scriptTranscript,
} from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import {
  createPlaygroundStore,
  type LectureRunId,
  type PlaygroundSettings,
  type PlaygroundStore,
  type RunId,
} from '../../../src/store/playground';
import { scriptConfigOf } from '../../../src/store/scripts';
import { lectureOutput } from '../../core/helpers/fixtures';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

function renderCode(id: LectureRunId, store: PlaygroundStore = createPlaygroundStore()) {
  const view = render(
    <PlaygroundProvider store={store}>
      <PythonCode id={id} />
    </PlaygroundProvider>,
  );
  const file = id === 'gd' ? 'gradient_descent.py' : 'stochastic_gradient_descent.py';
  const code = screen.getByRole('region', { name: `${file} with the current settings` });
  return { store, code, ...view };
}

describe('PythonCode: the lecture’s script with the settings filled in', () => {
  it('shows gradient_descent.py exactly as generated, with the lecture’s numbers', () => {
    const { code } = renderCode('gd');
    // Line numbers are generated content, so the text is the script itself, ready to select and copy.
    expect(code.textContent).toBe(pythonScript(lectureConfig('gd')));
    for (const line of [
      'x_data = [1.0, 2.0, 3.0]',
      'y_data = [2.0, 4.0, 6.0]',
      'w = 1.0',
      "print('predict (before training)', 4, forward(4))",
      'for epoch in range(100):',
      '    w-= 0.01 * grad_val # 0.01 learning rate',
      "    plt.ylabel('cost')",
    ]) {
      expect(code.textContent).toContain(`${line}\n`);
    }
    expect(screen.getByText('gradient_descent.py')).toBeInTheDocument();
  });

  it('follows the settings as they change', () => {
    const { store, code } = renderCode('sgd');
    act(() => {
      store.getState().actions.updateSettings({
        xs: [0.5, -1, 2.25],
        ys: [1, -2.5, 4.5],
        w0: -2.5,
        lr: 0.05,
        epochs: 30,
        predictX: 2.5,
      });
    });
    const text = code.textContent ?? '';
    expect(text).toContain('x_data = [0.5, -1.0, 2.25]\ny_data = [1.0, -2.5, 4.5]\n');
    expect(text).toContain('\nw = -2.5\n');
    expect(text).toContain(
      '        w = w - 0.05*grad # update weight by every grad of sample of training set\n',
    );
    expect(text).toContain('for epoch in range(30):\n');
    expect(text).toContain("print('predict (after training)', 2.5, forward(2.5))\n");
    expect(text).toContain('        print("\\tgrad:", x, y,grad)\n');
  });

  it('highlights comments, strings, keywords, built-ins and numbers', () => {
    const { code } = renderCode('gd');
    const texts = (kind: string) => [...code.querySelectorAll(`.py-tok-${kind}`)].map((el) => el.textContent);
    expect(texts('comment')).toContain('# prepare the training set');
    expect(texts('keyword')).toEqual(expect.arrayContaining(['def', 'return', 'for', 'in', 'import', 'if']));
    expect(texts('builtin')).toEqual(expect.arrayContaining(['print', 'zip', 'len', 'range']));
    expect(texts('string')).toContain("'predict (before training)'");
    expect(texts('number')).toEqual(expect.arrayContaining(['1.0', '0.01', '100', '4']));
  });

  it('keeps a # inside a string out of the comment, and digits inside names plain', () => {
    const { container } = render(<pre>{highlightPython("x2 = 'a # b' + 1e-05 # note")}</pre>);
    const spans = [...container.querySelectorAll('span')].map((el) => [el.className, el.textContent]);
    expect(spans).toEqual([
      ['py-tok-string', "'a # b'"],
      ['py-tok-number', '1e-05'],
      ['py-tok-comment', '# note'],
    ]);
    expect(container.textContent).toBe("x2 = 'a # b' + 1e-05 # note");
  });

  it('copies the script with navigator.clipboard and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderCode('sgd');
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(pythonScript(lectureConfig('sgd')));
    expect(screen.getByRole('status')).toHaveTextContent('Copied stochastic_gradient_descent.py.');
  });

  it('speaks Chinese too', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    render(
      <PlaygroundProvider store={createPlaygroundStore()}>
        <PythonCode id="gd" />
        <PythonDownloads id="gd" />
      </PlaygroundProvider>,
    );
    expect(screen.getByRole('region', { name: 'gradient_descent.py(已填入当前设置)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '复制代码' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载输出' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载代码' })).toBeInTheDocument();
  });
});

/**
 * The custom properties declared in the rules whose selector is exactly `selector` on a line of its
 * own: at the top level, or also inside an at-rule (indented) when `nested`.
 */
function declaredIn(css: string, selector: string, nested = false): Record<string, string> {
  const rules = new RegExp(
    `(^|\\n)${nested ? '\\s*' : ''}${selector.replace(/[.[\]()'*:]/g, '\\$&')}\\s*\\{([^}]*)\\}`,
    'g',
  );
  const found: Record<string, string> = {};
  for (const rule of css.matchAll(rules)) {
    for (const m of rule[2]!.matchAll(/(--[\w-]+):\s*([^;]+);/g)) found[m[1]!] = m[2]!.trim();
  }
  return found;
}

function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('PythonCode: token colours', () => {
  const read = (file: string) => readFileSync(path.resolve(process.cwd(), file), 'utf8');
  const page = read('src/styles.css');
  const python = read('src/components/python/python.css');
  const pageTheme = (...selectors: string[]) =>
    Object.assign({}, ...selectors.map((selector) => declaredIn(page, selector))) as Record<string, string>;
  const tokens = (...selectors: string[]) =>
    Object.assign({}, ...selectors.map((selector) => declaredIn(python, selector))) as Record<string, string>;
  const DARK = ":root[data-theme='dark'] .py-code";
  const PRESENTING = ':root.presenting .py-code';
  const PRESENTING_DARK = ":root.presenting[data-theme='dark'] .py-code";
  // The code sits on --surface-2; comments are --text-muted, the other tokens python.css's own.
  const cases = [
    ['light', pageTheme(':root', ":root[data-theme='light']"), tokens('.py-code'), 4.5],
    ['dark', pageTheme(':root', ":root[data-theme='dark']"), tokens('.py-code', DARK), 4.5],
    [
      'presenting, light',
      pageTheme(':root', ":root[data-theme='light']", ':root.presenting'),
      tokens('.py-code', PRESENTING),
      7,
    ],
    [
      'presenting, dark',
      pageTheme(
        ':root',
        ":root[data-theme='dark']",
        ':root.presenting',
        ":root.presenting[data-theme='dark']",
      ),
      tokens('.py-code', DARK, PRESENTING, PRESENTING_DARK),
      7,
    ],
  ] as const;

  it.each(cases)('reach their contrast on the code’s background: %s', (_theme, theme, colours, least) => {
    const background = theme['--surface-2']!;
    const shown = { ...colours, '--text-muted': theme['--text-muted']! };
    expect(Object.keys(shown).sort()).toEqual(
      ['--py-builtin', '--py-keyword', '--py-number', '--py-string', '--text-muted'].sort(),
    );
    for (const [name, colour] of Object.entries(shown)) {
      expect(colour, name).toMatch(/^#[\da-f]{6}$/i);
      expect(contrastRatio(colour, background), `${name} ${colour} on ${background}`).toBeGreaterThanOrEqual(
        least,
      );
    }
  });

  it('follow the theme chosen in the header, and the system’s dark before the page sets one', () => {
    expect(python).not.toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*\.py-tok/);
    const media = python.slice(python.indexOf('@media (prefers-color-scheme: dark)'));
    expect(declaredIn(media, ':root:not([data-theme]) .py-code', true)).toEqual(declaredIn(python, DARK));
  });

  it('colour each kind of token through its variable', () => {
    for (const kind of ['string', 'keyword', 'builtin', 'number']) {
      expect(python).toMatch(new RegExp(`\\.py-tok-${kind} \\{[^}]*color: var\\(--py-${kind}\\)`));
    }
  });
});

describe('PythonDownloads: the printout and the script as files', () => {
  interface Saved {
    readonly name: string;
    readonly blob: Blob;
  }
  let saved: Saved[];
  let blobs: Map<string, Blob>;

  beforeEach(() => {
    saved = [];
    blobs = new Map();
    // jsdom has no Blob URLs and cannot follow a download link: record what the link would save.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.getAttribute('href') ?? '');
      if (blob) saved.push({ name: this.download, blob });
    });
  });

  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  function renderDownloads(id: LectureRunId, store: PlaygroundStore = createPlaygroundStore()) {
    const user = userEvent.setup();
    render(
      <PlaygroundProvider store={store}>
        <PythonDownloads id={id} />
      </PlaygroundProvider>,
    );
    const name = id === 'gd' ? 'GD as Python: downloads' : 'SGD as Python: downloads';
    return { store, user, group: screen.getByRole('group', { name }) };
  }

  it('Download output saves the finished GD printout as the lecture’s transcript', async () => {
    const { store, user, group } = renderDownloads('gd');
    act(() => store.getState().actions.runToEnd());
    await user.click(within(group).getByRole('button', { name: 'Download output' }));
    // The code that writes the file comes with the Python views, loaded on first use.
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('downhill-gd-output.txt');
    expect(saved[0]!.blob.type).toBe('text/plain;charset=utf-8');
    expect(await saved[0]!.blob.text()).toBe(lectureOutput('gradient_descent'));
    expect(within(group).getByRole('status')).toHaveTextContent('Saved downhill-gd-output.txt.');
  });

  it('Download output mid-run saves what has been printed so far, SGD’s pending grad lines included', async () => {
    const { store, user, group } = renderDownloads('sgd');
    act(() => {
      store.getState().actions.step();
      store.getState().actions.stepSample();
    });
    await user.click(within(group).getByRole('button', { name: 'Download output' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('downhill-sgd-output.txt');
    expect(await saved[0]!.blob.text()).toBe(
      lectureOutput('stochastic_gradient_descent').split('\n').slice(0, 6).join('\n') + '\n',
    );
  });

  it.each(['gd', 'sgd'] as const)(
    'Download output of a %s run that overflowed ends where Python’s does, with its OverflowError',
    async (id) => {
      const store = createPlaygroundStore();
      expect(store.getState().actions.updateSettings({ lr: 1, epochs: 300 })).toBe(true);
      const { user, group } = renderDownloads(id, store);
      act(() => store.getState().actions.runToEnd());
      expect(store.getState().runs[id].status).toBe('diverged');
      await user.click(within(group).getByRole('button', { name: 'Download output' }));
      await waitFor(() => expect(saved).toHaveLength(1));
      expect(saved[0]!.name).toBe(`downhill-${id}-output.txt`);
      const text = await saved[0]!.blob.text();
      // What python3 transcript.py writes for these settings (tests/core/overflow.test.ts holds the two
      // equal): its stdout, then the last line of the traceback.
      expect(text).toBe(`${scriptTranscript({ ...lectureConfig(id), lr: 1, epochs: 300 })}\n`);
      const lines = text.split('\n');
      expect(lines.at(-1)).toBe('');
      expect(lines.at(-2)).toBe(OVERFLOW_ERROR_LINE);
      expect(lines.at(-3)).toBe(
        id === 'gd'
          ? 'epoch: 166 w= 5.980423096161505e+153 loss= 2.4034389394916522e+306'
          : '\tgrad: 2.0 4.0 3.1157681247618875e+154',
      );
    },
  );

  it('Download code saves the script under the lecture’s file name, from the keyboard too', async () => {
    const { store, user, group } = renderDownloads('sgd');
    act(() => {
      store.getState().actions.updateSettings({ lr: 0.02, epochs: 7 });
    });
    await user.tab();
    await user.tab();
    expect(within(group).getByRole('button', { name: 'Download code' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('stochastic_gradient_descent.py');
    expect(saved[0]!.blob.type).toBe('text/x-python;charset=utf-8');
    const text = await saved[0]!.blob.text();
    expect(text).toBe(pythonScript({ ...lectureConfig('sgd'), lr: 0.02, epochs: 7 }));
    expect(text).toContain('w = 1.0\n');
    expect(text).toContain('for epoch in range(7):\n');
  });

  it('Download code for GD is gradient_descent.py', async () => {
    const { user, group } = renderDownloads('gd');
    await user.click(within(group).getByRole('button', { name: 'Download code' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('gradient_descent.py');
    expect(await saved[0]!.blob.text()).toBe(pythonScript(lectureConfig('gd')));
    expect(document.querySelector('a')).toBeNull();
  });

  it('says so when the code that writes the file cannot be loaded (offline before it was cached)', async () => {
    vi.doMock('../../../src/components/python/PythonCode', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    try {
      const { user, group } = renderDownloads('gd');
      await user.click(within(group).getByRole('button', { name: 'Download code' }));
      expect(await within(group).findByText(/Could not load this part of Downhill/)).toBeInTheDocument();
      expect(saved).toHaveLength(0);
    } finally {
      vi.doUnmock('../../../src/components/python/PythonCode');
    }
  });
});

describe('PythonCode: every run’s script, in plain Python or PyTorch', () => {
  function renderRun(id: RunId, patch: Partial<PlaygroundSettings> = {}) {
    const store = createPlaygroundStore();
    expect(store.getState().actions.updateSettings({ third: id === 'gd' ? null : id, ...patch })).toBe(true);
    render(
      <PlaygroundProvider store={store}>
        <PythonCode id={id} />
      </PlaygroundProvider>,
    );
    return { store, config: () => scriptConfigOf(store.getState().settings, id) };
  }

  it('shows momentum.py with its hyperparameter, and momentum_torch.py one switch away', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { config } = renderRun('momentum', { hyper: { momentum: { momentum: 0.5 } } });
    const plain = screen.getByRole('region', { name: 'momentum.py with the current settings' });
    expect(plain.textContent).toBe(optimizerScript(config()).text);
    expect(plain.textContent).toContain('\nmomentum = 0.5\n');
    expect(plain.textContent).toContain('def momentum_step(');
    const flavour = screen.getByRole('radiogroup', { name: 'Script' });
    expect(within(flavour).getByRole('radio', { name: 'Python' })).toBeChecked();

    await user.click(within(flavour).getByRole('radio', { name: 'PyTorch' }));
    const torch = screen.getByRole('region', { name: 'momentum_torch.py with the current settings' });
    expect(torch.textContent).toBe(optimizerTorchScript(config()).text);
    expect(torch.textContent).toContain('torch.optim.SGD([w], lr=0.01, momentum=0.5)');
    expect(screen.getByText(/^The same run in PyTorch: autograd computes the gradient/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(optimizerTorchScript(config()).text);
    expect(screen.getByRole('status')).toHaveTextContent('Copied momentum_torch.py.');
  });

  it('GD keeps the lecture’s script, its PyTorch code being gradient_descent_torch.py', async () => {
    const user = userEvent.setup();
    renderRun('gd');
    expect(
      screen.getByRole('region', { name: 'gradient_descent.py with the current settings' }).textContent,
    ).toBe(pythonScript(lectureConfig('gd')));
    await user.click(screen.getByRole('radio', { name: 'PyTorch' }));
    const torch = screen.getByRole('region', { name: 'gradient_descent_torch.py with the current settings' });
    expect(torch.textContent).toContain('optimizer = torch.optim.SGD([w], lr=0.01)');
    // The highlighter knows the PyTorch script's words too.
    const keywords = [...torch.querySelectorAll('.py-tok-keyword')].map((el) => el.textContent);
    expect(keywords).toEqual(expect.arrayContaining(['True', 'import', 'else']));
  });

  it('under y = w·x + b, the script trains b (the lecture’s, which does not, is not shown)', () => {
    const { config } = renderRun('sgd', { model: 'wb', b0: 0.25 });
    const code = screen.getByRole('region', {
      name: 'stochastic_gradient_descent.py with the current settings',
    });
    expect(code.textContent).toBe(optimizerScript(config()).text);
    expect(code.textContent).toContain('\nb = 0.25\n');
    expect(code.textContent).toContain('    return x*w + b\n');
  });
});
