/**
 * The last setup survives a reload: the settings are kept in localStorage under one versioned key.
 * What comes back is untrusted (another version of the app, a hand edit, a full disk): it is
 * validated like anything typed, and anything unreadable is ignored with a notice, never a crash.
 */
import { validateSettings } from '../core';
import { DEFAULT_SETTINGS, EPOCHS_RANGE, type PlaygroundSettings } from './playground';

export const STORAGE_KEY = 'downhill.settings.v1';

/** The fields worth keeping (the clock and the runs are recomputed, never stored). */
const STORED_FIELDS = ['xs', 'ys', 'model', 'w0', 'b0', 'lr', 'epochs', 'speed'] as const;

export type StoredLoad =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly settings: PlaygroundSettings }
  | { readonly kind: 'unreadable' };

/** Reads the stored settings; 'unreadable' for anything that is not a valid setup of ours. */
export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined): StoredLoad {
  let text: string | null;
  try {
    text = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return { kind: 'none' }; // Storage blocked (privacy mode): nothing to restore, nothing wrong.
  }
  if (text === null) return { kind: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'unreadable' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'unreadable' };
  const record = parsed as Record<string, unknown>;
  const settings = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const field of STORED_FIELDS) if (field in record) settings[field] = record[field];
  const candidate = settings as unknown as PlaygroundSettings;
  const speedOk = typeof candidate.speed === 'number' && Number.isFinite(candidate.speed);
  const errors = validateSettings(candidate, { minEpochs: EPOCHS_RANGE.min, maxEpochs: EPOCHS_RANGE.max });
  if (errors.length > 0 || !speedOk) return { kind: 'unreadable' };
  return { kind: 'loaded', settings: { ...candidate, xs: [...candidate.xs], ys: [...candidate.ys] } };
}

/** Writes the settings; a full or blocked storage is not worth interrupting a lesson for. */
export function saveSettings(
  storage: Pick<Storage, 'setItem'> | undefined,
  settings: PlaygroundSettings,
): void {
  const kept = Object.fromEntries(STORED_FIELDS.map((field) => [field, settings[field]]));
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Quota exceeded or storage disabled: the session goes on without persistence.
  }
}
