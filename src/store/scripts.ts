/**
 * The code that reproduces a run, from the store's settings: the one place that maps them onto the
 * core's ScriptConfig (what "Python output", "Python code" and the three downloads of every run are
 * made from). The registry entry says how the run batches and, beyond θ ← θ − α·g, its update rule
 * and how that is written in Python; no optimizer is named here.
 */
import { optimizerEntry, type ScriptConfig } from '../core';
import type { PlaygroundSettings, PlaygroundState, RunId } from './playground';

/**
 * The script config of run `id` under these settings (a store state's `settings`). The lecture's GD
 * and SGD (y = w·x, SGD in data-set order) come out as the lecture's own scripts and output.
 */
export function scriptConfigOf(settings: PlaygroundSettings, id: RunId): ScriptConfig {
  const entry = optimizerEntry(id);
  const { xs, ys, model, w0, b0, lr, epochs, predictX, batchSize, shuffle, seed } = settings;
  const hyper = settings.hyper[id];
  return {
    optimizer: id,
    model,
    xs,
    ys,
    w0,
    b0,
    lr,
    epochs,
    predictX,
    batching: entry.batching,
    ...(entry.batching === 'batch' ? { batchSize } : {}),
    // The order only matters when the run visits the samples in parts.
    ...(entry.batching !== 'full' ? { shuffle, seed } : {}),
    ...(entry.rule && entry.python ? { rule: { rule: entry.rule, python: entry.python } } : {}),
    ...(entry.rule && hyper ? { hyper } : {}),
  };
}

const CONFIGS = new WeakMap<PlaygroundSettings, Map<RunId, ScriptConfig>>();

/** scriptConfigOf, one object per settings object and run: what a view can memoise on. */
export function cachedScriptConfigOf(settings: PlaygroundSettings, id: RunId): ScriptConfig {
  let byId = CONFIGS.get(settings);
  if (!byId) CONFIGS.set(settings, (byId = new Map()));
  let config = byId.get(id);
  if (!config) byId.set(id, (config = scriptConfigOf(settings, id)));
  return config;
}

const SELECTORS = new Map<RunId, (s: PlaygroundState) => ScriptConfig>();

/** The selector of run `id`'s script config: the same object until the settings change. */
export function selectScriptConfig(id: RunId): (s: PlaygroundState) => ScriptConfig {
  let selector = SELECTORS.get(id);
  if (!selector) SELECTORS.set(id, (selector = (s) => cachedScriptConfigOf(s.settings, id)));
  return selector;
}
