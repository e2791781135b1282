/**
 * The code that reproduces a run: every generated plain-Python script, run by python3 (one process
 * for all of them), prints exactly what the app says it prints, byte for byte, for every optimizer,
 * both models, every batching and order, converging and diverging. The lecture's two keep the
 * lecture's own scripts and output (their Python runs are tests/core/pythonScript.test.ts's).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  DIVERGED_LINE,
  lectureScriptOf,
  optimizerOutputLines,
  optimizerOutputText,
  optimizerScript,
  optimizerScriptName,
  optimizerTorchScript,
  predictAfterLineOf,
  pythonScript,
  runOutputLength,
  runOutputLines,
  runOutputOf,
  runOutputText,
  scriptOutputOf,
  scriptSetup,
  scriptTranscript,
  startRun,
  type ScriptConfig,
} from '../../../src/core';
import { memo, runPythonJson } from '../helpers/python';
import { ALL_NAMES, DEFAULT_HYPER, RULE_NAMES, scriptConfigs } from './helpers';

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

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Random settings: any optimizer, model and batching, data and learning rates that converge or not. */
const randomConfig: fc.Arbitrary<ScriptConfig> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    optimizer: fc.constantFrom(...ALL_NAMES),
    model: fc.constantFrom('w' as const, 'wb' as const),
    xs: fc.array(finite(-5, 5), { minLength: n, maxLength: n }),
    ys: fc.array(finite(-20, 20), { minLength: n, maxLength: n }),
    w0: finite(-3, 3),
    b0: finite(-3, 3),
    lr: fc.oneof(fc.double({ min: 1e-4, max: 0.5, noNaN: true }), fc.constantFrom(0.01, 2, 1e100)),
    epochs: fc.integer({ min: 0, max: 80 }),
    predictX: fc.oneof(fc.integer({ min: -9, max: 9 }), finite(-9, 9)),
    batching: fc.constantFrom('full' as const, 'sample' as const, 'batch' as const),
    batchSize: fc.integer({ min: 1, max: 7 }),
    shuffle: fc.boolean(),
    seed: fc.nat(),
    hyper: fc.record({
      momentum: fc.double({ min: 0, max: 0.99, noNaN: true }),
      beta1: fc.double({ min: 0, max: 0.99, noNaN: true }),
      beta2: fc.double({ min: 0, max: 0.9999, noNaN: true }),
      alpha: fc.double({ min: 0, max: 0.99, noNaN: true }),
      eps: fc.constantFrom(1e-8, 1e-10, 1e-3, 1),
    }),
  }),
);

const FIXED = scriptConfigs().filter((config) => lectureScriptOf(config) === null);
const RANDOM = fc
  .sample(randomConfig, { numRuns: 60, seed: 16 })
  .filter((config) => lectureScriptOf(config) === null);
const CONFIGS = [...FIXED, ...RANDOM];

const pythonOutputs = memo(() =>
  runPythonJson<string[]>(
    RUN_SCRIPTS,
    [],
    CONFIGS.map((config) => optimizerScript(config).text),
  ),
);

/** Fails with the config and the first line where the app's and Python's output part. */
function expectSameOutput(config: ScriptConfig, app: string, python: string): void {
  const a = app.split('\n');
  const p = python.split('\n');
  for (let i = 0; i < Math.max(a.length, p.length); i++) {
    if (a[i] !== p[i]) {
      throw new Error(
        `line ${i + 1} of ${p.length} differs\nconfig: ${JSON.stringify(config)}\n` +
          `python: ${JSON.stringify(p[i])}\napp:    ${JSON.stringify(a[i])}`,
      );
    }
  }
}

describe('the plain-Python script prints the app’s output, byte for byte', () => {
  it(`${FIXED.length} settings: every optimizer, model and batching, converging and diverging`, () => {
    const outputs = pythonOutputs();
    expect(outputs).toHaveLength(CONFIGS.length);
    FIXED.forEach((config, i) => expectSameOutput(config, optimizerOutputText(config), outputs[i]!));
  });

  it(`${RANDOM.length} random settings`, () => {
    const outputs = pythonOutputs().slice(FIXED.length);
    RANDOM.forEach((config, i) => expectSameOutput(config, optimizerOutputText(config), outputs[i]!));
  });

  it('the settings cover what they should', () => {
    const diverged = FIXED.filter((config) => optimizerOutputLines(config).at(-1) === DIVERGED_LINE);
    for (const name of ALL_NAMES) {
      for (const model of ['w', 'wb']) {
        const mine = (c: ScriptConfig) => c.optimizer === name && c.model === model;
        expect(FIXED.filter(mine).length, `${name} ${model}`).toBeGreaterThanOrEqual(8);
        expect(diverged.filter(mine).length, `${name} ${model} diverging`).toBeGreaterThanOrEqual(4);
      }
    }
    // A halted run whose script carries on to the end: an adaptive method's state overflowed, w did not.
    const carried = FIXED.filter((config) => {
      const run = advance(startRun(scriptSetup(config)), config.epochs);
      return run.status === 'diverged' && optimizerOutputLines(config).at(-1)!.startsWith('predict (after');
    });
    expect(carried.some((config) => RULE_NAMES.includes(config.optimizer as never))).toBe(true);
  });
});

describe('the output', () => {
  const adam: ScriptConfig = {
    optimizer: 'adam',
    model: 'wb',
    xs: [1, 2, 3],
    ys: [2, 4, 6],
    w0: 1,
    b0: 0,
    lr: 0.1,
    epochs: 3,
    predictX: 4,
    batching: 'full',
    hyper: DEFAULT_HYPER.adam,
  };

  it('is one line per epoch in the lecture’s form, b after w under y = w·x + b', () => {
    expect(optimizerOutputLines(adam)).toEqual([
      'predict (before training) 4 4.0',
      'epoch: 0 w= 1.0999999998928571 b= 0.09999999975000001 loss= 4.666666666666667',
      'epoch: 1 w= 1.199305581496978 b= 0.19925155713057047 loss= 3.4300000017071426',
      'epoch: 2 w= 1.2972567843872749 b= 0.2970288606904056 loss= 2.3933966528311874',
      'predict (after training) 4 5.486055998239505',
    ]);
    expect(optimizerOutputLines({ ...adam, model: 'w' })[1]).toBe(
      'epoch: 0 w= 1.0999999998928571 loss= 4.666666666666667',
    );
  });

  it('is the lecture’s own for GD and for SGD in order under y = w·x, scripts included', () => {
    for (const optimizer of ['gd', 'sgd'] as const) {
      const config: ScriptConfig = { ...adam, optimizer, model: 'w', epochs: 100, lr: 0.01 };
      const batching = optimizer === 'gd' ? 'full' : 'sample';
      const lecture = { ...config, batching } as const;
      const transcript = {
        optimizer,
        xs: [1, 2, 3],
        ys: [2, 4, 6],
        w0: 1,
        lr: 0.01,
        epochs: 100,
        predictX: 4,
      };
      expect(lectureScriptOf(lecture)).toBe(optimizer);
      expect(optimizerOutputLines(lecture)).toEqual(scriptTranscript(transcript).split('\n'));
      expect(optimizerScript(lecture)).toEqual({
        file: optimizer === 'gd' ? 'gradient_descent.py' : 'stochastic_gradient_descent.py',
        text: pythonScript(transcript),
      });
      expect(optimizerOutputText({ ...transcript, ...lecture, lr: 1, epochs: 300 })).toMatch(/OverflowError/);
    }
    expect(lectureScriptOf({ ...adam, optimizer: 'gd', model: 'wb' })).toBeNull();
    expect(
      lectureScriptOf({ ...adam, optimizer: 'sgd', model: 'w', batching: 'sample', shuffle: true }),
    ).toBeNull();
  });

  it('follows a run as it goes, and a halted run as far as its script goes', () => {
    const setup = scriptSetup({ ...adam, optimizer: 'momentum', hyper: {}, lr: 3, epochs: 400 });
    let run = startRun(setup);
    const view = (finished: boolean) => runOutputOf({ run, predictX: 4, pending: [], finished }, 400);
    expect(runOutputLines(view(false), 0, 9)).toEqual(['predict (before training) 4 4.0']);
    run = advance(run, 2);
    expect(runOutputLength(view(false))).toBe(3);
    expect(runOutputLines(view(false), 1, 3)).toEqual(
      optimizerOutputLines({ ...adam, optimizer: 'momentum', hyper: {}, lr: 3 }).slice(1, 3),
    );
    expect(runOutputLines(view(true), 3, 4)).toEqual([predictAfterLineOf(run, 4)]);
    run = advance(run, 400);
    expect(run.status).toBe('diverged');
    const halted = view(false);
    const text = runOutputText(halted);
    expect(text).toBe(optimizerOutputText({ ...adam, optimizer: 'momentum', hyper: {}, lr: 3, epochs: 400 }));
    expect(text.endsWith(`${DIVERGED_LINE}\n`)).toBe(true);
    expect(runOutputLength(halted)).toBeGreaterThan(run.epoch + 2);
    expect(runOutputOf({ run, predictX: 4, pending: [], finished: false }, 400)).toBe(halted);
    const lecture = startRun(scriptSetup({ ...adam, optimizer: 'gd', model: 'w' }));
    const progress = { run: lecture, predictX: 4, pending: [], finished: false };
    expect(runOutputOf(progress, 3)).toEqual({ form: 'lecture', output: scriptOutputOf(progress, 3) });
  });

  it('names the files by optimizer', () => {
    const names = RULE_NAMES.map((optimizer) => optimizerScriptName({ ...adam, optimizer }));
    expect(names).toEqual(['momentum.py', 'nesterov.py', 'rmsprop.py', 'adagrad.py', 'adam.py']);
    expect(optimizerScriptName({ ...adam, optimizer: 'minibatch', batching: 'batch' })).toBe(
      'minibatch_gradient_descent.py',
    );
    expect(optimizerTorchScript(adam).file).toBe('adam_torch.py');
    expect(optimizerTorchScript({ ...adam, optimizer: 'gd', model: 'w' }).file).toBe(
      'gradient_descent_torch.py',
    );
  });

  it('writes the PyTorch script with float64 tensors, autograd and torch.optim', () => {
    const text = optimizerTorchScript(adam).text;
    expect(text).toContain('w = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)');
    expect(text).toContain('b = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)');
    expect(text).toContain('optimizer = torch.optim.Adam([w, b], lr=0.1, betas=(0.9, 0.999), eps=1e-08)');
    expect(text).toContain('.backward()');
    const expected: Record<string, string> = {
      momentum: 'torch.optim.SGD([w], lr=0.1, momentum=0.9)',
      nesterov: 'torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True)',
      rmsprop: 'torch.optim.RMSprop([w], lr=0.1, alpha=0.99, eps=1e-08)',
      adagrad: 'torch.optim.Adagrad([w], lr=0.1, eps=1e-10)',
      gd: 'torch.optim.SGD([w], lr=0.1)',
    };
    for (const [optimizer, call] of Object.entries(expected)) {
      expect(optimizerTorchScript({ ...adam, model: 'w', optimizer, hyper: {} }).text).toContain(call);
    }
    expect(optimizerTorchScript({ ...adam, model: 'w', optimizer: 'gd' }).text).toContain(
      'w.data = w.data - 0.1 * w.grad.data',
    );
  });
});
