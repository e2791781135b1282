/**
 * The core against the real torch.optim (PyTorch 1.13), through fixtures that
 * tests/fixtures/torch/make.py wrote with it: this suite needs no torch.
 *
 * torch's autograd sums a batch's gradient in its own order and its kernels may fuse a multiply and
 * an add, so its floats are not always the app's to the last bit (a third of the runs are): every
 * w and b must agree within 1e-12 relative (b, which often heads for 0, relative to the run's largest
 * parameter), the printed loss within 1e-9 relative (a loss near 0, the square of a difference of
 * nearly equal numbers, within 1e-15 of the run's largest), and a run must stop being finite in the
 * same epoch.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  advance,
  optimizerOutputLines,
  optimizerTorchScript,
  scriptSetup,
  startRun,
  traceColumn,
  type ScriptConfig,
} from '../../../src/core';
import { pyNumber, RULE_NAMES } from './helpers';

interface TorchCase extends ScriptConfig {
  readonly name: string;
  readonly w: readonly string[];
  readonly b?: readonly string[];
  readonly loss: readonly string[];
  readonly divergedAt: number | null;
}

interface TorchScriptRun {
  readonly config: ScriptConfig;
  readonly sha256: string;
  readonly stdout: string;
}

const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures/torch');
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as T;
const { cases } = read<{ cases: TorchCase[] }>('optimizers.json');
const { scripts } = read<{ scripts: TorchScriptRun[] }>('torch-scripts.json');

/** |actual − expected| ≤ tolerance·scale, or both the same non-finite value. */
function close(actual: number, expected: number, tolerance: number, scale = Math.abs(expected)): boolean {
  if (!Number.isFinite(expected)) return Object.is(actual, expected);
  return Math.abs(actual - expected) <= tolerance * scale;
}

describe('the core against torch.optim (tests/fixtures/torch/optimizers.json)', () => {
  it('covers every optimizer, both models, every batching and diverging runs', () => {
    for (const name of RULE_NAMES) {
      const mine = cases.filter((c) => c.optimizer === name);
      expect(mine.length, name).toBeGreaterThanOrEqual(24);
      for (const model of ['w', 'wb']) expect(mine.some((c) => c.model === model)).toBe(true);
      for (const batching of ['full', 'sample', 'batch'])
        expect(mine.some((c) => c.batching === batching)).toBe(true);
      expect(mine.filter((c) => c.divergedAt !== null).length, name).toBeGreaterThanOrEqual(3);
    }
    expect(cases.some((c) => c.divergedAt !== null && c.divergedAt > 10)).toBe(true);
  });

  for (const c of cases) {
    it(c.name, () => {
      const run = advance(startRun(scriptSetup(c)), c.epochs);
      expect(run.divergedAtEpoch).toBe(c.divergedAt);
      expect(run.trace.length).toBe(c.w.length);
      const w = traceColumn(run.trace, 'w');
      const b = traceColumn(run.trace, 'b');
      const loss = traceColumn(run.trace, 'printedLoss');
      const torchW = c.w.map(pyNumber);
      const torchB = (c.b ?? []).map(pyNumber);
      const torchLoss = c.loss.map(pyNumber);
      const scale = Math.max(...torchW.map(Math.abs), ...torchB.map(Math.abs));
      const lossScale = 1e-6 * Math.max(...torchLoss.map(Math.abs));
      for (let k = 0; k < c.w.length; k++) {
        const at = `epoch ${k}: app w=${w[k]} b=${b[k]} loss=${loss[k]}, torch ${c.w[k]} ${c.b?.[k]} ${c.loss[k]}`;
        expect(close(w[k]!, torchW[k]!, 1e-12), at).toBe(true);
        if (c.b)
          expect(close(b[k]!, torchB[k]!, 1e-12, Math.max(Math.abs(torchB[k]!), scale)), at).toBe(true);
        else expect(b[k]).toBe(0);
        const lossAt = Math.max(Math.abs(torchLoss[k]!), lossScale);
        expect(close(loss[k]!, torchLoss[k]!, 1e-9, lossAt), at).toBe(true);
      }
    });
  }
});

/** The numbers of a printed line, by the label before each (`w=`, `b=`, `loss=`, …), and its words. */
function parseLine(line: string): { words: string; numbers: Map<string, number> } {
  const tokens = line.split(' ');
  const numbers = new Map<string, number>();
  const words: string[] = [];
  tokens.forEach((token, i) => {
    if (/^-?(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|inf|nan)$/.test(token)) {
      numbers.set(`${tokens[i - 1] ?? ''}#${i}`, pyNumber(token));
      words.push('#');
    } else {
      words.push(token);
    }
  });
  return { words: words.join(' '), numbers };
}

describe('the PyTorch scripts, as torch ran them (tests/fixtures/torch/torch-scripts.json)', () => {
  it('are the scripts the app writes today (else run make.py again)', () => {
    for (const { config, sha256 } of scripts) {
      const text = optimizerTorchScript(config).text;
      expect(createHash('sha256').update(text, 'utf8').digest('hex'), JSON.stringify(config)).toBe(sha256);
    }
  });

  it('cover every optimizer, both models, and a diverging run each', () => {
    for (const name of ['gd', 'sgd', 'minibatch', ...RULE_NAMES]) {
      const mine = scripts.filter((s) => s.config.optimizer === name);
      expect(mine.map((s) => s.config.model).sort(), name).toEqual(expect.arrayContaining(['w', 'wb']));
      expect(
        mine.some((s) => s.stdout.includes('diverged')),
        name,
      ).toBe(true);
    }
  });

  it('print the app’s lines, w and b to 12 significant digits', () => {
    for (const { config, stdout } of scripts) {
      const app = optimizerOutputLines(config);
      const torch = stdout.replace(/\n$/, '').split('\n');
      expect(torch.length, JSON.stringify(config)).toBe(app.length);
      torch.forEach((line, i) => {
        const mine = parseLine(app[i]!);
        const theirs = parseLine(line);
        const at = `${JSON.stringify(config)}\nline ${i + 1}\ntorch: ${line}\napp:   ${app[i]}`;
        expect(theirs.words, at).toBe(mine.words);
        for (const [label, value] of mine.numbers) {
          const other = theirs.numbers.get(label)!;
          const tolerance = label.startsWith('w=') || label.startsWith('b=') ? 1e-12 : 1e-9;
          expect(close(other, value, tolerance), `${at}\n${label}`).toBe(true);
        }
      });
    }
  });
});
