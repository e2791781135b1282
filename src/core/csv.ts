/**
 * A run's history as CSV, one row per recorded epoch, for a spreadsheet, pandas or a plot script.
 *
 * Numbers are written as Python prints floats (pyFloat: `1.0933333333333333`, `4.0`, `1e-05`): the
 * shortest digits that round-trip, so every value reads back bit-identical, and the rows match the
 * lecture's printout digit for digit. Lines end in '\n', the last one too.
 */
import { pyFloat } from './pyrepr';
import type { RunState } from './optimizer';
import { epochRecord } from './trace';

/**
 * The CSV columns: epoch (the k-th, counted from 1 as the app counts them), lecture_epoch (k − 1, as
 * the lecture prints it: `epoch: 0` for the first), w after the epoch, b after it (model 'wb' only),
 * the loss as the lecture prints it, the full-dataset cost after the epoch, and whether the run had
 * diverged by then.
 */
export function historyCsvHeader(run: RunState): string {
  return run.setup.model === 'wb'
    ? 'epoch,lecture_epoch,w,b,loss_printed,cost,diverged'
    : 'epoch,lecture_epoch,w,loss_printed,cost,diverged';
}

/**
 * The history as CSV text: the header, then per recorded epoch k = 1, 2, …
 * `k,k−1,w_k,loss_printed_k,cost_k,diverged` (diverged = the epoch is the one that overflowed or a
 * later one, so false for a run that halts on divergence, which records only finite epochs). A halted
 * run ends with one more row for the epoch that overflowed: its two counts, empty numbers,
 * diverged = true.
 */
export function historyCsv(run: RunState): string {
  const withB = run.setup.model === 'wb';
  const lines = [historyCsvHeader(run)];
  // The trace and divergedAtEpoch index epochs from 0, the lecture's count.
  const { trace, divergedAtEpoch } = run;
  const counts = (index: number) => [String(index + 1), String(index)];
  for (let index = 0; index < trace.length; index++) {
    const record = epochRecord(trace, index)!;
    const diverged = divergedAtEpoch !== null && index >= divergedAtEpoch;
    const numbers = withB
      ? [record.w, record.b, record.printedLoss, record.cost]
      : [record.w, record.printedLoss, record.cost];
    lines.push([...counts(index), ...numbers.map(pyFloat), String(diverged)].join(','));
  }
  if (divergedAtEpoch !== null && divergedAtEpoch === trace.length) {
    lines.push([...counts(divergedAtEpoch), ...Array<string>(withB ? 4 : 3).fill(''), 'true'].join(','));
  }
  return `${lines.join('\n')}\n`;
}
