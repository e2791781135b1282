/**
 * Every run's three downloads: "Download output", "Download code" and "Download PyTorch code", made
 * from the store's settings through scriptConfigOf. What the buttons save is checked against the core
 * (optimizerOutputText and friends of a config written out here by hand), against the store's own runs
 * (the last printed w is the run's w), and by python3, which runs every downloaded plain script and
 * must print the downloaded output byte for byte.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PythonDownloads } from '../../../src/components/python/PythonDownloads';
import {
  lectureConfig,
  OPTIMIZER_IDS,
  optimizerEntry,
  optimizerOutputText,
  optimizerScript,
  optimizerTorchScript,
  pyFloat,
  pythonScript,
  type OptimizerId,
  type ScriptConfig,
} from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import {
  createPlaygroundStore,
  type PlaygroundSettings,
  type PlaygroundStore,
} from '../../../src/store/playground';
import { scriptConfigOf, selectScriptConfig } from '../../../src/store/scripts';
import { lectureOutput } from '../../core/helpers/fixtures';
import { runPythonJson } from '../../core/helpers/python';

interface Saved {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

let saved: Saved[];

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  saved = [];
  const blobs = new Map<string, Blob>();
  // jsdom has no Blob URLs and cannot follow a download link: record what the link would save.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob) void blob.text().then((text) => saved.push({ name: this.download, type: blob.type, text }));
  });
});

afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
  vi.restoreAllMocks();
});

/** A store with run `id` on screen (GD and SGD always are; any other as the third run) under `patch`. */
function storeWith(id: OptimizerId, patch: Partial<PlaygroundSettings> = {}): PlaygroundStore {
  const store = createPlaygroundStore();
  const third = optimizerEntry(id).lectureScript ? {} : { third: id };
  expect(store.getState().actions.updateSettings({ ...third, ...patch })).toBe(true);
  expect(store.getState().runs[id]).toBeDefined();
  return store;
}

const BUTTONS = ['Download output', 'Download code', 'Download PyTorch code'] as const;

/** Runs `id` to the end, clicks its three downloads and returns what they saved, in that order. */
async function downloadAll(id: OptimizerId, store: PlaygroundStore): Promise<[Saved, Saved, Saved]> {
  const user = userEvent.setup();
  const view = render(
    <PlaygroundProvider store={store}>
      <PythonDownloads id={id} />
    </PlaygroundProvider>,
  );
  act(() => store.getState().actions.runToEnd());
  const group = screen.getByRole('group', { name: `${optimizerShort(id)} as Python: downloads` });
  const before = saved.length;
  for (const [i, name] of BUTTONS.entries()) {
    await user.click(within(group).getByRole('button', { name }));
    // The code that writes the files comes with the Python views, loaded on first use.
    await waitFor(() => expect(saved).toHaveLength(before + i + 1));
  }
  view.unmount();
  return saved.slice(before) as [Saved, Saved, Saved];
}

const SHORT: Readonly<Record<OptimizerId, string>> = {
  gd: 'GD',
  sgd: 'SGD',
  minibatch: 'Mini-batch',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  rmsprop: 'RMSprop',
  adagrad: 'AdaGrad',
  adam: 'Adam',
};
const optimizerShort = (id: OptimizerId): string => SHORT[id];

/** The `w=` of the last epoch (or SGD's `progress:`) line of a printout. */
function lastPrintedW(output: string): string | undefined {
  const lines = output.trimEnd().split('\n');
  const last = lines.findLast((line) => /^(epoch|progress): /.test(line));
  return last === undefined ? undefined : /\bw= (\S+)/.exec(last)?.[1];
}

describe('Adam’s three downloads', () => {
  const patch = {
    lr: 0.05,
    epochs: 40,
    hyper: { adam: { beta1: 0.8, beta2: 0.99 } },
  } satisfies Partial<PlaygroundSettings>;
  // The config the settings stand for, written out by hand: what scriptConfigOf must give the core.
  const config: ScriptConfig = {
    optimizer: 'adam',
    model: 'w',
    xs: [1, 2, 3],
    ys: [2, 4, 6],
    w0: 1,
    b0: 0,
    lr: 0.05,
    epochs: 40,
    predictX: 4,
    batching: 'full',
    hyper: { beta1: 0.8, beta2: 0.99 },
  };

  it('save adam’s output, adam.py and adam_torch.py, each what the core makes of the settings', async () => {
    const store = storeWith('adam', patch);
    const [output, code, torch] = await downloadAll('adam', store);

    expect(output.name).toBe('downhill-adam-output.txt');
    expect(output.type).toBe('text/plain;charset=utf-8');
    expect(output.text).toBe(optimizerOutputText(config));
    expect(output.text.split('\n')[0]).toBe('predict (before training) 4 4.0');
    expect(output.text).toMatch(/\nepoch: 39 w= \S+ loss= \S+\npredict \(after training\) 4 \S+\n$/);
    expect(lastPrintedW(output.text)).toBe(pyFloat(store.getState().runs.adam!.params.w));

    expect(code.name).toBe('adam.py');
    expect(code.type).toBe('text/x-python;charset=utf-8');
    expect(code.text).toBe(optimizerScript(config).text);
    expect(code.text).toContain('\nbeta1 = 0.8\nbeta2 = 0.99\neps = 1e-08\n');
    expect(code.text).toContain('def adam_step(p, grad, m, v):\n');
    expect(code.text).toContain('for epoch in range(40):\n');

    expect(torch.name).toBe('adam_torch.py');
    expect(torch.text).toBe(optimizerTorchScript(config).text);
    expect(torch.text).toContain('torch.optim.Adam([w], lr=0.05, betas=(0.8, 0.99), eps=1e-08)');
    expect(torch.text).toContain('dtype=torch.float64, requires_grad=True)');
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('follow the model: under y = w·x + b the scripts train b too, and print it', async () => {
    const store = storeWith('adam', { ...patch, model: 'wb', b0: -0.5 });
    const [output, code, torch] = await downloadAll('adam', store);
    expect(output.text).toBe(optimizerOutputText({ ...config, model: 'wb', b0: -0.5 }));
    expect(output.text).toMatch(/\nepoch: 0 w= \S+ b= \S+ loss= \S+\n/);
    expect(code.text).toContain('\nb = -0.5\n');
    expect(code.text).toContain('    return x*w + b\n');
    expect(torch.text).toContain('torch.optim.Adam([w, b], lr=0.05');
  });
});

describe('GD’s three downloads', () => {
  it('at the lecture’s settings: the lecture’s own output and script, and torch.optim.SGD', async () => {
    const store = createPlaygroundStore();
    const [output, code, torch] = await downloadAll('gd', store);
    expect(output.name).toBe('downhill-gd-output.txt');
    expect(output.text).toBe(lectureOutput('gradient_descent'));
    const config = scriptConfigOf(store.getState().settings, 'gd');
    expect(output.text).toBe(optimizerOutputText(config));

    expect(code.name).toBe('gradient_descent.py');
    expect(code.text).toBe(pythonScript(lectureConfig('gd')));

    expect(torch.name).toBe('gradient_descent_torch.py');
    expect(torch.type).toBe('text/x-python;charset=utf-8');
    expect(torch.text).toContain('torch.optim.SGD([w], lr=0.01)');
    expect(torch.text).not.toContain('momentum=');
    expect(torch.text).toContain('w = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)\n');
    expect(torch.text).toContain('for epoch in range(100):\n');
  });

  it('SGD’s PyTorch code is stochastic_gradient_descent_torch.py, one update per sample', async () => {
    const [output, code, torch] = await downloadAll('sgd', createPlaygroundStore());
    expect(output.text).toBe(lectureOutput('stochastic_gradient_descent'));
    expect(code.name).toBe('stochastic_gradient_descent.py');
    expect(torch.name).toBe('stochastic_gradient_descent_torch.py');
    expect(torch.text).toContain('torch.optim.SGD([w], lr=0.01)');
  });
});

describe('scriptConfigOf: the store’s settings as the core’s script config', () => {
  it('names the optimizer by its registry id and takes batching and rule from its entry', () => {
    const settings = storeWith('minibatch', {
      shuffle: true,
      seed: 5,
      batchSize: 2,
      hyper: { rmsprop: { alpha: 0.9 } },
    }).getState().settings;
    for (const id of OPTIMIZER_IDS) {
      const config = scriptConfigOf(settings, id);
      const entry = optimizerEntry(id);
      expect(config.optimizer).toBe(id);
      expect(config.batching).toBe(entry.batching);
      expect(config.rule?.rule).toBe(entry.rule);
      expect(config.rule?.python).toBe(entry.python);
      // The order is the run's only when it visits the samples in parts.
      expect(config.shuffle).toBe(entry.batching === 'full' ? undefined : true);
    }
    expect(scriptConfigOf(settings, 'minibatch').batchSize).toBe(2);
    expect(scriptConfigOf(settings, 'rmsprop').hyper).toEqual({ alpha: 0.9 });
    expect(scriptConfigOf(settings, 'adam').hyper).toBeUndefined();
  });

  it('its selector gives the same object until the settings change', () => {
    const store = createPlaygroundStore();
    const select = selectScriptConfig('adam');
    const first = select(store.getState());
    act(() => store.getState().actions.step());
    expect(select(store.getState())).toBe(first);
    act(() => void store.getState().actions.updateSettings({ lr: 0.02 }));
    expect(select(store.getState())).not.toBe(first);
    expect(select(store.getState()).lr).toBe(0.02);
  });
});

// Runs each script (JSON list on stdin) as __main__ with its stdout captured, without matplotlib (the
// plot is optional; its hint goes to stderr). Prints the list of stdouts as JSON.
const RUN_SCRIPTS = `
import contextlib, io, json, sys
sys.modules['matplotlib'] = None
sys.modules['matplotlib.pyplot'] = None
outputs = []
for text in json.load(sys.stdin):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        exec(compile(text, 'script.py', 'exec'), {'__name__': '__main__'})
    outputs.append(out.getvalue())
sys.stdout.write(json.dumps(outputs))
`;

/** Settings each run is downloaded under: the lecture's, another model, order and hyperparameters, divergence. */
const SETUPS: readonly { readonly name: string; readonly patch: Partial<PlaygroundSettings> }[] = [
  { name: 'the lecture’s settings, 30 epochs', patch: { epochs: 30 } },
  {
    name: 'y = w·x + b, shuffled, other data and hyperparameters',
    patch: {
      model: 'wb',
      b0: 0.5,
      xs: [0.5, -1, 2.25, 3],
      ys: [1, -2.5, 4.5, 5],
      w0: -1.5,
      lr: 0.05,
      epochs: 25,
      predictX: 2.5,
      batchSize: 3,
      shuffle: true,
      seed: 7,
      hyper: {
        momentum: { momentum: 0.5 },
        nesterov: { momentum: 0.7 },
        rmsprop: { alpha: 0.9, eps: 1e-6 },
        adagrad: { eps: 1e-6 },
        adam: { beta1: 0.8, beta2: 0.99, eps: 1e-6 },
      },
    },
  },
  { name: 'a learning rate that diverges', patch: { model: 'wb', lr: 40, epochs: 60 } },
];

describe('every run’s downloads agree with the store and with python3', () => {
  it(
    'the output is the core’s for the run’s config and ends at the run’s w; python3 prints it from the code',
    { timeout: 120_000 },
    async () => {
      const cases: { label: string; output: string; code: string }[] = [];
      for (const { name, patch } of SETUPS) {
        for (const id of OPTIMIZER_IDS) {
          const store = storeWith(id, patch);
          const [output, code, torch] = await downloadAll(id, store);
          const label = `${id}, ${name}`;
          const { settings, runs } = store.getState();
          const run = runs[id]!;
          expect(output.name, label).toBe(`downhill-${id}-output.txt`);
          expect(output.text, label).toBe(optimizerOutputText(scriptConfigOf(settings, id)));
          if (run.status !== 'diverged') {
            expect(lastPrintedW(output.text), label).toBe(pyFloat(run.params.w));
            expect(output.text, label).toMatch(/\npredict \(after training\) \S+ \S+\n$/);
          }
          expect(torch.name, label).toBe(code.name.replace(/\.py$/, '_torch.py'));
          expect(torch.text, label).toContain('torch.optim.');
          const python = optimizerEntry(id).python;
          if (python) expect(code.text, label).toContain(`def ${python.stepFunction}(`);
          cases.push({ label, output: output.text, code: code.text });
        }
      }
      // Some runs of the last setup diverge, and their scripts say where they stopped.
      expect(cases.some(({ output }) => output.includes('diverged: stopped at the first inf or nan'))).toBe(
        true,
      );
      const printed = runPythonJson<string[]>(
        RUN_SCRIPTS,
        [],
        cases.map(({ code }) => code),
      );
      cases.forEach(({ label, output }, i) => expect(printed[i], label).toBe(output));
    },
  );
});
