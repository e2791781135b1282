import { describe, expect, it } from 'vitest';
import { loadSettings, saveSettings, STORAGE_KEY } from '../../src/store/persist';
import { DEFAULT_SETTINGS } from '../../src/store/playground';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('loadSettings / saveSettings', () => {
  it('round-trips a setup exactly', () => {
    const storage = memoryStorage();
    const settings = {
      ...DEFAULT_SETTINGS,
      lr: 0.05,
      w0: -1.5,
      epochs: 250,
      speed: 100,
      xs: [1, 2.5],
      ys: [3, -4],
    };
    saveSettings(storage, settings);
    expect(loadSettings(storage)).toEqual({ kind: 'loaded', settings });
  });

  it('finds nothing in an empty or missing storage', () => {
    expect(loadSettings(memoryStorage())).toEqual({ kind: 'none' });
    expect(loadSettings(undefined)).toEqual({ kind: 'none' });
  });

  it('treats blocked storage as empty rather than failing', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadSettings(blocked)).toEqual({ kind: 'none' });
    expect(() => saveSettings(blocked, DEFAULT_SETTINGS)).not.toThrow();
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
  ])('ignores %s as unreadable', (_what, text) => {
    expect(loadSettings(memoryStorage({ [STORAGE_KEY]: text }))).toEqual({ kind: 'unreadable' });
  });

  it('ignores foreign fields and keeps defaults for the ones left out', () => {
    const text = JSON.stringify({ lr: 0.02, __proto__: { evil: true }, clock: 99, html: '<b>x</b>' });
    const loaded = loadSettings(memoryStorage({ [STORAGE_KEY]: text }));
    expect(loaded).toEqual({ kind: 'loaded', settings: { ...DEFAULT_SETTINGS, lr: 0.02 } });
  });

  it('stores only settings, never the runs or the clock', () => {
    const storage = memoryStorage();
    saveSettings(storage, DEFAULT_SETTINGS);
    expect(Object.keys(JSON.parse(storage.items.get(STORAGE_KEY)!) as object).sort()).toEqual(
      ['b0', 'epochs', 'lr', 'model', 'speed', 'w0', 'xs', 'ys'].sort(),
    );
  });
});
