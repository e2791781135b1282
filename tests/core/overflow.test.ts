/**
 * Where the lecture's scripts stop once a run overflows: `**2` raises OverflowError, every other float
 * operation gives inf or nan silently. scriptTranscript and scriptOutputOf against transcript.py in its
 * default mode (the lecture's `**2`), byte for byte, and in 'checked' mode (raises where `**2` raises,
 * prints d*d's digits) over settings that overflow in every way we know of.
 */
import { describe, expect, it } from 'vitest';
import {
  advance,
  epochUpdates,
  firstOverflow,
  lectureConfig,
  OVERFLOW_ERROR_LINE,
  pythonTranscript,
  scriptOutputLength,
  scriptOutputLines,
  scriptOutputOf,
  scriptOutputText,
  scriptTranscript,
  squareOverflows,
  startRun,
  traceColumn,
  transcriptSetup,
  type RunState,
  type TranscriptConfig,
} from '../../src/core';
import {
  memo,
  expectSameLines,
  toReference,
  referenceScriptRuns,
  runPythonJson,
  runReferenceScript,
  shownOutput,
} from './helpers/python';
import { hexOf, nextDown, nextUp, ulpsApart } from './helpers/reference';

const GD = lectureConfig('gd');
const SGD = lectureConfig('sgd');

/** The run Downhill makes of a config: halting where its numbers overflow, as the app's runs do. */
const haltedRun = (config: TranscriptConfig): RunState =>
  advance(startRun({ ...transcriptSetup(config), haltOnDivergence: true }), config.epochs);

const DATA = {
  lecture: { xs: [1, 2, 3], ys: [2, 4, 6] },
  negative: { xs: [-2, 0.5, 4], ys: [3, -1, -7.5] },
  onePoint: { xs: [3], ys: [-1.5] },
  wide: { xs: [1e5, -3], ys: [2, 7] },
} as const;
type DataName = keyof typeof DATA;

/** Whether `config` is `overflowing(optimizer, data, lr)`. */
const is = (config: TranscriptConfig, optimizer: 'gd' | 'sgd', data: DataName, lr: number): boolean =>
  config.optimizer === optimizer && config.xs === DATA[data].xs && config.lr === lr;

const overflowing = (optimizer: 'gd' | 'sgd', data: DataName, lr: number): TranscriptConfig => ({
  ...(optimizer === 'gd' ? GD : SGD),
  ...DATA[data],
  lr,
  epochs: 3000,
});

/**
 * The brief's settings (GD and SGD; lr 0.3, 0.5, 1, 2, 10; the lecture's data, negative values, a single
 * point, a wide range), whose every printed loss glibc's pow() squares exactly as d·d does, so that
 * transcript.py's default output is the app's to the byte. All but two overflow (SGD converges at lr 0.5
 * on the lecture's data and at lr 2 on the negative data). Four more print a loss where pow() is an ULP
 * off d·d: POW_ULP.
 */
const POW_EXACT: readonly TranscriptConfig[] = [
  ...(['lecture', 'negative', 'onePoint', 'wide'] as const).flatMap((data) =>
    [0.3, 0.5, 1, 2, 10].flatMap((lr) => [overflowing('gd', data, lr), overflowing('sgd', data, lr)]),
  ),
].filter(
  (c) =>
    !is(c, 'gd', 'lecture', 0.3) &&
    !is(c, 'gd', 'negative', 0.3) &&
    !is(c, 'sgd', 'negative', 0.3) &&
    !is(c, 'sgd', 'wide', 0.5),
);
const converges = (c: TranscriptConfig): boolean =>
  is(c, 'sgd', 'lecture', 0.5) || is(c, 'sgd', 'negative', 2);

/** Settings where pow() rounds a printed loss an ULP off d·d: Python stops at the same line all the same. */
const POW_ULP: readonly TranscriptConfig[] = [
  overflowing('gd', 'lecture', 0.3),
  overflowing('gd', 'negative', 0.3),
  overflowing('sgd', 'negative', 0.3),
  overflowing('sgd', 'wide', 0.5),
];

/** Corners: where the app halts but Python goes on, fails at once, or never fails. */
const CORNERS: readonly TranscriptConfig[] = [
  // range(167) ends before the epoch whose cost() overflows: Python prints epoch 166 and its last line.
  { ...GD, lr: 1, epochs: 167 },
  // The app halts SGD in epoch 74 (lecture's 73) on its own cost after the epoch; the script never
  // computes that cost, and range(74) ends before its loss() overflows.
  { ...SGD, lr: 1, epochs: 74 },
  // cost() raises in epoch 0: the before-training line, then the error.
  { ...GD, xs: [1e150], ys: [0], w0: 1e150, epochs: 5 },
  // lr·grad overflows: w becomes -inf silently, then nan (inf - inf); no square of a finite d overflows.
  { ...GD, xs: [1e150], ys: [0], w0: 1e-150, lr: 1e150, epochs: 5 },
  { ...SGD, lr: 1e308, epochs: 5 },
  // 2·x·(x·w − y) overflows in SGD: w = -inf before loss() squares anything.
  { ...SGD, xs: [1e150, 2], ys: [0, 1], w0: 1e150, epochs: 5 },
  // The cost's sum overflows (each square is finite): loss= inf, then the run recovers and ends normally.
  { ...GD, xs: [1e4, 1e4], ys: [0, 0], w0: 1.2e150, lr: 1e-9, epochs: 8 },
  // x·w overflows in cost() for the first sample (inf**2 is inf), the second sample's square raises.
  { ...GD, xs: [1e150, 1e10], ys: [0, 0], w0: 1e160, epochs: 3 },
  // A predict_x that is not whole, negative data, a single point, a zero x whose d never changes.
  { ...SGD, xs: [-4], ys: [9], w0: -3, lr: 2, epochs: 500, predictX: -2.5 },
  { ...SGD, xs: [0, 3], ys: [1e150, 1], lr: 1, epochs: 200 },
  { ...GD, xs: [0, 3], ys: [1e150, 1], lr: 1, epochs: 200 },
];

/** Seeded pseudo-random diverging settings: data of mixed signs and sizes, learning rates past stable. */
function randomConfigs(count: number): TranscriptConfig[] {
  let state = 20_260_401;
  const next = (): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const value = (): number => {
    const kind = next();
    if (kind < 0.4) return Math.round((next() - 0.5) * 20);
    if (kind < 0.8) return Math.round((next() - 0.5) * 2e4) / 1000;
    return (next() < 0.5 ? -1 : 1) * (1 + 9 * next()) * 10 ** Math.floor(next() * 160);
  };
  return Array.from({ length: count }, () => {
    const n = 1 + Math.floor(next() * 6);
    const xs = Array.from({ length: n }, value).map((v) => (v === 0 ? 1 : v));
    return {
      optimizer: next() < 0.5 ? 'gd' : 'sgd',
      xs,
      ys: Array.from({ length: n }, value).map((v) => v + 0),
      w0: value() + 0,
      lr: [0.3, 0.5, 1, 2, 10, 1e3, 1e100][Math.floor(next() * 7)]!,
      epochs: 1 + Math.floor(next() * 1500),
      predictX: Math.round((next() - 0.5) * 20),
    };
  });
}
const RANDOM = randomConfigs(160);

const CHECKED = [...POW_EXACT, ...POW_ULP, ...CORNERS, ...RANDOM];
const powRuns = memo(() => referenceScriptRuns([...POW_EXACT, ...POW_ULP].map(toReference), 'pow'));
const checkedRuns = memo(() => referenceScriptRuns(CHECKED.map(toReference), 'checked'));

/** Fails with the config and the first line where the app's output and Python's part. */
function expectSameOutput(config: TranscriptConfig, expected: string): void {
  expectSameLines(config, scriptTranscript(config), expected);
}

describe('squareOverflows: when Python’s d ** 2 raises', () => {
  it('agrees with Python around √(largest double) and on inf and nan', () => {
    const root = Math.sqrt(Number.MAX_VALUE);
    const ds = [0, 1, -3, 1e154, root, nextUp(root), nextUp(nextUp(root)), nextDown(root), -nextUp(root)];
    const raises = runPythonJson<boolean[]>(
      `
import json, struct, sys
def raises(h):
    d = struct.unpack('>d', bytes.fromhex(h))[0]
    try:
        d ** 2
        return False
    except OverflowError:
        return True
print(json.dumps([raises(h) for h in json.load(sys.stdin)]))
`,
      [],
      ds.map(hexOf),
    );
    expect(ds.map(squareOverflows)).toEqual(raises);
    expect(raises).toContain(true);
    expect(raises).toContain(false);
    // inf ** 2 and nan ** 2 raise nothing in Python: they are inf and nan.
    expect([Infinity, -Infinity, NaN].map(squareOverflows)).toEqual([false, false, false]);
  });
});

describe('scriptTranscript against transcript.py as the lecture squares (**2)', () => {
  it('transcript.py itself stops the lecture’s GD at lr 1 after epoch 166 and SGD after a grad line', () => {
    // The script in its own process: exit status 1, and its traceback's last line on stderr.
    for (const config of [
      { ...GD, lr: 1, epochs: 300 },
      { ...SGD, lr: 1, epochs: 300 },
    ]) {
      const run = runReferenceScript(toReference(config));
      expect(run.status).toBe(1);
      expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(OVERFLOW_ERROR_LINE);
      expect(`${scriptTranscript(config)}\n`).toBe(`${run.stdout}${OVERFLOW_ERROR_LINE}\n`);
    }
    const gd = scriptTranscript({ ...GD, lr: 1, epochs: 300 }).split('\n');
    expect(gd).toHaveLength(169);
    expect(gd.slice(-2)).toEqual([
      'epoch: 166 w= 5.980423096161505e+153 loss= 2.4034389394916522e+306',
      OVERFLOW_ERROR_LINE,
    ]);
    const sgd = scriptTranscript({ ...SGD, lr: 1, epochs: 300 }).split('\n');
    expect(sgd).toHaveLength(300);
    expect(sgd.slice(-4)).toEqual([
      'progress: 73 w= -3.894710155952359e+153 loss= 1.3651890478990608e+308',
      '\tgrad: 1.0 2.0 -7.789420311904719e+153',
      '\tgrad: 2.0 4.0 3.1157681247618875e+154',
      OVERFLOW_ERROR_LINE,
    ]);
  });

  it('a run that does not fail ends as transcript.py does: exit status 0, nothing on stderr', () => {
    const config = { ...GD, lr: 1, epochs: 167 };
    const run = runReferenceScript(toReference(config));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(`${scriptTranscript(config)}\n`).toBe(run.stdout);
  });

  it.each(POW_EXACT.map((c, i) => [i, c.optimizer, JSON.stringify(c.xs), c.lr, c] as const))(
    'diverging setting %i (%s on %s at lr %d), byte for byte',
    (i, _optimizer, _xs, _lr, config) => {
      const run = powRuns()[i]!;
      expect(run.error).toBe(converges(config) ? null : OVERFLOW_ERROR_LINE);
      expectSameOutput(config, shownOutput(run));
    },
  );

  it.each(POW_ULP.map((c, i) => [i, c] as const))(
    'pow() rounding a loss an ULP off: the same lines, the same end (%i)',
    (i, config) => {
      const run = powRuns()[POW_EXACT.length + i]!;
      const python = shownOutput(run).split('\n');
      const app = scriptTranscript(config).split('\n');
      expect(app).toHaveLength(python.length);
      expect(app.at(-1)).toBe(OVERFLOW_ERROR_LINE);
      expect(app.at(-2)).toBe(python.at(-2));
      const loss = /^(.* loss= )(\S+)$/;
      let differing = 0;
      app.forEach((line, k) => {
        if (line === python[k]) return;
        differing++;
        const [, prefix, value] = loss.exec(line) ?? [];
        const [, pyPrefix, pyValue] = loss.exec(python[k]!) ?? [];
        expect(prefix, `line ${k + 1}`).toBe(pyPrefix);
        expect(ulpsApart(Number(value), Number(pyValue)), `line ${k + 1}`).toBeLessThanOrEqual(4);
      });
      expect(differing).toBeGreaterThan(0);
    },
  );
});

describe('scriptTranscript against transcript.py, raising where **2 raises, printing d*d', () => {
  it('the settings overflow in the ways they should', () => {
    const runs = checkedRuns();
    const random = runs.slice(-RANDOM.length);
    expect(random.filter((run) => run.error !== null).length).toBeGreaterThan(60);
    expect(
      random.filter((run) => run.error === null && /\b(inf|nan)\b/.test(run.stdout)).length,
    ).toBeGreaterThan(3);
    expect(
      random.filter((run) => run.error === null && !/\b(inf|nan)\b/.test(run.stdout)).length,
    ).toBeGreaterThan(5);
    const corners = runs.slice(POW_EXACT.length + POW_ULP.length, -RANDOM.length);
    expect(corners.map((run) => run.error !== null)).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it.each(CHECKED.map((c, i) => [i, c.optimizer, c] as const))('setting %i (%s)', (i, _optimizer, config) => {
    expectSameOutput(config, shownOutput(checkedRuns()[i]!));
  });

  it('prints the corners as Python does', () => {
    expect(scriptTranscript(CORNERS[0]!).split('\n').slice(-2)).toEqual([
      'epoch: 166 w= 5.980423096161505e+153 loss= 2.4034389394916522e+306',
      'predict (after training) 4 2.392169238464602e+154',
    ]);
    expect(scriptTranscript(CORNERS[2]!)).toBe(`predict (before training) 4 4e+150\n${OVERFLOW_ERROR_LINE}`);
    expect(scriptTranscript(CORNERS[3]!).split('\n').slice(1, 4)).toEqual([
      'epoch: 0 w= -1.9999999999999998e+300 loss= 1.0',
      'epoch: 1 w= inf loss= inf',
      'epoch: 2 w= nan loss= inf',
    ]);
    expect(scriptTranscript(CORNERS[6]!).split('\n').slice(1, 3)).toEqual([
      'epoch: 0 w= 9.6e+149 loss= inf',
      'epoch: 1 w= 7.68e+149 loss= inf',
    ]);
  });
});

describe('scriptOutputOf: the printout of a run in the app', () => {
  it('keeps every output that never overflows as pythonTranscript prints it (the lecture’s two)', () => {
    expect(scriptTranscript(GD)).toBe(pythonTranscript(GD));
    expect(scriptTranscript(SGD)).toBe(pythonTranscript(SGD));
  });

  it('goes on from where the app halted, and leaves the halted run as it was', () => {
    const config = { ...GD, lr: 1, epochs: 300 };
    const run = haltedRun(config);
    expect(run.status).toBe('diverged');
    expect(run.epoch).toBe(166);
    const before = Array.from(traceColumn(run.trace, 'w'));
    const output = scriptOutputOf({ run, predictX: 4, pending: [], finished: false }, 300);
    expect(output.overflow).toEqual({ epoch: 167, where: 'cost', step: 2, index: 2 });
    expect(scriptOutputLength(output)).toBe(169);
    // The run itself is untouched: still 166 epochs, the same history, still halted.
    expect(run.trace.length).toBe(166);
    expect(Array.from(traceColumn(run.trace, 'w'))).toEqual(before);
    expect(advance(run, 10)).toBe(run);
    // A window at the end: the last printed line and the traceback's; a window past it: nothing.
    expect(scriptOutputLines(output, 167, 169)).toEqual([
      'epoch: 166 w= 5.980423096161505e+153 loss= 2.4034389394916522e+306',
      OVERFLOW_ERROR_LINE,
    ]);
    expect(scriptOutputLines(output, 168, 400)).toEqual([OVERFLOW_ERROR_LINE]);
    expect(scriptOutputLines(output, 169, 400)).toEqual([]);
    expect(scriptOutputLines(output, 0, 1)).toEqual(['predict (before training) 4 4.0']);
    expect(scriptOutputText(output)).toBe(`${scriptTranscript(config)}\n`);
  });

  it('cuts SGD’s pending grad lines after the update whose loss() raises', () => {
    // The lecture's data at lr 2: the app's SGD runs 48 epochs; in the next, the second sample's loss
    // overflows, so Python prints two grad lines of it and fails.
    const config = { ...SGD, lr: 2, epochs: 300 };
    const run = advance(startRun({ ...transcriptSetup(config), haltOnDivergence: true }), 48);
    expect(run.status).toBe('running');
    const updates = epochUpdates(run, 48);
    const at = (taken: number) =>
      scriptOutputOf({ run, predictX: 4, pending: updates.slice(0, taken), finished: false }, 300);
    expect(at(1).overflow).toBeNull();
    expect(at(1).printout.pending).toHaveLength(1);
    const failed = at(2);
    expect(failed.overflow).toEqual({ epoch: 48, where: 'loss', step: 1, index: 1 });
    expect(scriptOutputLength(failed)).toBe(1 + 48 * 4 + 2 + 1);
    // Taking the third update changes nothing: Python never got there.
    expect(scriptOutputText(at(3))).toBe(scriptOutputText(failed));
    // And it is what Python prints for the whole run, which the app halts in that epoch.
    expect(scriptOutputText(failed)).toBe(`${scriptTranscript(config)}\n`);
    const halted = haltedRun(config);
    expect(halted.epoch).toBe(48);
    expect(
      scriptOutputText(scriptOutputOf({ run: halted, predictX: 4, pending: [], finished: false }, 300)),
    ).toBe(scriptOutputText(failed));
  });

  it('firstOverflow follows the script’s order: GD squares before it steps, SGD after', () => {
    const gd = haltedRun({ ...GD, lr: 1, epochs: 300 });
    // From the last finite state: epoch 166 squares fine, epoch 167's cost() overflows at x = 3.
    expect(firstOverflow(gd.setup, gd.params, gd.epoch, 300)).toEqual({
      epoch: 167,
      where: 'cost',
      step: 2,
      index: 2,
    });
    expect(firstOverflow(gd.setup, gd.params, gd.epoch, 167)).toBeNull();
    const sgd = haltedRun({ ...SGD, lr: 1, epochs: 300 });
    expect(sgd.epoch).toBe(73);
    expect(firstOverflow(sgd.setup, sgd.params, sgd.epoch, 300)).toEqual({
      epoch: 74,
      where: 'loss',
      step: 1,
      index: 1,
    });
    // Not finite, nothing raises: Python squares no finite y_pred - y from here on.
    expect(firstOverflow(sgd.setup, { w: Infinity, b: 0 }, 0, 300)).toBeNull();
    expect(firstOverflow(sgd.setup, { w: NaN, b: 0 }, 0, 300)).toBeNull();
  });
});
