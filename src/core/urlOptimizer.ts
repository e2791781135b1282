/**
 * The third run and its hyperparameters in a link: `opt=adam&beta1=0.8`, `minibatch=1`. Read and
 * written for urlState.ts, which owns the rest of the link.
 */
import { parseNumber } from './parse';
import {
  acceptsHyper,
  LECTURE_OPTIMIZERS,
  isOptimizerId,
  optimizerEntry,
  optimizersTaking,
  type HyperKey,
  type HyperSettings,
  type HyperValues,
  type OptimizerId,
} from './optimizers';
import type { UrlRejectReason, UrlStateKey } from './urlState';

/** The shortest digits that read back to `n` (String(n), keeping the sign of −0). */
const shortest = (n: number): string => (Object.is(n, -0) ? '-0' : String(n));

/**
 * The third run a link asks for: `opt=<id>` names it (any optimizer but the lecture's two, which
 * always run), `minibatch=1` is `opt=minibatch` and `minibatch=0` none; a link that names a batch
 * size wants to see the mini-batch run. Undefined when the link does not say.
 */
export function thirdRunOf(
  optText: string | undefined,
  minibatch: boolean | undefined,
  namesBatch: boolean,
  refuse: () => void,
): OptimizerId | null | undefined {
  if (optText !== undefined) {
    const id = optText.trim().toLowerCase();
    if (isOptimizerId(id) && !LECTURE_OPTIMIZERS.includes(id)) return id;
    refuse();
  }
  if (minibatch !== undefined) return minibatch ? 'minibatch' : null;
  return namesBatch ? 'minibatch' : undefined;
}

const HYPER_KEYS: readonly HyperKey[] = ['momentum', 'beta1', 'beta2', 'eps', 'alpha'];

/**
 * The hyperparameters a link sets: each for the link's third optimizer when it takes it (refused
 * as 'not-used' when it does not), or, without one, for every optimizer that takes it.
 */
export function hyperOf(
  decoded: ReadonlyMap<UrlStateKey, string>,
  third: OptimizerId | null,
  reject: (key: UrlStateKey, reason: UrlRejectReason) => void,
): HyperSettings | null {
  const hyper: Partial<Record<OptimizerId, HyperValues>> = {};
  let any = false;
  for (const key of HYPER_KEYS) {
    const text = decoded.get(key);
    if (text === undefined) continue;
    const number = parseNumber(text);
    if (!number.ok) {
      reject(key, number.reason === 'empty' ? 'empty' : 'not-a-number');
      continue;
    }
    const takers =
      third === null ? optimizersTaking(key) : optimizersTaking(key).filter((id) => id === third);
    if (takers.length === 0) {
      reject(key, 'not-used');
      continue;
    }
    const accepted = takers.filter((id) =>
      optimizerEntry(id).hyperParameters.some((p) => p.key === key && acceptsHyper(p, number.value)),
    );
    if (accepted.length < takers.length) {
      reject(key, 'out-of-range');
      continue;
    }
    for (const id of takers) hyper[id] = { ...hyper[id], [key]: number.value };
    any = true;
  }
  return any ? hyper : null;
}

/** The link's pairs for the third run: `minibatch=0|1`, or `opt=<id>` and its hyperparameters. */
export function thirdRunPairs(third: OptimizerId | null, hyper: HyperSettings): [string, string][] {
  if (third === null) return [['minibatch', '0']];
  if (third === 'minibatch') return [['minibatch', '1']];
  const values = hyper?.[third] ?? {};
  const pairs: [string, string][] = [['opt', third]];
  for (const { key, defaultValue } of optimizerEntry(third).hyperParameters)
    pairs.push([key, shortest(values[key] ?? defaultValue)]);
  return pairs;
}
