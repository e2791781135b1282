import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LECTURE,
  LIMITS,
  MAX_SHOWN_VALUE_LENGTH,
  parseUrlState,
  serializeUrlState,
  stripUrlStateKeys,
  truncateValue,
  URL_STATE_KEYS,
  validateSettings,
  type UrlSettings,
} from '../../src/core';

/** The playground's bounds (EPOCHS_RANGE and SPEED_RANGE in src/store/playground.ts). */
const BOUNDS = { minEpochs: 1, maxEpochs: 10_000, minSpeed: 1, maxSpeed: 1000 } as const;

const LECTURE_SETTINGS: UrlSettings = {
  lr: LECTURE.lr,
  w0: LECTURE.w0,
  epochs: LECTURE.epochs,
  xs: LECTURE.data.xs,
  ys: LECTURE.data.ys,
  speed: 10,
  model: 'w',
  b0: 0,
  batchSize: 2,
  shuffle: false,
  seed: 1,
  third: null,
  hyper: {},
};

const parse = (query: string, fragment = '') => parseUrlState(query, fragment, BOUNDS);

/** The hyperparameters a link that sets none opens with (DEFAULT_SETTINGS.hyper). */
const DEFAULT_HYPER = {};

describe('parseUrlState: the keys beyond the lecture', () => {
  it('reads model, b0, batch, shuffle and seed', () => {
    expect(parse('', '#model=wb&b0=-1.5&batch=2&shuffle=1&seed=42').settings).toEqual({
      model: 'wb',
      b0: -1.5,
      batchSize: 2,
      shuffle: true,
      seed: 42,
      third: 'minibatch',
    });
  });

  it('keeps the mini-batch run hidden when the link says so', () => {
    expect(parse('', '#batch=2&minibatch=0').settings).toEqual({ batchSize: 2, third: null });
  });

  it('reads minibatch=1 as the mini-batch third run, and opt= naming it likewise', () => {
    expect(parse('', '#minibatch=1')).toEqual({ settings: { third: 'minibatch' }, rejected: [] });
    expect(parse('', '#opt=minibatch')).toEqual({ settings: { third: 'minibatch' }, rejected: [] });
    expect(parse('?opt=MiniBatch', '')).toEqual({ settings: { third: 'minibatch' }, rejected: [] });
  });

  it.each(['gd', 'sgd', 'nonsense', '__proto__'])(
    'refuses opt=%s (not an optimizer the third run can be) as an unknown value',
    (id) => {
      const state = parse('', `#opt=${id}&lr=0.05`);
      expect(state.rejected).toEqual([{ key: 'opt', value: id, reason: 'unknown-value' }]);
      expect(state.settings).toEqual({ lr: 0.05 });
    },
  );

  it.each(['momentum', 'beta1', 'beta2', 'eps', 'alpha'])(
    'refuses %s as not used when the link’s third run does not take it, and keeps the rest',
    (key) => {
      for (const third of ['opt=minibatch', 'minibatch=1']) {
        const state = parse('', `#${third}&${key}=0.5&lr=0.05`);
        expect(state.rejected).toEqual([{ key, value: '0.5', reason: 'not-used' }]);
        expect(state.settings).toEqual({ third: 'minibatch', lr: 0.05 });
      }
    },
  );

  it.each([
    ['model=mlp', 'model', 'unknown-value'],
    ['batch=0', 'batch', 'out-of-range'],
    ['batch=1.5', 'batch', 'not-integer'],
    ['batch=abc', 'batch', 'not-a-number'],
    ['seed=-1', 'seed', 'out-of-range'],
    ['seed=99999999999', 'seed', 'out-of-range'],
    ['shuffle=maybe', 'shuffle', 'unknown-value'],
    ['minibatch=maybe', 'minibatch', 'unknown-value'],
    ['opt=adamw', 'opt', 'unknown-value'],
    ['momentum=abc', 'momentum', 'not-a-number'],
    ['b0=1e309', 'b0', 'not-finite'],
  ])('refuses %s and keeps the rest', (pair, key, reason) => {
    const state = parse('', `#${pair}&lr=0.05`);
    expect(state.rejected).toEqual([expect.objectContaining({ key, reason })]);
    expect(state.settings.lr).toBe(0.05);
  });
});

describe('parseUrlState', () => {
  it('reads every key from the query and from the fragment', () => {
    const fromQuery = parse('?lr=0.05&w0=2&epochs=200&x=1,2&y=3,4&speed=20&lang=zh-CN&theme=dark&present=1');
    expect(fromQuery).toEqual({
      settings: { lr: 0.05, w0: 2, epochs: 200, xs: [1, 2], ys: [3, 4], speed: 20 },
      lang: 'zh-CN',
      theme: 'dark',
      present: true,
      rejected: [],
    });
    const fromFragment = parse('', '#lr=0.05&w0=2&epochs=200&x=1,2&y=3,4&speed=20&lang=en&theme=light');
    expect(fromFragment.settings).toEqual(fromQuery.settings);
    expect(fromFragment.lang).toBe('en');
    expect(fromFragment.theme).toBe('light');
    expect(fromFragment.present).toBeUndefined();
  });

  it('lets the fragment win, key by key', () => {
    const state = parse('?lr=0.05&w0=2', '#lr=0.07');
    expect(state.settings).toEqual({ lr: 0.07, w0: 2 });
    // A bad value the fragment overrides is never reported.
    expect(parse('?lr=abc', '#lr=0.07')).toEqual({ settings: { lr: 0.07 }, rejected: [] });
  });

  it('reads full-width digits and the Chinese comma, as typed with a Chinese input method', () => {
    const state = parse(
      `?lr=${encodeURIComponent('０．０５')}&x=${encodeURIComponent('１，２，３')}&y=${encodeURIComponent('2、4、6')}`,
    );
    expect(state.settings).toEqual({ lr: 0.05, xs: [1, 2, 3], ys: [2, 4, 6] });
    expect(state.rejected).toEqual([]);
  });

  it('ignores a bad parameter with a reason and still applies the rest', () => {
    const state = parse('?lr=abc&w0=2&epochs=-5&speed=0');
    expect(state.settings).toEqual({ w0: 2 });
    expect(state.rejected).toEqual([
      { key: 'lr', value: 'abc', reason: 'not-a-number' },
      { key: 'epochs', value: '-5', reason: 'out-of-range' },
      { key: 'speed', value: '0', reason: 'not-positive' },
    ]);
  });

  it('checks each number with the settings validation and the playground’s bounds', () => {
    const reasons = (query: string) => parse(query).rejected.map((r) => `${r.key}:${r.reason}`);
    expect(reasons('?lr=0')).toEqual(['lr:not-positive']);
    expect(reasons('?lr=-0.1')).toEqual(['lr:not-positive']);
    expect(reasons('?lr=1e200')).toEqual(['lr:too-large']);
    expect(reasons('?lr=Infinity')).toEqual(['lr:not-a-number']);
    expect(reasons('?lr=NaN&w0=0x10')).toEqual(['lr:not-a-number', 'w0:not-a-number']);
    expect(reasons('?lr=')).toEqual(['lr:empty']);
    expect(reasons('?epochs=1.5')).toEqual(['epochs:not-integer']);
    expect(reasons('?epochs=0')).toEqual(['epochs:out-of-range']);
    expect(reasons('?epochs=10001')).toEqual(['epochs:out-of-range']);
    expect(reasons('?epochs=10000&speed=1000')).toEqual([]);
    expect(reasons('?speed=1001')).toEqual(['speed:out-of-range']);
    expect(reasons('?x=1,2&y=1,1e200')).toEqual(['x:too-large', 'y:too-large']);
    // Without bounds, only the core's own limits apply.
    expect(parseUrlState('?epochs=10001', '').settings).toEqual({ epochs: 10001 });
  });

  it('applies x and y only together and of equal length', () => {
    expect(parse('?x=1,2&y=3').rejected).toEqual([
      { key: 'x', value: '1,2', reason: 'length-mismatch' },
      { key: 'y', value: '3', reason: 'length-mismatch' },
    ]);
    expect(parse('?x=1,2').rejected).toEqual([{ key: 'x', value: '1,2', reason: 'unpaired' }]);
    expect(parse('#y=1,2').rejected).toEqual([{ key: 'y', value: '1,2', reason: 'unpaired' }]);
    expect(parse('?x=1,2&y=3,4').settings).toEqual({ xs: [1, 2], ys: [3, 4] });
    expect(parse('?x=&y=').rejected.map((r) => r.reason)).toEqual(['empty', 'empty']);
  });

  it('refuses script in a value, reporting it as text', () => {
    const state = parse('', '#x=<script>alert(1)</script>&y=1&lr=0.05');
    expect(state.settings).toEqual({ lr: 0.05 });
    expect(state.rejected).toEqual([
      { key: 'x', value: '<script>alert(1)</script>', reason: 'not-a-number' },
      { key: 'y', value: '1', reason: 'unpaired' },
    ]);
    const encoded = parse(`?x=${encodeURIComponent('<img src=x onerror=alert(1)>')}&y=1`);
    expect(encoded.rejected[0]).toEqual({
      key: 'x',
      value: '<img src=x onerror=alert(1)>',
      reason: 'not-a-number',
    });
  });

  it('refuses huge values quickly and reports them cut short', () => {
    const long = '9'.repeat(100_000);
    const started = performance.now();
    const state = parse(`?lr=${long}&w0=${'%41'.repeat(100_000)}&x=${'1,'.repeat(200_000)}&y=1`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(state.settings).toEqual({});
    expect(state.rejected.map((r) => `${r.key}:${r.reason}`)).toEqual([
      'lr:too-long',
      'w0:too-long',
      'x:too-long',
      'y:unpaired',
    ]);
    for (const { value } of state.rejected) expect(Array.from(value).length).toBeLessThanOrEqual(41);
    expect(state.rejected[0]!.value).toBe(`${'9'.repeat(MAX_SHOWN_VALUE_LENGTH)}…`);
    // Too many points is the settings validation's call, within the length limit.
    const many = parse(`?x=${'1,'.repeat(LIMITS.maxPoints + 1)}&y=${'1,'.repeat(LIMITS.maxPoints + 1)}`);
    expect(many.rejected.map((r) => r.reason)).toEqual(['too-many-points', 'too-many-points']);
  });

  it('reports broken percent-encoding without throwing', () => {
    const state = parse('?lr=%E0%A4%A&w0=2', '#%ZZ=1&theme=%');
    expect(state.settings).toEqual({ w0: 2 });
    expect(state.rejected).toEqual([
      { key: 'lr', value: '%E0%A4%A', reason: 'malformed' },
      { key: 'theme', value: '%', reason: 'malformed' },
    ]);
  });

  it('ignores unknown keys silently, including the names of Object’s own properties', () => {
    expect(parse('?foo=bar&__proto__=1&constructor=2&toString=3', '#runs')).toEqual({
      settings: {},
      rejected: [],
    });
    expect(parse('?lang=__proto__&theme=toString&present=constructor').rejected).toEqual([
      { key: 'lang', value: '__proto__', reason: 'unknown-value' },
      { key: 'theme', value: 'toString', reason: 'unknown-value' },
      { key: 'present', value: 'constructor', reason: 'unknown-value' },
    ]);
  });

  it('reads lang, theme and present in any letter case, and refuses other words', () => {
    expect(parse('?lang=ZH-cn&theme=Dark&present=true')).toMatchObject({
      lang: 'zh-CN',
      theme: 'dark',
      present: true,
    });
    expect(parse('?lang=zh').lang).toBe('zh-CN');
    expect(parse('?present=0').present).toBe(false);
    expect(parse('#present').present).toBe(true);
    expect(parse('?lang=fr&theme=sepia&present=yes').rejected.map((r) => r.key)).toEqual([
      'lang',
      'theme',
      'present',
    ]);
  });

  it('shows control and bidi-override characters of a refused value as U+FFFD', () => {
    const state = parse(`?lr=${encodeURIComponent('1\u202e2\n3\u0000')}`);
    expect(state.rejected).toEqual([{ key: 'lr', value: '1\ufffd2\ufffd3\ufffd', reason: 'not-a-number' }]);
  });
});

describe('truncateValue', () => {
  it('keeps short text and cuts long text at whole code points', () => {
    expect(truncateValue('abc')).toBe('abc');
    expect(truncateValue('a'.repeat(41))).toBe(`${'a'.repeat(40)}…`);
    expect(truncateValue('😀'.repeat(50), 3)).toBe('😀😀😀…');
  });
});

describe('serializeUrlState', () => {
  it('writes the lecture’s settings as a short, readable fragment', () => {
    expect(serializeUrlState({ ...LECTURE_SETTINGS, lr: 0.05 }, 'en')).toBe(
      'lr=0.05&w0=1.0&epochs=100&x=1,2,3&y=2,4,6&speed=10&model=w&b0=0.0&batch=2&minibatch=0&shuffle=0&seed=1&lang=en',
    );
    expect(serializeUrlState(LECTURE_SETTINGS, 'zh-CN', 'dark', true)).toBe(
      'lr=0.01&w0=1.0&epochs=100&x=1,2,3&y=2,4,6&speed=10&model=w&b0=0.0&batch=2&minibatch=0&shuffle=0&seed=1&lang=zh-CN&theme=dark&present=1',
    );
    expect(serializeUrlState({ ...LECTURE_SETTINGS, lr: 1e-5, xs: [-0, 1e21], ys: [0.1, 2] }, 'en')).toBe(
      'lr=1e-05&w0=1.0&epochs=100&x=-0,1e%2B21&y=0.1,2&speed=10&model=w&b0=0.0&batch=2&minibatch=0&shuffle=0&seed=1&lang=en',
    );
    expect(serializeUrlState({ ...LECTURE_SETTINGS, third: 'minibatch', batchSize: 3 }, 'en')).toBe(
      'lr=0.01&w0=1.0&epochs=100&x=1,2,3&y=2,4,6&speed=10&model=w&b0=0.0&batch=3&minibatch=1&shuffle=0&seed=1&lang=en',
    );
  });
});

describe('stripUrlStateKeys', () => {
  it('drops the state’s keys from a query and keeps the rest as written', () => {
    expect(stripUrlStateKeys('?lr=abc&utm_source=mail&x=1&LANG=en')).toBe('?utm_source=mail');
    expect(stripUrlStateKeys('?lr=1')).toBe('');
    expect(stripUrlStateKeys('')).toBe('');
    expect(stripUrlStateKeys('?a=%ZZ&b')).toBe('?a=%ZZ&b');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

const magnitude = LIMITS.maxMagnitude;
const finite = fc.double({ min: -magnitude, max: magnitude, noNaN: true });
const settingsArb: fc.Arbitrary<UrlSettings> = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    lr: fc.double({ min: Number.MIN_VALUE, max: magnitude, noNaN: true }),
    w0: finite,
    epochs: fc.integer({ min: 1, max: 10_000 }),
    xs: fc.array(finite, { minLength: n, maxLength: n }),
    ys: fc.array(finite, { minLength: n, maxLength: n }),
    speed: fc.double({ min: 1, max: 1000, noNaN: true }),
    model: fc.constantFrom('w' as const, 'wb' as const),
    b0: finite,
    batchSize: fc.integer({ min: 1, max: n }),
    shuffle: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    third: fc.constantFrom(null, 'minibatch' as const),
    // No optimizer in the registry takes a hyperparameter yet: {} is the only setting there is.
    hyper: fc.constant({}),
  }),
);
const langArb = fc.constantFrom('en' as const, 'zh-CN' as const);
const themeArb = fc.constantFrom('system' as const, 'light' as const, 'dark' as const);

describe('properties', () => {
  it('parse(serialize(s)) gives back exactly s, from the fragment or the query', () => {
    fc.assert(
      fc.property(settingsArb, langArb, themeArb, fc.boolean(), (settings, lang, theme, present) => {
        const written = serializeUrlState(settings, lang, theme, present);
        for (const state of [parse('', `#${written}`), parse(`?${written}`, '')]) {
          expect(state.rejected).toEqual([]);
          // toEqual compares numbers with Object.is: −0 and 0 differ, NaN never appears. A link
          // leaves out the hyperparameters it does not set, which opens them at their defaults ({}).
          expect({ hyper: DEFAULT_HYPER, ...state.settings }).toEqual(settings);
          expect(state.lang).toBe(lang);
          expect(state.theme ?? 'system').toBe(theme);
          expect(state.present ?? false).toBe(present);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the fragment wins over the query for every key', () => {
    fc.assert(
      fc.property(
        settingsArb,
        settingsArb,
        langArb,
        langArb,
        (inQuery, inFragment, queryLang, fragmentLang) => {
          const state = parse(
            `?${serializeUrlState(inQuery, queryLang)}`,
            `#${serializeUrlState(inFragment, fragmentLang)}`,
          );
          expect({ hyper: DEFAULT_HYPER, ...state.settings }).toEqual(inFragment);
          expect(state.lang).toBe(fragmentLang);
        },
      ),
      { numRuns: 100 },
    );
  });

  const hostileText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({
      unit: fc.constantFrom('%', '&', '=', '#', '?', ',', '，', '1', 'e', '-', '.', '<', '>'),
      maxLength: 80,
    }),
  );
  const hostileQuery = fc.oneof(
    hostileText,
    fc
      .array(fc.tuple(fc.constantFrom(...URL_STATE_KEYS, 'X', '__proto__', ''), hostileText), {
        maxLength: 12,
      })
      .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&')),
  );

  it('hostile input never throws; what it yields is valid and what it refuses is named and cut short', () => {
    fc.assert(
      fc.property(hostileQuery, hostileQuery, (query, fragment) => {
        const state = parse(query, fragment);
        // The batch size is checked against the data only when applied (the store refuses B > n with
        // a notice); here it must be a whole number within the largest data set a link can carry.
        const { batchSize, ...rest } = { ...LECTURE_SETTINGS, model: 'w' as const, b0: 0, ...state.settings };
        expect(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= LIMITS.maxPoints).toBe(true);
        expect(validateSettings(rest, BOUNDS)).toEqual([]);
        if (state.settings.speed !== undefined) {
          expect(state.settings.speed).toBeGreaterThanOrEqual(1);
          expect(state.settings.speed).toBeLessThanOrEqual(1000);
        }
        expect((state.settings.xs === undefined) === (state.settings.ys === undefined)).toBe(true);
        for (const { key, value } of state.rejected) {
          expect(URL_STATE_KEYS).toContain(key);
          expect(Array.from(value).length).toBeLessThanOrEqual(MAX_SHOWN_VALUE_LENGTH + 1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
