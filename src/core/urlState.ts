/**
 * Shareable links: the playground's settings, language, theme and presentation mode written into a
 * URL fragment (`#lr=0.05&w0=1.0&epochs=100&x=1,2,3&y=2,4,6&speed=10&model=w&b0=0.0&batch=2…&lang=en`) and read back from
 * the query and the fragment. Reading never throws: every value is checked, and a parameter that
 * fails is reported in `rejected` while the rest of the link still applies.
 */
import { LESSON_SCENE_COUNT } from './lesson/scenes';
import { parseNumber, parseNumberList } from './parse';
import { pyFloat } from './pyrepr';
import {
  LECTURE_SETTINGS,
  LIMITS,
  validateSettings,
  type SettingField,
  type Settings,
  type ValidationCode,
} from './validate';
import type { HyperSettings, OptimizerId } from './optimizers';
import { hyperOf, thirdRunOf, thirdRunPairs } from './urlOptimizer';

/** The settings a link can carry. */
export interface UrlSettings {
  readonly lr: number;
  readonly w0: number;
  readonly epochs: number;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly speed: number;
  readonly model: 'w' | 'wb';
  readonly b0: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly seed: number;
  /** The third run's optimizer (`opt=adam`, or `minibatch=1`), null for none (`minibatch=0`). */
  readonly third: OptimizerId | null;
  /** Hyperparameters a link sets (`beta1=0.8`), per optimizer. */
  readonly hyper: HyperSettings;
}

export type UrlLang = 'en' | 'zh-CN';
export type UrlTheme = 'light' | 'dark' | 'system';

/** Why a parameter was ignored: a validation code, or a problem of the link itself. */
export type UrlRejectReason =
  | ValidationCode
  /** Longer than any sensible value (see MAX_URL_VALUE_LENGTH). */
  | 'too-long'
  /** Broken percent-encoding (`%E0%A4%A`). */
  | 'malformed'
  /** x without y (or y without x), or the other one of the pair was rejected. */
  | 'unpaired'
  /** Not one of the words the key accepts (lang, theme, present). */
  | 'unknown-value'
  /** A batch size larger than the data the link opens with. */
  | 'more-than-points'
  /** A hyperparameter the link's optimizer does not take (`opt=momentum&beta1=0.8`). */
  | 'not-used';

export interface RejectedParam {
  /** The parameter's name as the link spells it: `lr`, `x`, `lang` … */
  readonly key: string;
  /** Its decoded value, cut to at most MAX_SHOWN_VALUE_LENGTH characters plus '…'. */
  readonly value: string;
  readonly reason: UrlRejectReason;
}

export interface UrlState {
  readonly settings: Partial<UrlSettings>;
  readonly lang?: UrlLang;
  readonly theme?: UrlTheme;
  readonly present?: boolean;
  /** The lesson's scene, 1-based (1…LESSON_SCENE_COUNT). */
  readonly lesson?: number;
  readonly rejected: readonly RejectedParam[];
}

/** Bounds the caller enforces beyond validateSettings' own (the playground's epochs and speed). */
export interface UrlStateBounds {
  readonly minEpochs?: number;
  readonly maxEpochs?: number;
  readonly minSpeed?: number;
  readonly maxSpeed?: number;
}

/** The keys a link may carry; any other key is left alone and not reported. */
export const URL_STATE_KEYS = [
  'lr',
  'w0',
  'epochs',
  'x',
  'y',
  'speed',
  'model',
  'b0',
  'batch',
  'minibatch',
  'opt',
  'momentum',
  'beta1',
  'beta2',
  'eps',
  'alpha',
  'shuffle',
  'seed',
  'lang',
  'theme',
  'present',
  'lesson',
] as const;
export type UrlStateKey = (typeof URL_STATE_KEYS)[number];

/** The link's key of each setting it can carry (hyperparameters go with the optimizer they tune). */
export const URL_KEY_OF_SETTING: Readonly<Record<keyof UrlSettings, UrlStateKey>> = {
  lr: 'lr',
  w0: 'w0',
  epochs: 'epochs',
  xs: 'x',
  ys: 'y',
  speed: 'speed',
  model: 'model',
  b0: 'b0',
  batchSize: 'batch',
  third: 'opt',
  hyper: 'opt',
  shuffle: 'shuffle',
  seed: 'seed',
};

/**
 * The keys of the page rather than of the setup: a link of only these opens the remembered setup.
 * `lesson` is not one of them: a lesson's scene is a setup, so `#lesson=5` opens scene 5's.
 */
const PAGE_KEYS: readonly UrlStateKey[] = ['lang', 'theme', 'present'];
export const isSettingKey = (key: UrlStateKey): boolean => !PAGE_KEYS.includes(key);

/** The longest number accepted, decoded (pyFloat never writes more than 24 characters). */
export const MAX_URL_VALUE_LENGTH = 64;
/** The longest x or y accepted, decoded: 10,000 points of up to 24 characters and a comma. */
export const MAX_URL_LIST_LENGTH = 250_000;
/** A rejected value is reported cut to this many characters. */
export const MAX_SHOWN_VALUE_LENGTH = 40;

const isStateKey = (key: string): key is UrlStateKey => (URL_STATE_KEYS as readonly string[]).includes(key);

/** Control and bidirectional-override characters, which could garble the text around a shown value. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to find
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * `text` as a notice may show it: cut to `max` characters (whole code points) with '…' when
 * something was cut, control and bidi-override characters replaced by U+FFFD.
 */
export function truncateValue(text: string, max: number = MAX_SHOWN_VALUE_LENGTH): string {
  // Cut a little past max in UTF-16 units first, so a 100k-character value is never spread into code points.
  const points = Array.from(text.slice(0, max * 2 + 2));
  const cut = points.length > max ? `${points.slice(0, max).join('')}…` : points.join('');
  return cut.replace(INVISIBLE, '\ufffd');
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

interface RawParam {
  readonly raw: string;
}

/** The pairs of one query or fragment, by key (the last one wins); unknown keys are dropped. */
function rawPairs(part: string): Map<UrlStateKey, RawParam> {
  const pairs = new Map<UrlStateKey, RawParam>();
  const body = part.startsWith('?') || part.startsWith('#') ? part.slice(1) : part;
  if (body === '') return pairs;
  for (const piece of body.split('&')) {
    if (piece === '') continue;
    const equals = piece.indexOf('=');
    const rawKey = equals < 0 ? piece : piece.slice(0, equals);
    // Keys are short words: anything long or undecodable is not one of ours.
    if (rawKey.length > 16) continue;
    const key = safeDecode(rawKey)?.trim().toLowerCase();
    if (key === undefined || !isStateKey(key)) continue;
    pairs.set(key, { raw: equals < 0 ? '' : piece.slice(equals + 1) });
  }
  return pairs;
}

/** The keys a link carries, whether or not their values can be used, in URL_STATE_KEYS order. */
export function urlStateKeysIn(query: string, fragment: string): UrlStateKey[] {
  const carried = new Set([...rawPairs(query).keys(), ...rawPairs(fragment).keys()]);
  return URL_STATE_KEYS.filter((key) => carried.has(key));
}

/** A complete, valid set of settings that each value is checked inside: the lecture's. */
const BASELINE: Settings = LECTURE_SETTINGS;

/** The first problem validateSettings finds with `patch` in place of the lecture's values. */
function validationProblem(
  patch: Partial<Settings>,
  fields: readonly SettingField[],
  bounds: UrlStateBounds,
): ValidationCode | null {
  const errors = validateSettings(
    { ...BASELINE, ...patch },
    { minEpochs: bounds.minEpochs, maxEpochs: bounds.maxEpochs },
  );
  return errors.find((error) => fields.includes(error.field))?.code ?? null;
}

type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: UrlRejectReason };

function checkNumber(text: string): Checked<number> {
  const parsed = parseNumber(text);
  if (!parsed.ok) return { ok: false, reason: parsed.reason === 'empty' ? 'empty' : 'not-a-number' };
  return { ok: true, value: parsed.value };
}

function checkList(text: string): Checked<readonly number[]> {
  const { values, invalid } = parseNumberList(text);
  if (invalid.length > 0) return { ok: false, reason: 'not-a-number' };
  if (values.length === 0) return { ok: false, reason: 'empty' };
  return { ok: true, value: values };
}

const LANGS: Readonly<Record<string, UrlLang>> = { en: 'en', 'zh-cn': 'zh-CN', zh: 'zh-CN' };
const THEMES: Readonly<Record<string, UrlTheme>> = { light: 'light', dark: 'dark', system: 'system' };
// A bare `present` (no value) means on.
const PRESENT: Readonly<Record<string, boolean>> = {
  '': true,
  '1': true,
  true: true,
  '0': false,
  false: false,
};

/**
 * Reads a link's state from its query (`?lr=0.05`) and fragment (`#lr=0.05`); for each key the
 * fragment wins. Numbers may use full-width digits and lists the Chinese comma. Each value is
 * validated (with `bounds` for epochs and speed); x and y apply only together and of equal length.
 * Unknown keys are ignored silently; every other refused parameter is listed in `rejected`.
 */
export function parseUrlState(query: string, fragment: string, bounds: UrlStateBounds = {}): UrlState {
  const merged = new Map<UrlStateKey, RawParam>([...rawPairs(query), ...rawPairs(fragment)]);
  const rejected: RejectedParam[] = [];
  const decoded = new Map<UrlStateKey, string>();
  for (const key of URL_STATE_KEYS) {
    const param = merged.get(key);
    if (!param) continue;
    const limit = key === 'x' || key === 'y' ? MAX_URL_LIST_LENGTH : MAX_URL_VALUE_LENGTH;
    // Percent-encoding at most triples a value: past 3× the limit it is refused without decoding it all.
    if (param.raw.length > limit * 3) {
      const head = param.raw.slice(0, MAX_SHOWN_VALUE_LENGTH * 3);
      const shown = truncateValue(safeDecode(head) ?? head);
      rejected.push({ key, value: shown.endsWith('…') ? shown : `${shown}…`, reason: 'too-long' });
      continue;
    }
    const text = safeDecode(param.raw);
    if (text === null) {
      rejected.push({ key, value: truncateValue(param.raw), reason: 'malformed' });
      continue;
    }
    if (text.length > limit) {
      rejected.push({ key, value: truncateValue(text), reason: 'too-long' });
      continue;
    }
    decoded.set(key, text);
  }
  const reject = (key: UrlStateKey, reason: UrlRejectReason) =>
    rejected.push({ key, value: truncateValue(decoded.get(key) ?? ''), reason });

  const settings: { -readonly [K in keyof UrlSettings]?: UrlSettings[K] } = {};

  for (const key of ['lr', 'w0', 'epochs', 'b0'] as const) {
    const text = decoded.get(key);
    if (text === undefined) continue;
    const number = checkNumber(text);
    if (!number.ok) {
      reject(key, number.reason);
      continue;
    }
    const problem = validationProblem({ [key]: number.value }, [key], bounds);
    if (problem) reject(key, problem);
    else settings[key] = number.value;
  }

  const modelText = decoded.get('model')?.trim().toLowerCase();
  if (modelText !== undefined) {
    if (modelText === 'w' || modelText === 'wb') settings.model = modelText;
    else reject('model', 'unknown-value');
  }
  // Whole numbers: the batch size (1…n, checked against the data when applied) and the seed.
  const wholeNumber = (key: 'batch' | 'seed' | 'lesson', min: number, max: number): number | undefined => {
    const text = decoded.get(key);
    if (text === undefined) return undefined;
    const number = checkNumber(text);
    if (!number.ok) reject(key, number.reason);
    else if (!Number.isInteger(number.value)) reject(key, 'not-integer');
    else if (number.value < min || number.value > max) reject(key, 'out-of-range');
    else return number.value;
    return undefined;
  };
  const batch = wholeNumber('batch', 1, LIMITS.maxPoints);
  if (batch !== undefined) settings.batchSize = batch;
  const seed = wholeNumber('seed', 0, 2 ** 32 - 1);
  if (seed !== undefined) settings.seed = seed;
  const flag = (key: 'shuffle' | 'minibatch'): boolean | undefined => {
    const text = decoded.get(key)?.trim().toLowerCase();
    if (text === undefined) return undefined;
    if (Object.hasOwn(PRESENT, text)) return PRESENT[text]!;
    reject(key, 'unknown-value');
    return undefined;
  };
  const shuffle = flag('shuffle');
  if (shuffle !== undefined) settings.shuffle = shuffle;
  const third = thirdRunOf(decoded.get('opt'), flag('minibatch'), batch !== undefined, () =>
    reject('opt', 'unknown-value'),
  );
  if (third !== undefined) settings.third = third;
  const hyper = hyperOf(decoded, third ?? null, reject);
  if (hyper) settings.hyper = hyper;

  const speedText = decoded.get('speed');
  if (speedText !== undefined) {
    const speed = checkNumber(speedText);
    if (!speed.ok) reject('speed', speed.reason);
    else if (!Number.isFinite(speed.value)) reject('speed', 'not-finite');
    else if (speed.value <= 0) reject('speed', 'not-positive');
    else if (
      speed.value < (bounds.minSpeed ?? -Infinity) ||
      speed.value > (bounds.maxSpeed ?? Number.MAX_VALUE)
    ) {
      reject('speed', 'out-of-range');
    } else settings.speed = speed.value;
  }

  const xText = decoded.get('x');
  const yText = decoded.get('y');
  if (xText !== undefined || yText !== undefined) {
    const xs = xText === undefined ? null : checkList(xText);
    const ys = yText === undefined ? null : checkList(yText);
    if (xs && !xs.ok) reject('x', xs.reason);
    if (ys && !ys.ok) reject('y', ys.reason);
    if (xs?.ok && ys?.ok) {
      const problem = validationProblem({ xs: xs.value, ys: ys.value }, ['xs', 'ys'], bounds);
      if (problem) {
        reject('x', problem);
        reject('y', problem);
      } else {
        settings.xs = xs.value;
        settings.ys = ys.value;
      }
    } else {
      // One of the pair is missing or bad: the other cannot apply alone.
      if (xs?.ok) reject('x', 'unpaired');
      if (ys?.ok) reject('y', 'unpaired');
    }
  }

  const state: { -readonly [K in keyof UrlState]: UrlState[K] } = { settings, rejected };
  const word = (key: 'lang' | 'theme' | 'present') => decoded.get(key)?.trim().toLowerCase();
  const lang = word('lang');
  if (lang !== undefined) {
    if (Object.hasOwn(LANGS, lang)) state.lang = LANGS[lang];
    else reject('lang', 'unknown-value');
  }
  const theme = word('theme');
  if (theme !== undefined) {
    if (Object.hasOwn(THEMES, theme)) state.theme = THEMES[theme];
    else reject('theme', 'unknown-value');
  }
  const present = word('present');
  if (present !== undefined) {
    if (Object.hasOwn(PRESENT, present)) state.present = PRESENT[present];
    else reject('present', 'unknown-value');
  }
  const scene = wholeNumber('lesson', 1, LESSON_SCENE_COUNT);
  if (scene !== undefined) state.lesson = scene;
  // Report in the order of URL_STATE_KEYS, whatever order the checks ran in.
  rejected.sort(
    (a, b) => URL_STATE_KEYS.indexOf(a.key as UrlStateKey) - URL_STATE_KEYS.indexOf(b.key as UrlStateKey),
  );
  return state;
}

/** Characters a fragment value may carry as they are; everything else is percent-encoded. */
const encodeValue = (text: string): string => encodeURIComponent(text).replace(/%2C/g, ',');

/** The shortest digits that read back to `n` (String(n), keeping the sign of −0). */
const shortest = (n: number): string => (Object.is(n, -0) ? '-0' : String(n));

/**
 * The fragment (without '#') that parseUrlState reads back to exactly these values: lr and w0 as
 * Python prints floats (`1.0`, `1e-05`), the rest in JavaScript's shortest round-trip digits, x and
 * y comma-separated (`x=1,2,3`). `theme=system` and `present=0` are the defaults and left out, and
 * `lesson` (the scene, 1-based) is written only in a lesson.
 */
export function serializeUrlState(
  settings: UrlSettings,
  lang: UrlLang,
  theme: UrlTheme = 'system',
  present: boolean = false,
  lesson?: number,
): string {
  const pairs: [string, string][] = [
    ['lr', pyFloat(settings.lr)],
    ['w0', pyFloat(settings.w0)],
    ['epochs', String(settings.epochs)],
    ['x', settings.xs.map(shortest).join(',')],
    ['y', settings.ys.map(shortest).join(',')],
    ['speed', String(settings.speed)],
    ['model', settings.model],
    ['b0', pyFloat(settings.b0)],
    ['batch', String(settings.batchSize)],
    ...thirdRunPairs(settings.third ?? null, settings.hyper),
    ['shuffle', settings.shuffle ? '1' : '0'],
    ['seed', String(settings.seed)],
    ['lang', lang],
  ];
  if (theme !== 'system') pairs.push(['theme', theme]);
  if (present) pairs.push(['present', '1']);
  if (lesson !== undefined) pairs.push(['lesson', String(lesson)]);
  return pairs.map(([key, value]) => `${key}=${encodeValue(value)}`).join('&');
}

/**
 * The query (with its '?', or '' when nothing is left) without the keys a link's state uses, so a
 * rewritten URL keeps only the fragment's state and whatever else the query carried.
 */
export function stripUrlStateKeys(query: string): string {
  const body = query.startsWith('?') ? query.slice(1) : query;
  const kept = body.split('&').filter((piece) => {
    if (piece === '') return false;
    const equals = piece.indexOf('=');
    const rawKey = equals < 0 ? piece : piece.slice(0, equals);
    const key = rawKey.length > 16 ? null : safeDecode(rawKey)?.trim().toLowerCase();
    return !(key && isStateKey(key));
  });
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}
