/**
 * The box to paste or type a whole data set. What it reads is used at once when there is exactly one
 * way to read it; when there are several, the person chooses one (each shown with the points it
 * gives); with three or more columns they choose the x and y columns. Nothing is guessed.
 */
import { useId, useMemo, useState } from 'react';
import { pasteData, pyFloat, readPaste, sameData, type Dataset, type PasteReading } from '../../core';
import { useT, type Translate } from '../../i18n';
import { validationMessage } from '../../i18n/validation';
import { usePlaygroundSelector, usePlaygroundStoreApi } from '../../store/context';
import type { PlaygroundStore } from '../../store/playground';
import { selectXs, selectYs } from '../../store/selectors';
import { dataProblems, pasteProblemText } from './dataText';

/** At most this many problems are listed under the paste box; the rest are counted. */
const LISTED_PROBLEMS = 4;
/** Points shown in a reading's preview. */
const PREVIEW_POINTS = 3;

/** What the person chose: a reading (by its key) among several, and columns among three or more. */
interface Choice {
  readonly reading: string | null;
  readonly x: number | null;
  readonly y: number | null;
}

const NO_CHOICE: Choice = { reading: null, x: null, y: null };

const keyOf = (reading: PasteReading): string =>
  `${reading.how.separator}/${reading.how.commas}/${reading.how.orientation}`;

interface Resolved {
  /** The reading in use: the only one, or the one chosen; null while there is none to use. */
  readonly reading: PasteReading | null;
  readonly x: number | null;
  readonly y: number | null;
  /** The data, once a reading without problems and its columns are settled. */
  readonly data: Dataset | null;
}

/** The reading, columns and data that the text and the choice come to. */
function resolve(readings: readonly PasteReading[], choice: Choice): Resolved {
  const reading =
    readings.length === 1 ? readings[0]! : (readings.find((r) => keyOf(r) === choice.reading) ?? null);
  if (!reading) return { reading: null, x: null, y: null, data: null };
  const width = reading.columns.length;
  const pick = (chosen: number | null, own: number | null) =>
    width > 2 && chosen !== null && chosen < width ? chosen : own;
  const x = pick(choice.x, reading.x);
  const y = pick(choice.y, reading.y);
  return { reading, x, y, data: pasteData(reading, x, y) };
}

/** Uses the data when they are settled, valid, and not the data in use already. */
function apply(store: PlaygroundStore, resolved: Resolved): void {
  const data = resolved.data;
  if (!data || dataProblems(data.xs, data.ys).length > 0) return;
  const { settings, actions } = store.getState();
  if (sameData(data, settings)) return;
  actions.updateSettings({ xs: data.xs, ys: data.ys });
}

const ellipsis = (shown: number, total: number) => (total > shown ? ', …' : '');

/** A reading in words: its layout, how it read separators and commas, and the first points. */
function describe(t: Translate, reading: PasteReading, all: readonly PasteReading[]) {
  const { how, columns } = reading;
  const layout =
    how.orientation === 'rows'
      ? columns.length > 2
        ? t('data.reading.table', { n: columns.length })
        : t('data.reading.rows')
      : reading.names === 'labels'
        ? t('data.reading.labelled')
        : t('data.reading.lines');
  const notes: string[] = [];
  if (new Set(all.map((r) => r.how.separator)).size > 1) {
    notes.push(t(how.separator === 'comma' ? 'data.reading.commaSeparated' : 'data.reading.spaceSeparated'));
  }
  if (reading.sample && how.commas !== 'none') {
    const key = how.commas === 'decimal' ? 'data.reading.decimal' : 'data.reading.thousands';
    notes.push(t(key, { text: reading.sample.text, value: pyFloat(reading.sample.value) }));
  }
  const data = pasteData(reading);
  let preview: string | null = null;
  if (data) {
    const n = data.xs.length;
    const points = data.xs
      .slice(0, PREVIEW_POINTS)
      .map((x, i) => `(${pyFloat(x)}, ${pyFloat(data.ys[i]!)})`)
      .join(', ');
    preview = t('data.reading.points', { n, points: points + ellipsis(PREVIEW_POINTS, n) });
  } else if (how.orientation === 'rows') {
    const first = columns.map((column) => pyFloat(column.values[0]!));
    preview = t('data.reading.firstLine', { values: first.join(', ') });
  }
  return { layout, notes, preview };
}

export function PasteBox() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  const xs = usePlaygroundSelector(selectXs);
  const ys = usePlaygroundSelector(selectYs);
  // The text with its readings, read once per change (a paste may have thousands of lines).
  const [{ text, readings }, setPasted] = useState<{ text: string; readings: PasteReading[] }>({
    text: '',
    readings: [],
  });
  const [choice, setChoice] = useState<Choice>(NO_CHOICE);
  const id = useId();
  const resolved = useMemo(() => resolve(readings, choice), [readings, choice]);
  const invalid = useMemo(
    () => (resolved.data ? dataProblems(resolved.data.xs, resolved.data.ys) : []),
    [resolved],
  );
  const { reading, x, y, data } = resolved;

  const problems = reading?.problems ?? [];
  const list = reading?.how.labelled ?? false;
  const messages = [
    ...problems.slice(0, LISTED_PROBLEMS).map((problem) => pasteProblemText(t, problem, list)),
    ...invalid.slice(0, LISTED_PROBLEMS).map((error) => validationMessage(t, error)),
  ];
  const more = problems.length + invalid.length - messages.length;
  if (more > 0) messages.push(t('data.paste.more', { n: more }));
  const choosing = reading !== null && problems.length === 0 && reading.columns.length > 2;
  const inUse = data !== null && invalid.length === 0 && sameData(data, { xs, ys });

  const change = (next: Choice) => {
    setChoice(next);
    apply(store, resolve(readings, next));
  };

  let status: string | null = null;
  if (messages.length === 0) {
    if (readings.length > 1 && reading === null) status = t('data.paste.chooseReading');
    else if (choosing && (x === null || y === null)) status = t('data.paste.chooseColumns');
    else if (choosing && x === y) status = t('data.paste.sameColumn');
    else if (inUse) status = t('data.paste.inUse', { n: data.xs.length });
  }
  const names = reading?.names ? reading.columns.map((column) => column.name ?? '—').join(', ') : null;

  return (
    <div className="data-paste">
      <label htmlFor={id} className="field-label">
        {t('data.paste')}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t('data.paste.hint')}
      </p>
      <textarea
        id={id}
        rows={3}
        spellCheck={false}
        autoComplete="off"
        placeholder={t('data.paste.placeholder')}
        value={text}
        aria-invalid={messages.length > 0}
        aria-describedby={`${id}-hint${messages.length > 0 ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          const next = event.currentTarget.value;
          const read = readPaste(next);
          setPasted({ text: next, readings: read });
          apply(store, resolve(read, choice));
        }}
      />
      {readings.length > 1 ? (
        <fieldset className="data-readings">
          <legend>{t('data.paste.ask', { n: readings.length })}</legend>
          {readings.map((option) => {
            const key = keyOf(option);
            const { layout, notes, preview } = describe(t, option, readings);
            return (
              <label key={key} className="data-reading">
                <input
                  type="radio"
                  name={`${id}-reading`}
                  value={key}
                  checked={reading === option}
                  onChange={() => change({ ...choice, reading: key })}
                />
                <span>
                  <span className="data-reading-layout">{layout}</span>
                  {notes.map((note) => (
                    <span key={note} className="hint">
                      {' '}
                      {note}
                    </span>
                  ))}
                  {preview !== null ? <span className="data-reading-preview mono">{preview}</span> : null}
                </span>
              </label>
            );
          })}
        </fieldset>
      ) : null}
      {names !== null && reading ? (
        <p className="hint data-paste-names">
          {t(reading.names === 'header' ? 'data.paste.header' : 'data.paste.labels', { names })}
        </p>
      ) : null}
      {choosing ? (
        <ColumnPicker
          t={t}
          reading={reading}
          x={x}
          y={y}
          onChange={(nx, ny) => change({ ...choice, x: nx, y: ny })}
        />
      ) : null}
      {messages.length > 0 ? (
        <div id={`${id}-error`} className="field-error data-paste-problems" role="alert">
          {messages.map((message, i) => (
            <p key={i}>{message}</p>
          ))}
        </div>
      ) : status !== null ? (
        <p className="data-paste-ok" role="status">
          {status}
        </p>
      ) : null}
    </div>
  );
}

/** Values shown beside a column's name in the pickers. */
const SAMPLE_VALUES = 3;

function ColumnPicker({
  t,
  reading,
  x,
  y,
  onChange,
}: {
  t: Translate;
  reading: PasteReading;
  x: number | null;
  y: number | null;
  onChange: (x: number | null, y: number | null) => void;
}) {
  const id = useId();
  const options = reading.columns.map((column, i) => {
    const place = t(column.from.kind === 'column' ? 'data.paste.column' : 'data.paste.line', {
      n: column.from.n,
    });
    const values = column.values.slice(0, SAMPLE_VALUES).map(pyFloat).join(', ');
    const label = [place, column.name, values + ellipsis(SAMPLE_VALUES, column.values.length)]
      .filter((part) => part)
      .join(' · ');
    return (
      <option key={i} value={i}>
        {label}
      </option>
    );
  });
  const select = (axis: 'x' | 'y', value: number | null) => (
    <div className="data-column-pick">
      <label htmlFor={`${id}-${axis}`} className="field-label">
        {t(axis === 'x' ? 'data.paste.xFrom' : 'data.paste.yFrom')}
      </label>
      <select
        id={`${id}-${axis}`}
        value={value ?? ''}
        onChange={(event) => {
          const picked = event.currentTarget.value === '' ? null : Number(event.currentTarget.value);
          if (axis === 'x') onChange(picked, y);
          else onChange(x, picked);
        }}
      >
        <option value="">{t('data.paste.pick')}</option>
        {options}
      </select>
    </div>
  );
  return (
    <fieldset className="data-columns-pick">
      <legend>{t(reading.how.orientation === 'rows' ? 'data.paste.columns' : 'data.paste.lines')}</legend>
      {select('x', x)}
      {select('y', y)}
    </fieldset>
  );
}
