/**
 * The generated Python scripts, run by python3 itself: what they print must be pythonTranscript line for
 * line. The script squares with the lecture's `**2` (glibc's pow(), now and then one ULP off d·d), the
 * core with d·d, so each script runs twice: as written, where only a printed loss may differ by those
 * ULPs, and with its square written as d*d, where every line must be identical.
 * Also the transcript-so-far helpers the "Python output" view draws from.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  advance,
  epochLines,
  epochUpdates,
  lectureConfig,
  linesPerEpoch,
  MATPLOTLIB_HINT,
  pyFloatLiteral,
  pythonScript,
  pythonScriptName,
  pythonTranscript,
  runTranscriptLines,
  startRun,
  transcriptLength,
  transcriptLines,
  transcriptSetup,
  transcriptText,
  type TranscriptConfig,
  type TranscriptProgress,
} from '../../src/core';
import { lectureOutput } from './helpers/fixtures';
import { memo, pythonExecutable, readReference, runPythonJson } from './helpers/python';
import { ulpsApart } from './helpers/reference';

const SEED = 20_260_303;
const RANDOM_SCRIPTS = 30;

const uniform = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((k) => min + ((max - min) * k) / (2 ** 31 - 1));
const decimal = fc
  .tuple(fc.integer({ min: -9_999, max: 9_999 }), fc.integer({ min: 1, max: 4 }))
  .map(([m, k]) => m / 10 ** k);
const value = fc.oneof(fc.integer({ min: -10, max: 10 }), decimal, uniform(-10, 10));

const randomConfig: fc.Arbitrary<TranscriptConfig> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    optimizer: fc.constantFrom<'gd' | 'sgd'>('gd', 'sgd'),
    xs: fc.array(value, { minLength: n, maxLength: n }),
    ys: fc.array(value, { minLength: n, maxLength: n }),
    w0: value,
    lr: fc.oneof(
      uniform(-4, -0.7).map((u) => 10 ** u),
      fc.constantFrom(0.01, 0.001, 0.05, 1e-5),
    ),
    epochs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 })),
    predictX: fc.oneof(fc.integer({ min: -10, max: 10 }), decimal, uniform(-10, 10)),
  }),
);

/**
 * Seeded random settings whose run stays finite: `**` raises OverflowError where d·d gives inf, so an
 * overflowing run is a different (tested below) story.
 */
const RANDOM_CONFIGS: TranscriptConfig[] = fc
  .sample(randomConfig, { seed: SEED, numRuns: 200 })
  .filter((config) => !/\b(inf|nan)\b/.test(pythonTranscript(config)))
  .slice(0, RANDOM_SCRIPTS);

const LECTURE_GD = lectureConfig('gd');
const LECTURE_SGD = lectureConfig('sgd');
/** The lecture diverging (lr = 1): the cost's square overflows in epoch 167. */
const OVERFLOW_GD: TranscriptConfig = { ...LECTURE_GD, lr: 1, epochs: 300 };
const OVERFLOW_SGD: TranscriptConfig = { ...LECTURE_SGD, lr: 1, epochs: 300 };
const CONFIGS = [LECTURE_GD, LECTURE_SGD, ...RANDOM_CONFIGS, OVERFLOW_GD, OVERFLOW_SGD];

interface ScriptResult {
  readonly stdout: string;
  readonly stderr: string;
  /** The name of the exception the script raised, or null. */
  readonly error: string | null;
}

// Runs each script as __main__ in a fresh namespace, capturing stdout and stderr; stdin holds the list.
const SCRIPT_DRIVER = `
import contextlib, io, json, sys
results = []
for source in json.load(sys.stdin):
    out, err = io.StringIO(), io.StringIO()
    error = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            exec(compile(source, 'script.py', 'exec'), {'__name__': '__main__'})
        except Exception as e:
            error = type(e).__name__
    results.append({'stdout': out.getvalue(), 'stderr': err.getvalue(), 'error': error})
sys.stdout.write(json.dumps(results))
`;

const POW_SQUARE = '(y_pred - y)**2';

/** The script with its `**2` written as d*d: the correctly rounded square, as the core computes it. */
function withExactSquare(script: string): string {
  if (script.split(POW_SQUARE).length !== 2) throw new Error(`Expected one ${POW_SQUARE} in the script.`);
  return script.replace(POW_SQUARE, '(y_pred - y)*(y_pred - y)');
}

const results = memo(() => {
  const scripts = CONFIGS.map(pythonScript);
  const sources = [...scripts, ...scripts.map(withExactSquare)];
  const out = runPythonJson<ScriptResult[]>(SCRIPT_DRIVER, [], sources);
  if (!Array.isArray(out) || out.length !== sources.length) {
    throw new Error(
      `Expected ${sources.length} results from Python, got ${JSON.stringify(out).slice(0, 200)}`,
    );
  }
  return out;
});
/** What the script printed as written (`**2`). */
const resultOf = (config: TranscriptConfig): ScriptResult => results()[CONFIGS.indexOf(config)]!;
/** What the script printed with its square written d*d. */
const exactResultOf = (config: TranscriptConfig): ScriptResult =>
  results()[CONFIGS.length + CONFIGS.indexOf(config)]!;

const LOSS_LINE = /^(.* loss= )(\S+)$/;

/**
 * How many ULPs a printed loss may be off when the script squares with `**2`: SGD prints one sample's
 * square (pow() is at most 1 ULP off); GD the mean of n squares, where each square's ULP and each
 * rounding of the running sum can move the result by up to one ULP of it: ≤ 2n.
 */
const powTolerance = (config: TranscriptConfig): number =>
  config.optimizer === 'sgd' ? 1 : 2 * config.xs.length;

/** Whether Python's line equals the core's, or differs only in a printed loss at most `ulps` away. */
function sameLine(python: string, core: string, ulps: number): boolean {
  if (python === core) return true;
  const p = LOSS_LINE.exec(python);
  const c = LOSS_LINE.exec(core);
  if (!p || !c || p[1] !== c[1]) return false;
  const a = Number(p[2]);
  const b = Number(c[2]);
  return Number.isFinite(a) && Number.isFinite(b) && ulpsApart(a, b) <= ulps;
}

/** Fails naming the config and the first line where Python and the core part (beyond `ulps` in a loss). */
function expectSameLines(
  config: TranscriptConfig,
  pythonLines: readonly string[],
  coreLines: readonly string[],
  ulps = powTolerance(config),
) {
  const length = Math.max(pythonLines.length, coreLines.length);
  for (let i = 0; i < length; i++) {
    const python = pythonLines[i];
    const core = coreLines[i];
    if (python === undefined || core === undefined || !sameLine(python, core, ulps)) {
      throw new Error(
        `The script's output differs from pythonTranscript at line ${i + 1}\n` +
          `config: ${JSON.stringify(config)}\n` +
          `python: ${JSON.stringify(python)}\ncore:   ${JSON.stringify(core)}`,
      );
    }
  }
}

const stdoutLines = (result: ScriptResult): string[] => result.stdout.replace(/\n$/, '').split('\n');

describe('pythonScript, run by python3, prints pythonTranscript', () => {
  it('has a varied set of seeded random settings', () => {
    expect(RANDOM_CONFIGS).toHaveLength(RANDOM_SCRIPTS);
    const count = (predicate: (c: TranscriptConfig) => boolean) => RANDOM_CONFIGS.filter(predicate).length;
    expect(count((c) => c.optimizer === 'gd')).toBeGreaterThan(5);
    expect(count((c) => c.optimizer === 'sgd')).toBeGreaterThan(5);
    expect(count((c) => c.epochs === 0)).toBeGreaterThan(0);
    expect(count((c) => c.xs.some((x) => x < 0) && c.ys.some((y) => y < 0))).toBeGreaterThan(5);
    expect(count((c) => c.xs.some((x) => !Number.isInteger(x)))).toBeGreaterThan(10);
    expect(count((c) => !Number.isInteger(c.w0))).toBeGreaterThan(5);
    expect(count((c) => Number.isInteger(c.predictX))).toBeGreaterThan(3);
    expect(count((c) => !Number.isInteger(c.predictX))).toBeGreaterThan(3);
    expect(new Set(RANDOM_CONFIGS.map((c) => c.lr)).size).toBeGreaterThan(10);
  });

  it.each(CONFIGS.slice(0, -2).map((config, i) => [i, config] as const))(
    'setting %i: stdout is the transcript, stderr the matplotlib hint',
    (_i, config) => {
      const result = resultOf(config);
      expect(result.error).toBeNull();
      expect(result.stdout.endsWith('\n')).toBe(true);
      expectSameLines(config, stdoutLines(result), pythonTranscript(config).split('\n'));
      expect(result.stderr).toBe(`${MATPLOTLIB_HINT}\n`);
    },
  );

  it.each(CONFIGS.slice(0, -2).map((config, i) => [i, config] as const))(
    'setting %i with its square written d*d: stdout is the transcript to the last digit',
    (_i, config) => {
      const result = exactResultOf(config);
      expect(result.error).toBeNull();
      expect(result.stdout).toBe(`${pythonTranscript(config)}\n`);
      expect(result.stderr).toBe(`${MATPLOTLIB_HINT}\n`);
    },
  );

  it('an overflowing GD run stops where `**` raises OverflowError, after the last finite epoch', () => {
    const result = resultOf(OVERFLOW_GD);
    const core = pythonTranscript(OVERFLOW_GD).split('\n');
    const firstInf = core.findIndex((line) => /\binf\b/.test(line));
    expect(core[firstInf]).toBe('epoch: 167 w= -4.983685913467921e+154 loss= inf');
    expect(result.error).toBe('OverflowError');
    expectSameLines(OVERFLOW_GD, stdoutLines(result), core.slice(0, firstInf));
  });

  it('an overflowing SGD run prints a prefix of the transcript, then raises OverflowError', () => {
    const result = resultOf(OVERFLOW_SGD);
    const python = stdoutLines(result);
    const core = pythonTranscript(OVERFLOW_SGD).split('\n');
    expect(result.error).toBe('OverflowError');
    expect(python.length).toBeGreaterThan(100);
    expect(python.length).toBeLessThan(core.length);
    expectSameLines(OVERFLOW_SGD, python, core.slice(0, python.length));
  });
});

describe('the lecture-default scripts as files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'downhill-script-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `python3 FILE` in its own process: exit status, stdout, stderr. */
  function runFile(config: TranscriptConfig) {
    const file = path.join(dir, pythonScriptName(config.optimizer));
    writeFileSync(file, pythonScript(config));
    const python = pythonExecutable();
    const run = spawnSync(python, [file], { encoding: 'utf8', timeout: 60_000 });
    if (run.error) {
      throw new Error(`Cannot run ${python} (${run.error.message}): these tests need Python 3.`);
    }
    return run;
  }

  it.each([
    ['gradient_descent', LECTURE_GD],
    ['stochastic_gradient_descent', LECTURE_SGD],
  ] as const)('python3 %s.py prints the reference transcript byte for byte', (name, config) => {
    const run = runFile(config);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readReference(`${name}.out.txt`));
    expect(run.stderr).toBe(`${MATPLOTLIB_HINT}\n`);
  });

  it.each([
    ['gradient_descent.py', LECTURE_GD],
    ['stochastic_gradient_descent.py', LECTURE_SGD],
  ] as const)('%s holds the lecture’s code line for line, in order', (name, config) => {
    expect(pythonScriptName(config.optimizer)).toBe(name);
    const generated = pythonScript(config).split('\n');
    let at = 0;
    for (const line of readReference(name)
      .split('\n')
      .filter((l) => l.trim() !== '')) {
      while (at < generated.length && !generated[at]!.startsWith(line)) at++;
      expect(at, `the lecture's line ${JSON.stringify(line)}`).toBeLessThan(generated.length);
      at++;
    }
  });

  it('draws the lecture’s plot when matplotlib is there', () => {
    const gd = pythonScript(LECTURE_GD);
    expect(gd).toContain('    import matplotlib.pyplot as plt\nexcept ImportError:');
    expect(gd).toContain(
      "    plt.plot(epoch_list,cost_list)\n    plt.ylabel('cost')\n    plt.xlabel('epoch')\n    plt.show()\n",
    );
    expect(pythonScript(LECTURE_SGD)).toContain(
      "    plt.plot(epoch_list,loss_list)\n    plt.ylabel('loss')\n",
    );
  });
});

describe('pythonScript fills in the settings as exact Python literals', () => {
  it('writes the lecture’s numbers as the lecture does', () => {
    const gd = pythonScript(LECTURE_GD);
    expect(gd).toContain('x_data = [1.0, 2.0, 3.0]\ny_data = [2.0, 4.0, 6.0]\n');
    expect(gd).toContain('\nw = 1.0\n');
    expect(gd).toContain("print('predict (before training)', 4, forward(4))\nfor epoch in range(100):\n");
    expect(gd).toContain('    w-= 0.01 * grad_val # 0.01 learning rate\n');
    expect(gd).toContain("print('predict (after training)', 4, forward(4))\n");
    const sgd = pythonScript(LECTURE_SGD);
    expect(sgd).toContain('        w = w - 0.01*grad # update weight');
    expect(sgd).toContain('        print("\\tgrad:", x, y,grad)\n');
  });

  it('writes other settings as literals for the same doubles', () => {
    const script = pythonScript({
      optimizer: 'sgd',
      xs: [-0.5, 1e-5, 2e16],
      ys: [-0, 0.1, -3],
      w0: -2,
      lr: 1e-4,
      epochs: 7,
      predictX: -2.5,
    });
    expect(script).toContain('x_data = [-0.5, 1e-05, 2e+16]\ny_data = [-0.0, 0.1, -3.0]\n');
    expect(script).toContain('\nw = -2.0\n');
    expect(script).toContain('        w = w - 0.0001*grad');
    expect(script).toContain(
      "print('predict (before training)', -2.5, forward(-2.5))\nfor epoch in range(7):",
    );
  });

  it('never crashes on numbers Python has no plain literal for', () => {
    expect(pyFloatLiteral(Infinity)).toBe("float('inf')");
    expect(pyFloatLiteral(-Infinity)).toBe("-float('inf')");
    expect(pyFloatLiteral(NaN)).toBe("float('nan')");
    const script = pythonScript({ ...LECTURE_GD, epochs: NaN, predictX: Infinity, w0: NaN });
    expect(script).toContain("\nw = float('nan')\n");
    expect(script).toContain("forward(float('inf')))\nfor epoch in range(0):");
    expect(pythonScript({ ...LECTURE_GD, epochs: 12.7 })).toContain('for epoch in range(12):');
  });
});

describe('the transcript so far, line by line', () => {
  const runOf = (config: TranscriptConfig, epochs: number) =>
    advance(startRun(transcriptSetup(config)), epochs);
  const progress = (config: TranscriptConfig, epochs: number, finished = false): TranscriptProgress => ({
    run: runOf(config, epochs),
    predictX: config.predictX,
    pending: [],
    finished,
  });

  it('a finished run is the whole transcript, ending in a newline like stdout', () => {
    for (const [config, name] of [
      [LECTURE_GD, 'gradient_descent'],
      [LECTURE_SGD, 'stochastic_gradient_descent'],
    ] as const) {
      const done = progress(config, 100, true);
      const fixture = lectureOutput(name);
      expect(transcriptText(done)).toBe(fixture);
      expect(transcriptLength(done)).toBe(config.optimizer === 'gd' ? 102 : 402);
    }
  });

  it('mid-run it is the lines printed so far, without the after-training line', () => {
    const gd = progress(LECTURE_GD, 3);
    expect(transcriptLength(gd)).toBe(4);
    expect(transcriptLines(gd, 0, 100)).toEqual([
      'predict (before training) 4 4.0',
      'epoch: 0 w= 1.0933333333333333 loss= 4.666666666666667',
      'epoch: 1 w= 1.1779555555555554 loss= 3.8362074074074086',
      'epoch: 2 w= 1.2546797037037036 loss= 3.1535329869958857',
    ]);
    expect(transcriptText(progress(LECTURE_GD, 0))).toBe('predict (before training) 4 4.0\n');
  });

  it('any window equals the same slice of the full transcript', () => {
    const config: TranscriptConfig = { ...LECTURE_SGD, xs: [1, -2.5, 3, 0.5], ys: [2, 1, -6, 4], lr: 0.02 };
    const full = runTranscriptLines(runOf(config, 60), config.predictX);
    const done = progress(config, 60, true);
    expect(linesPerEpoch(done.run)).toBe(5);
    expect(transcriptLength(done)).toBe(full.length);
    for (const [start, end] of [
      [0, 7],
      [3, 4],
      [11, 29],
      [290, 302],
      [296, 400],
      [-5, 2],
    ] as const) {
      expect(transcriptLines(done, start, end)).toEqual(full.slice(Math.max(0, start), end));
    }
    expect(transcriptLines(done, 50, 50)).toEqual([]);
  });

  it('SGD mid-epoch shows the grad lines of the updates taken so far', () => {
    const run = runOf(LECTURE_SGD, 1);
    const updates = epochUpdates(run, 1);
    const mid: TranscriptProgress = { run, predictX: 4, pending: updates.slice(0, 2), finished: false };
    const next = epochLines(runOf(LECTURE_SGD, 2), 1);
    expect(transcriptLength(mid)).toBe(1 + 4 + 2);
    expect(transcriptLines(mid, 5, 7)).toEqual(next.slice(0, 2));
    expect(transcriptLines(mid, 1, 2)).toEqual(['\tgrad: 1.0 2.0 -2.0']);
    expect(transcriptLines(mid, 4, 5)).toEqual(['progress: 0 w= 1.260688 loss= 4.919240100095999']);
  });

  it('GD ignores pending updates (it has none inside an epoch)', () => {
    const run = runOf(LECTURE_GD, 1);
    const gd: TranscriptProgress = { run, predictX: 4, pending: epochUpdates(run, 1), finished: false };
    expect(transcriptLength(gd)).toBe(2);
  });
});
