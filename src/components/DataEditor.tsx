/**
 * The data as numbers: a table of x and y cells and a box to paste or type a whole data set. What is
 * typed stays as typed; it reaches the runs only once every cell is a valid number, and until then
 * the problems are marked next to the cells.
 */
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent as ReactFocusEvent,
} from 'react';
import {
  LIMITS,
  nextPoint,
  parseNumber,
  parsePastedData,
  parseRows,
  pyFloat,
  sameData,
  validateSettings,
  type Dataset,
  type DataColumn,
  type PasteProblem,
  type TableRow,
  type ValidationError,
} from '../core';
import { useT, type Translate } from '../i18n';
import { validationMessage } from '../i18n/validation';
import { usePlaygroundSelector, usePlaygroundStoreApi } from '../store/context';
import { DEFAULT_SETTINGS, type PlaygroundStore } from '../store/playground';
import { selectModel, selectXs, selectYs } from '../store/selectors';

/** Rows shown at first; the rest behind "Show all" (a pasted data set may have thousands). */
export const VISIBLE_ROWS = 100;

/** A cell's problem: not a number at all, or a number the settings refuse (too large). */
type CellIssue =
  | { readonly kind: 'parse'; readonly reason: 'empty' | 'not-a-number' }
  | { readonly kind: 'validation'; readonly error: ValidationError };

interface Check {
  /** The data, when every cell is valid. */
  readonly data: Dataset | null;
  /** Problems by cell, keyed `row:column`. */
  readonly cells: ReadonlyMap<string, CellIssue>;
  /** Problems of the whole table (too many points). */
  readonly table: readonly ValidationError[];
}

/** What the table shows instead of the store's data while it is being edited. */
interface Draft {
  readonly rows: readonly TableRow[];
  /** The store's data the draft was made against (the data it applied, once valid). */
  readonly base: Dataset;
  readonly check: Check;
}

const cellKey = (row: number, column: DataColumn) => `${row}:${column}`;

/** Problems of a data set alone (the other settings in the store are always valid). */
export function dataProblems(xs: readonly number[], ys: readonly number[]): ValidationError[] {
  return validateSettings({ ...DEFAULT_SETTINGS, batchSize: undefined, xs, ys }).filter(
    (error) => error.field === 'xs' || error.field === 'ys',
  );
}

function checkRows(rows: readonly TableRow[]): Check {
  const parsed = parseRows(rows);
  const cells = new Map<string, CellIssue>();
  for (const problem of parsed.problems) {
    cells.set(cellKey(problem.row, problem.column), { kind: 'parse', reason: problem.reason });
  }
  if (parsed.problems.length > 0) return { data: null, cells, table: [] };
  const table: ValidationError[] = [];
  for (const error of dataProblems(parsed.xs, parsed.ys)) {
    if (error.index === undefined) table.push(error);
    else cells.set(cellKey(error.index, error.field === 'xs' ? 'x' : 'y'), { kind: 'validation', error });
  }
  const ok = cells.size === 0 && table.length === 0;
  return { data: ok ? { xs: parsed.xs, ys: parsed.ys } : null, cells, table };
}

const formatRows = (data: Dataset): TableRow[] =>
  data.xs.map((x, i) => ({ x: pyFloat(x), y: pyFloat(data.ys[i] ?? NaN) }));

/** Cells whose text says something other than the draft's base data (or rows it does not have). */
function unappliedCells(draft: Draft): { row: number; column: DataColumn }[] {
  const cells: { row: number; column: DataColumn }[] = [];
  draft.rows.forEach((row, index) => {
    for (const column of ['x', 'y'] as const) {
      const parsed = parseNumber(row[column]);
      const base = (column === 'x' ? draft.base.xs : draft.base.ys)[index];
      if (!parsed.ok || base === undefined || !Object.is(parsed.value, base))
        cells.push({ row: index, column });
    }
  });
  if (draft.rows.length !== draft.base.xs.length) cells.push({ row: draft.rows.length, column: 'x' });
  return cells;
}

function makeDraft(rows: readonly TableRow[], base: Dataset): Draft {
  return { rows, base, check: checkRows(rows) };
}

/**
 * The draft after the data changed elsewhere (a point dragged in the plot): nothing to keep when it
 * holds no edits of its own; else the new data with the edited cells typed over them, when the
 * points still line up one to one.
 */
function rebase(draft: Draft, data: Dataset): Draft | null {
  const edits = unappliedCells(draft);
  if (edits.length === 0) return null;
  if (draft.rows.length !== draft.base.xs.length || data.xs.length !== draft.base.xs.length) return null;
  const rows = formatRows(data);
  for (const { row, column } of edits) {
    const typed = draft.rows[row];
    const target = rows[row];
    if (typed && target) rows[row] = { ...target, [column]: typed[column] };
  }
  return makeDraft(rows, data);
}

function cellMessage(t: Translate, issue: CellIssue): string {
  if (issue.kind === 'validation') return validationMessage(t, issue.error);
  return t(issue.reason === 'empty' ? 'data.cell.empty' : 'data.cell.notANumber');
}

/** The table editor and the paste box. */
export function DataEditor() {
  return (
    <div className="data-editor">
      <DataTable />
      <PasteBox />
    </div>
  );
}

function DataTable() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  const xs = usePlaygroundSelector(selectXs);
  const ys = usePlaygroundSelector(selectYs);
  const model = usePlaygroundSelector(selectModel);
  const data = useMemo(() => ({ xs, ys }), [xs, ys]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [showAll, setShowAll] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const focusWanted = useRef<string | null>(null);
  const pendingId = useId();

  // The data moved on elsewhere (the plot, a preset, the paste box): keep only the table's own edits.
  let current = draft;
  if (draft && (draft.base.xs !== xs || draft.base.ys !== ys)) {
    current = rebase(draft, data);
    setDraft(current);
  }
  const stored = useMemo(() => formatRows(data), [data]);
  const rows = current ? current.rows : stored;
  const check = current?.check ?? null;

  const latest = useRef({ rows, model });
  useLayoutEffect(() => {
    latest.current = { rows, model };
  });

  useEffect(() => {
    const key = focusWanted.current;
    if (key === null) return;
    focusWanted.current = null;
    container.current?.querySelector<HTMLInputElement>(`[data-cell="${key}"]`)?.focus();
  });

  const commit = useCallback(
    (next: readonly TableRow[]) => {
      const { settings, actions } = store.getState();
      const candidate = makeDraft(next, { xs: settings.xs, ys: settings.ys });
      const valid = candidate.check.data;
      if (valid && !sameData(valid, candidate.base) && actions.updateSettings(valid)) {
        setDraft({ ...candidate, base: valid });
        return;
      }
      setDraft(candidate);
    },
    [store],
  );

  const onEdit = useCallback(
    (index: number, column: DataColumn, text: string) => {
      const next = [...latest.current.rows];
      const row = next[index];
      if (!row) return;
      next[index] = { ...row, [column]: text };
      commit(next);
    },
    [commit],
  );

  const onRemove = useCallback(
    (index: number) => {
      const before = latest.current.rows;
      if (before.length <= 1) return;
      const next = before.filter((_, i) => i !== index);
      focusWanted.current = cellKey(Math.min(index, next.length - 1), 'x');
      commit(next);
    },
    [commit],
  );

  const onAdd = () => {
    if (rows.length >= LIMITS.maxPoints) return;
    const point = nextPoint(check?.data ?? data, model);
    const next = [...rows, { x: pyFloat(point.x), y: pyFloat(point.y) }];
    focusWanted.current = cellKey(next.length - 1, 'x');
    if (next.length > VISIBLE_ROWS) setShowAll(true);
    commit(next);
  };

  const onBlur = (event: ReactFocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget;
    if (to instanceof Node && event.currentTarget.contains(to)) return;
    // Leaving the table with everything applied: show the numbers the canonical way again.
    if (current && unappliedCells(current).length === 0) setDraft(null);
  };

  const visible = showAll ? rows.length : Math.min(rows.length, VISIBLE_ROWS);
  const problems = check ? check.cells.size + check.table.length : 0;
  const hiddenProblems =
    check !== null && [...check.cells.keys()].some((key) => Number(key.split(':')[0]) >= visible);
  const rowNodes = [];
  for (let i = 0; i < visible; i++) {
    const row = rows[i]!;
    const xIssue = check?.cells.get(cellKey(i, 'x'));
    const yIssue = check?.cells.get(cellKey(i, 'y'));
    rowNodes.push(
      <Row
        key={i}
        index={i}
        x={row.x}
        y={row.y}
        xMessage={xIssue ? cellMessage(t, xIssue) : null}
        yMessage={yIssue ? cellMessage(t, yIssue) : null}
        canRemove={rows.length > 1}
        t={t}
        onEdit={onEdit}
        onRemove={onRemove}
      />,
    );
  }

  return (
    <div className="data-table-block" ref={container} onBlur={onBlur}>
      <div className="data-table-head">
        <h3 className="data-subtitle">{t('data.table')}</h3>
        <span className="hint">{t('data.table.count', { n: rows.length })}</span>
      </div>
      <div className="data-table-scroll">
        <table className="data-table" aria-describedby={problems > 0 ? pendingId : undefined}>
          <caption className="visually-hidden">{t('data.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('data.table.index')}</th>
              <th scope="col">{t('data.table.x')}</th>
              <th scope="col">{t('data.table.y')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('data.table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>{rowNodes}</tbody>
        </table>
      </div>
      <div role="status" className="data-table-status">
        {problems > 0 ? (
          <div className="data-pending" id={pendingId}>
            <p>{t('data.table.pending')}</p>
            {check?.table.map((error, i) => (
              <p key={i} className="field-error">
                {validationMessage(t, error)}
              </p>
            ))}
            {hiddenProblems ? <p>{t('data.table.hiddenProblems')}</p> : null}
            <button type="button" className="button button-small" onClick={() => setDraft(null)}>
              {t('data.table.discard')}
            </button>
          </div>
        ) : null}
      </div>
      <div className="data-table-actions">
        <button
          type="button"
          className="button button-small"
          onClick={onAdd}
          disabled={rows.length >= LIMITS.maxPoints}
        >
          <span aria-hidden="true">+ </span>
          {t('data.addRow')}
        </button>
        {rows.length > VISIBLE_ROWS ? (
          <button type="button" className="button button-small" onClick={() => setShowAll(!showAll)}>
            {showAll
              ? t('data.table.showFewer', { n: VISIBLE_ROWS })
              : t('data.table.showAll', { n: rows.length })}
          </button>
        ) : null}
      </div>
    </div>
  );
}

interface RowProps {
  readonly index: number;
  readonly x: string;
  readonly y: string;
  readonly xMessage: string | null;
  readonly yMessage: string | null;
  readonly canRemove: boolean;
  readonly t: Translate;
  readonly onEdit: (index: number, column: DataColumn, text: string) => void;
  readonly onRemove: (index: number) => void;
}

const Row = memo(function Row({ index, x, y, xMessage, yMessage, canRemove, t, onEdit, onRemove }: RowProps) {
  const n = index + 1;
  return (
    <tr className={xMessage || yMessage ? 'has-problem' : undefined}>
      <th scope="row" className="data-index">
        {n}
      </th>
      <td>
        <Cell
          value={x}
          label={t('data.cellX', { n })}
          message={xMessage}
          cell={cellKey(index, 'x')}
          onChange={(text) => onEdit(index, 'x', text)}
        />
      </td>
      <td>
        <Cell
          value={y}
          label={t('data.cellY', { n })}
          message={yMessage}
          cell={cellKey(index, 'y')}
          onChange={(text) => onEdit(index, 'y', text)}
        />
      </td>
      <td className="data-row-action">
        <button
          type="button"
          className="data-remove-row"
          aria-label={t('data.removeRow', { n })}
          title={canRemove ? t('data.removeRow', { n }) : t('data.lastPoint')}
          disabled={!canRemove}
          onClick={() => onRemove(index)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </td>
    </tr>
  );
});

function Cell({
  value,
  label,
  message,
  cell,
  onChange,
}: {
  value: string;
  label: string;
  message: string | null;
  cell: string;
  onChange: (text: string) => void;
}) {
  const errorId = useId();
  return (
    <div className="data-cell">
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        aria-invalid={message !== null}
        aria-describedby={message !== null ? errorId : undefined}
        data-cell={cell}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {message !== null ? (
        <span id={errorId} className="field-error data-cell-error">
          {message}
        </span>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Paste box

function pasteMessage(t: Translate, problem: PasteProblem): string {
  switch (problem.kind) {
    case 'not-a-number':
      return t('data.paste.notANumber', { line: problem.line, text: problem.text });
    case 'cell-count':
      return t('data.paste.cellCount', { line: problem.line, count: problem.count });
    case 'length-mismatch':
      return t('data.paste.lengthMismatch', { xCount: problem.xCount, yCount: problem.yCount });
    case 'missing-column':
      return t('data.paste.missingColumn', { column: problem.column });
  }
}

/** At most this many problems are listed under the paste box; the rest are counted. */
const LISTED_PROBLEMS = 4;

/** Applies the parsed text when it is a valid data set different from the store's. */
function applyPaste(store: PlaygroundStore, text: string): void {
  const parsed = parsePastedData(text);
  if (parsed.layout === 'empty' || parsed.problems.length > 0) return;
  if (dataProblems(parsed.xs, parsed.ys).length > 0) return;
  const { settings, actions } = store.getState();
  if (sameData(parsed, settings)) return;
  actions.updateSettings({ xs: parsed.xs, ys: parsed.ys });
}

function PasteBox() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  const xs = usePlaygroundSelector(selectXs);
  const ys = usePlaygroundSelector(selectYs);
  const [text, setText] = useState('');
  const id = useId();
  const parsed = useMemo(() => parsePastedData(text), [text]);
  const invalid = useMemo(
    () =>
      parsed.problems.length === 0 && parsed.layout !== 'empty' ? dataProblems(parsed.xs, parsed.ys) : [],
    [parsed],
  );
  const messages = [
    ...parsed.problems.slice(0, LISTED_PROBLEMS).map((problem) => pasteMessage(t, problem)),
    ...invalid.slice(0, LISTED_PROBLEMS).map((error) => validationMessage(t, error)),
  ];
  const more = parsed.problems.length + invalid.length - messages.length;
  if (more > 0) messages.push(t('data.paste.more', { n: more }));
  const ok = parsed.layout !== 'empty' && messages.length === 0;
  const inUse = ok && sameData(parsed, { xs, ys });

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
          setText(next);
          applyPaste(store, next);
        }}
      />
      {messages.length > 0 ? (
        <div id={`${id}-error`} className="field-error data-paste-problems" role="alert">
          {messages.map((message, i) => (
            <p key={i}>{message}</p>
          ))}
        </div>
      ) : inUse ? (
        <p className="data-paste-ok" role="status">
          {t('data.paste.inUse', { n: parsed.xs.length })}
        </p>
      ) : null}
    </div>
  );
}
