/**
 * What this browser remembers, in two records:
 * - the last setup (localStorage, STORAGE_KEY), shared by every tab: what a visit without a link
 *   opens. Tabs write it field by field (see saveSettings), so that two tabs never undo each other;
 * - this tab's setup and clock (sessionStorage, TAB_STORAGE_KEY), which only this tab sees and a
 *   reload brings back.
 * Whatever comes back is untrusted (another version of the app, a hand edit, a full disk): it is
 * validated like anything typed, and anything unreadable is reported, never a crash.
 */
import { isOptimizerId, isValidHyper, LIMITS, validateSettings } from '../core';
import { clampSpeed, DEFAULT_SETTINGS, EPOCHS_RANGE, type PlaygroundSettings } from './playground';
import { STORAGE_KEY, TAB_STORAGE_KEY } from './storageKeys';

export { STORAGE_KEY, TAB_STORAGE_KEY } from './storageKeys';

/** The storage calls used; a plain object stands in for Storage in tests. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The settings kept, each a field a tab may write on its own; x and y always go together. */
export const STORED_FIELDS = [
  'xs',
  'ys',
  'model',
  'w0',
  'b0',
  'lr',
  'epochs',
  'speed',
  'predictX',
  'batchSize',
  'shuffle',
  'seed',
  'third',
  'hyper',
] as const;
export type StoredField = (typeof STORED_FIELDS)[number];

/** Where the clock stood: whole epochs done, and SGD updates into the next one. */
export interface StoredClock {
  readonly epoch: number;
  readonly sampleCursor: number;
}

export type StoredLoad =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly settings: PlaygroundSettings }
  | { readonly kind: 'unreadable' };

export type TabLoad =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly settings: PlaygroundSettings; readonly clock: StoredClock }
  | { readonly kind: 'unreadable' };

// JSON has no −0; the lecture prints w = -0.0 and 0.0 differently, so it is kept as a marker.
const NEGATIVE_ZERO = '-0';
const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => (Object.is(item, -0) ? NEGATIVE_ZERO : item));
const fromJson = (text: string): unknown =>
  JSON.parse(text, (_key, item: unknown) => (item === NEGATIVE_ZERO ? -0 : item));

type Read =
  | { readonly kind: 'none' }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'record'; readonly record: Record<string, unknown> };

function readRecord(storage: Pick<Storage, 'getItem'> | undefined, key: string): Read {
  let text: string | null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch {
    return { kind: 'none' }; // Storage blocked (privacy mode): nothing to restore, nothing wrong.
  }
  if (text === null) return { kind: 'none' };
  let parsed: unknown;
  try {
    parsed = fromJson(text);
  } catch {
    return { kind: 'unreadable' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'unreadable' };
  return { kind: 'record', record: parsed as Record<string, unknown> };
}

/**
 * The setup a record describes, over the defaults for what it leaves out; null when it is not one
 * the playground accepts. The batch shrinks with the data, as it does in the store: a record merged
 * from two tabs (one's data, the other's batch size) is still a setup.
 */
function settingsFrom(record: Record<string, unknown>): PlaygroundSettings | null {
  const fields: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const field of STORED_FIELDS) if (Object.hasOwn(record, field)) fields[field] = record[field];
  // Records from before the third run could be any optimizer: a shown mini-batch is the third run.
  if (!Object.hasOwn(record, 'third') && record.showMinibatch === true) fields.third = 'minibatch';
  const { xs, ys, speed, predictX, shuffle, third, hyper } = fields;
  const finite = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LIMITS.maxMagnitude;
  if (!finite(speed) || !finite(predictX)) return null;
  if (typeof shuffle !== 'boolean') return null;
  if (third !== null && !(typeof third === 'string' && isOptimizerId(third))) return null;
  if (!isValidHyper(hyper)) return null;
  if (Array.isArray(xs) && typeof fields.batchSize === 'number' && fields.batchSize > xs.length)
    fields.batchSize = Math.max(1, xs.length);
  const candidate = fields as unknown as PlaygroundSettings;
  const errors = validateSettings(candidate, { minEpochs: EPOCHS_RANGE.min, maxEpochs: EPOCHS_RANGE.max });
  if (errors.length > 0 || !Array.isArray(xs) || !Array.isArray(ys)) return null;
  return { ...candidate, speed: clampSpeed(candidate.speed), xs: [...candidate.xs], ys: [...candidate.ys] };
}

/** Reads the shared last setup; 'unreadable' for anything that is not a valid setup of ours. */
export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined): StoredLoad {
  const read = readRecord(storage, STORAGE_KEY);
  if (read.kind !== 'record') return read;
  const settings = settingsFrom(read.record);
  return settings ? { kind: 'loaded', settings } : { kind: 'unreadable' };
}

/**
 * Writes `fields` of `settings` into the shared last setup, over what it holds now (which another
 * tab may have written since this one read it); all fields when none are named. An unreadable
 * record is replaced. A full or blocked storage is not worth interrupting a lesson for.
 */
export function saveSettings(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  settings: PlaygroundSettings,
  fields: Iterable<StoredField> = STORED_FIELDS,
): void {
  const read = readRecord(storage, STORAGE_KEY);
  const current = read.kind === 'record' && settingsFrom(read.record) ? read.record : {};
  const kept: Record<string, unknown> = {};
  for (const field of STORED_FIELDS) if (Object.hasOwn(current, field)) kept[field] = current[field];
  for (const field of fields) kept[field] = settings[field];
  try {
    storage?.setItem(STORAGE_KEY, toJson(kept));
  } catch {
    // Quota exceeded or storage disabled: the session goes on without persistence.
  }
}

/** Reads this tab's own record: its setup and where its clock stood. */
export function loadTab(storage: Pick<Storage, 'getItem'> | undefined): TabLoad {
  const read = readRecord(storage, TAB_STORAGE_KEY);
  if (read.kind !== 'record') return read;
  const { settings: stored, epoch, sampleCursor } = read.record;
  const whole = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0;
  if (typeof stored !== 'object' || stored === null || !whole(epoch) || !whole(sampleCursor))
    return { kind: 'unreadable' };
  const settings = settingsFrom(stored as Record<string, unknown>);
  if (!settings || epoch > settings.epochs) return { kind: 'unreadable' };
  return { kind: 'loaded', settings, clock: { epoch, sampleCursor } };
}

/** Writes this tab's setup and clock (a failed write removes the old one rather than leave it stale). */
export function saveTab(
  storage: StorageLike | undefined,
  settings: PlaygroundSettings,
  clock: StoredClock,
): void {
  const kept = Object.fromEntries(STORED_FIELDS.map((field) => [field, settings[field]]));
  try {
    storage?.setItem(TAB_STORAGE_KEY, toJson({ settings: kept, ...clock }));
  } catch {
    forget(storage, TAB_STORAGE_KEY);
  }
}

/** Removes a record (one that can no longer be read, so that it is reported once). */
export function forget(storage: Pick<Storage, 'removeItem'> | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Blocked storage: there is nothing to remove either.
  }
}

/** Whether two values of a setting are the same (data by its values, −0 apart from 0, hyperparameters by content). */
export const sameValue = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null)
    return toJson(a) === toJson(b);
  return Object.is(a, b);
};

/** The fields whose values differ between two setups; x and y count as one (both or neither). */
export function changedFields(before: PlaygroundSettings, after: PlaygroundSettings): StoredField[] {
  const changed = STORED_FIELDS.filter((field) => !sameValue(before[field], after[field]));
  const data = changed.includes('xs') || changed.includes('ys');
  return data ? [...new Set<StoredField>([...changed, 'xs', 'ys'])] : changed;
}

/**
 * The fields another tab wrote into the shared record, from a `storage` event's old and new texts.
 * A record that vanished or cannot be read holds nothing newer than this tab's own changes.
 */
export function fieldsChangedBetween(oldText: string | null, newText: string | null): StoredField[] {
  const parse = (text: string | null): Record<string, unknown> | null => {
    if (text === null) return null;
    try {
      const parsed = fromJson(text);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : null;
    } catch {
      return null;
    }
  };
  const after = parse(newText);
  if (!after) return [];
  const before = parse(oldText) ?? {};
  return STORED_FIELDS.filter(
    (field) => Object.hasOwn(after, field) && !sameValue(before[field], after[field]),
  );
}
