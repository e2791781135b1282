import { describe, expect, it } from 'vitest';
import {
  changedFields,
  fieldsChangedBetween,
  forget,
  loadSettings,
  loadTab,
  saveSettings,
  saveTab,
  STORAGE_KEY,
  STORED_FIELDS,
  TAB_STORAGE_KEY,
} from '../../src/store/persist';
import { DEFAULT_SETTINGS, type PlaygroundSettings } from '../../src/store/playground';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const stored = (storage: ReturnType<typeof memoryStorage>, key = STORAGE_KEY) =>
  JSON.parse(storage.items.get(key)!) as Record<string, unknown>;

const EVERYTHING: PlaygroundSettings = {
  ...DEFAULT_SETTINGS,
  lr: 0.05,
  w0: -1.5,
  b0: 0.25,
  model: 'wb',
  epochs: 250,
  speed: 100,
  xs: [1, 2.5, -0],
  ys: [3, -4, 0.1],
  predictX: 7,
  batchSize: 3,
  shuffle: true,
  seed: 42,
  third: 'minibatch',
  hyper: {},
};

describe('loadSettings / saveSettings', () => {
  it('round-trips every setting exactly, −0 included', () => {
    const storage = memoryStorage();
    saveSettings(storage, { ...EVERYTHING, w0: -0 });
    const loaded = loadSettings(storage);
    expect(loaded).toEqual({ kind: 'loaded', settings: { ...EVERYTHING, w0: -0 } });
    if (loaded.kind !== 'loaded') return;
    expect(Object.is(loaded.settings.w0, -0)).toBe(true);
    expect(Object.is(loaded.settings.xs[2], -0)).toBe(true);
  });

  it('keeps a one-point data set (its batch is that one point)', () => {
    const storage = memoryStorage();
    const onePoint = { ...DEFAULT_SETTINGS, xs: [2], ys: [4], batchSize: 1 };
    saveSettings(storage, onePoint);
    expect(loadSettings(storage)).toEqual({ kind: 'loaded', settings: onePoint });
    // A record of the earlier version had no batch size: the default 2 shrinks to the one point.
    const old = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ xs: [2], ys: [4], lr: 0.02 }) });
    expect(loadSettings(old)).toEqual({
      kind: 'loaded',
      settings: { ...DEFAULT_SETTINGS, xs: [2], ys: [4], lr: 0.02, batchSize: 1 },
    });
  });

  it('finds nothing in an empty or missing storage', () => {
    expect(loadSettings(memoryStorage())).toEqual({ kind: 'none' });
    expect(loadSettings(undefined)).toEqual({ kind: 'none' });
    expect(loadTab(memoryStorage())).toEqual({ kind: 'none' });
  });

  it('treats blocked storage as empty rather than failing', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadSettings(blocked)).toEqual({ kind: 'none' });
    expect(loadTab(blocked)).toEqual({ kind: 'none' });
    expect(() => saveSettings(blocked, DEFAULT_SETTINGS)).not.toThrow();
    expect(() => saveTab(blocked, DEFAULT_SETTINGS, { epoch: 1, sampleCursor: 0 })).not.toThrow();
    expect(() => forget(blocked, STORAGE_KEY)).not.toThrow();
  });

  it.each([
    ['not JSON', '{lr: 0.05'],
    ['an array', '[1, 2, 3]'],
    ['a number', '42'],
    ['null', 'null'],
    ['a negative learning rate', JSON.stringify({ lr: -1 })],
    ['a string learning rate', JSON.stringify({ lr: '0.05' })],
    ['epochs past the playground range', JSON.stringify({ epochs: 200000 })],
    ['mismatched data', JSON.stringify({ xs: [1, 2], ys: [1] })],
    ['data with null (NaN saved by JSON)', JSON.stringify({ xs: [1, null], ys: [1, 2] })],
    ['an unknown model', JSON.stringify({ model: 'mlp' })],
    ['a speed that is not a number', JSON.stringify({ speed: 'fast' })],
    ['a shuffle that is not a flag', JSON.stringify({ shuffle: 'yes' })],
    ['a batch size of 0', JSON.stringify({ batchSize: 0 })],
    ['a seed that is not whole', JSON.stringify({ seed: 1.5 })],
    ['an unknown third run', JSON.stringify({ third: 'adamw' })],
    ['a third run that is not a string', JSON.stringify({ third: true })],
    ['hyperparameters of an unknown optimizer', JSON.stringify({ hyper: { adamw: { beta1: 0.9 } } })],
    [
      'a hyperparameter its optimizer does not take',
      JSON.stringify({ hyper: { minibatch: { momentum: 0.9 } } }),
    ],
    ['hyperparameters that are not an object', JSON.stringify({ hyper: [] })],
  ])('ignores %s as unreadable', (_what, text) => {
    expect(loadSettings(memoryStorage({ [STORAGE_KEY]: text }))).toEqual({ kind: 'unreadable' });
  });

  it('opens a record from before the third run that showed the mini-batch run with it as the third', () => {
    // (JSON.stringify writes −0 as 0: this record was written without the marker saveSettings uses.)
    const { third: _third, hyper: _hyper, ...before } = { ...EVERYTHING, xs: [1, 2.5, 0] };
    const loaded = loadSettings(
      memoryStorage({ [STORAGE_KEY]: JSON.stringify({ ...before, showMinibatch: true }) }),
    );
    expect(loaded).toEqual({ kind: 'loaded', settings: { ...before, third: 'minibatch', hyper: {} } });
    const lectureOnly = JSON.stringify({ lr: 0.02, showMinibatch: true });
    expect(loadSettings(memoryStorage({ [STORAGE_KEY]: lectureOnly }))).toEqual({
      kind: 'loaded',
      settings: { ...DEFAULT_SETTINGS, lr: 0.02, third: 'minibatch' },
    });
    // Hidden, it opens without a third run; a record that names its third run keeps it.
    const hidden = JSON.stringify({ lr: 0.02, showMinibatch: false });
    expect(loadSettings(memoryStorage({ [STORAGE_KEY]: hidden }))).toEqual({
      kind: 'loaded',
      settings: { ...DEFAULT_SETTINGS, lr: 0.02, third: null },
    });
    const both = JSON.stringify({ lr: 0.02, showMinibatch: true, third: null });
    expect(loadSettings(memoryStorage({ [STORAGE_KEY]: both }))).toEqual({
      kind: 'loaded',
      settings: { ...DEFAULT_SETTINGS, lr: 0.02, third: null },
    });
    // This tab's own record of that version, too.
    const tab = JSON.stringify({ settings: { showMinibatch: true }, epoch: 3, sampleCursor: 1 });
    expect(loadTab(memoryStorage({ [TAB_STORAGE_KEY]: tab }))).toEqual({
      kind: 'loaded',
      settings: { ...DEFAULT_SETTINGS, third: 'minibatch' },
      clock: { epoch: 3, sampleCursor: 1 },
    });
  });

  it('ignores foreign fields and keeps defaults for the ones left out', () => {
    const text = JSON.stringify({ lr: 0.02, __proto__: { evil: true }, clock: 99, html: '<b>x</b>' });
    const loaded = loadSettings(memoryStorage({ [STORAGE_KEY]: text }));
    expect(loaded).toEqual({ kind: 'loaded', settings: { ...DEFAULT_SETTINGS, lr: 0.02 } });
  });

  it('stores the settings, never the runs or the clock', () => {
    const storage = memoryStorage();
    saveSettings(storage, DEFAULT_SETTINGS);
    expect(Object.keys(stored(storage)).sort()).toEqual([...STORED_FIELDS].sort());
  });

  it('writes only the named fields, over what the record holds now', () => {
    const storage = memoryStorage();
    saveSettings(storage, { ...DEFAULT_SETTINGS, xs: [1, 2, 3, 4], ys: [2, 4, 6, 8] });
    // Another tab, which loaded the lecture's setup, changes only the learning rate.
    saveSettings(storage, { ...DEFAULT_SETTINGS, lr: 0.02 }, ['lr']);
    expect(loadSettings(storage)).toEqual({
      kind: 'loaded',
      settings: { ...DEFAULT_SETTINGS, xs: [1, 2, 3, 4], ys: [2, 4, 6, 8], lr: 0.02 },
    });
  });

  it('a merge of one tab’s data and another’s batch size is still a setup', () => {
    const storage = memoryStorage();
    saveSettings(storage, { ...DEFAULT_SETTINGS, batchSize: 3 }, ['batchSize']);
    saveSettings(storage, { ...DEFAULT_SETTINGS, xs: [5], ys: [10], batchSize: 1 }, ['xs', 'ys']);
    expect(loadSettings(storage)).toEqual({
      kind: 'loaded',
      settings: { ...DEFAULT_SETTINGS, xs: [5], ys: [10], batchSize: 1 },
    });
  });

  it('replaces an unreadable record instead of merging into it', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ lr: -1, epochs: 300 }) });
    saveSettings(storage, { ...DEFAULT_SETTINGS, w0: 2 }, ['w0']);
    expect(stored(storage)).toEqual({ w0: 2 });
  });
});

describe('loadTab / saveTab', () => {
  it('round-trips this tab’s setup and clock', () => {
    const storage = memoryStorage();
    saveTab(storage, EVERYTHING, { epoch: 91, sampleCursor: 2 });
    expect(loadTab(storage)).toEqual({
      kind: 'loaded',
      settings: EVERYTHING,
      clock: { epoch: 91, sampleCursor: 2 },
    });
  });

  it.each([
    ['a clock past the run', { settings: { epochs: 10 }, epoch: 11, sampleCursor: 0 }],
    ['a negative epoch', { settings: {}, epoch: -1, sampleCursor: 0 }],
    ['a fractional cursor', { settings: {}, epoch: 3, sampleCursor: 0.5 }],
    ['no settings', { epoch: 3, sampleCursor: 0 }],
    ['unreadable settings', { settings: { lr: 'fast' }, epoch: 3, sampleCursor: 0 }],
  ])('ignores %s as unreadable', (_what, record) => {
    const storage = memoryStorage({ [TAB_STORAGE_KEY]: JSON.stringify(record) });
    expect(loadTab(storage)).toEqual({ kind: 'unreadable' });
  });

  it('removes the old record when a new one cannot be written', () => {
    const storage = memoryStorage();
    saveTab(storage, DEFAULT_SETTINGS, { epoch: 5, sampleCursor: 0 });
    const full = {
      ...storage,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    saveTab(full, { ...DEFAULT_SETTINGS, lr: 0.2 }, { epoch: 9, sampleCursor: 0 });
    expect(loadTab(storage)).toEqual({ kind: 'none' });
  });
});

describe('which fields changed', () => {
  it('compares data by value and counts x and y as one', () => {
    const before = DEFAULT_SETTINGS;
    expect(changedFields(before, { ...before, xs: [...before.xs], ys: [...before.ys] })).toEqual([]);
    expect(changedFields(before, { ...before, ys: [2, 4, 7] }).sort()).toEqual(['xs', 'ys']);
    expect(changedFields(before, { ...before, lr: 0.02, seed: 3 }).sort()).toEqual(['lr', 'seed']);
    expect(changedFields({ ...before, w0: 0 }, { ...before, w0: -0 })).toEqual(['w0']);
  });

  it('reads what another tab wrote from a storage event’s texts', () => {
    const old = JSON.stringify({ lr: 0.01, epochs: 100 });
    expect(fieldsChangedBetween(old, JSON.stringify({ lr: 0.02, epochs: 100 }))).toEqual(['lr']);
    expect(fieldsChangedBetween(null, JSON.stringify({ lr: 0.02, xs: [1], ys: [2] })).sort()).toEqual([
      'lr',
      'xs',
      'ys',
    ]);
    // A record that vanished or is unreadable holds nothing newer.
    expect(fieldsChangedBetween(old, null)).toEqual([]);
    expect(fieldsChangedBetween(old, '{broken')).toEqual([]);
  });
});
