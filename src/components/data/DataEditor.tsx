/**
 * The data as numbers: a table of x and y cells and a box to paste or type a whole data set. What is
 * typed stays as typed; it reaches the runs only once every cell is a valid number, and until then
 * the problems are marked next to the cells. Typed cells survive the data changing elsewhere (a point
 * moved, added or removed in the plot); when new data replace the table, the table says what went.
 */
import {
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
  draftDiffers,
  LIMITS,
  nextPoint,
  parseRows,
  pyFloat,
  readBlock,
  rebaseDraft,
  sameData,
  tableRows,
  type Dataset,
  type DataColumn,
  type DraftRow,
  type DroppedCell,
  type PasteProblem,
  type ValidationError,
} from '../../core';
import { useT, type Translate } from '../../i18n';
import { validationMessage } from '../../i18n/validation';
import { usePlaygroundSelector, usePlaygroundStoreApi } from '../../store/context';
import { selectModel, selectXs, selectYs } from '../../store/selectors';
import { cellKey, DataTableRow } from './DataTableRow';
import { dataProblems, pasteProblemText, useListText } from './dataText';
import { PasteBox } from './PasteBox';
import './dataEditor.css';

/** Rows shown at first; the rest behind "Show all" (a pasted data set may have thousands). */
export const VISIBLE_ROWS = 100;
/** Dropped cells named in the table's note; the rest are counted. */
const LISTED_DROPPED = 5;

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
  readonly rows: readonly DraftRow[];
  /** The store's data the draft was made against (the data it applied, once valid). */
  readonly base: Dataset;
  readonly check: Check;
}

/** What the table tells after an edit: which typed cells went, or what a pasted block did. */
type Note =
  | { readonly kind: 'dropped'; readonly replaced: boolean; readonly cells: readonly DroppedCell[] }
  | { readonly kind: 'filled'; readonly rows: number; readonly from: number; readonly header: string | null }
  | { readonly kind: 'refused'; readonly reason: 'ambiguous' }
  | { readonly kind: 'refused'; readonly reason: 'too-wide' | 'too-wide-from-y'; readonly columns: number }
  | { readonly kind: 'refused'; readonly reason: 'too-many'; readonly points: number }
  | { readonly kind: 'refused'; readonly reason: 'ragged'; readonly problem: PasteProblem };

function checkRows(rows: readonly DraftRow[]): Check {
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

function makeDraft(rows: readonly DraftRow[], base: Dataset): Draft {
  return { rows, base, check: checkRows(rows) };
}

function cellMessage(t: Translate, issue: CellIssue): string {
  if (issue.kind === 'validation') return validationMessage(t, issue.error);
  return t(issue.reason === 'empty' ? 'data.cell.empty' : 'data.cell.notANumber');
}

function noteText(t: Translate, list: (items: string[]) => string, note: Note): string {
  switch (note.kind) {
    case 'dropped': {
      const named = note.cells
        .slice(0, LISTED_DROPPED)
        .map((cell) =>
          t('data.table.droppedCell', { column: cell.column, n: cell.row + 1, text: cell.text }),
        );
      const rest = note.cells.length - named.length;
      if (rest > 0) named.push(t('data.table.droppedMore', { n: rest }));
      const key = note.replaced ? 'data.table.dropped.replaced' : 'data.table.dropped.removed';
      return t(key, { cells: list(named) });
    }
    case 'filled': {
      const filled = t('data.block.filled', { n: note.rows, from: note.from });
      return note.header === null ? filled : `${filled} ${t('data.block.header', { names: note.header })}`;
    }
    case 'refused':
      switch (note.reason) {
        case 'ambiguous':
          return t('data.block.ambiguous');
        case 'too-wide':
          return t('data.block.tooWide', { columns: note.columns });
        case 'too-wide-from-y':
          return t('data.block.tooWideFromY', { columns: note.columns });
        case 'too-many':
          return t('data.block.tooMany', { n: note.points, max: LIMITS.maxPoints });
        case 'ragged':
          return t('data.block.ragged', { problem: pasteProblemText(t, note.problem) });
      }
  }
}

/**
 * The rows after pasting a block of cell texts at row `index`, column `column`: it fills the table
 * from there, right and down, adding rows past the end; or why it cannot.
 */
function fillFrom(
  rows: readonly DraftRow[],
  index: number,
  column: DataColumn,
  text: string,
): { rows: DraftRow[]; note: Note } | { rows: null; note: Note } {
  const block = readBlock(text);
  if (block.kind === 'ambiguous') return { rows: null, note: { kind: 'refused', reason: 'ambiguous' } };
  if (block.kind === 'ragged') {
    return { rows: null, note: { kind: 'refused', reason: 'ragged', problem: block.problem } };
  }
  const start = column === 'x' ? 0 : 1;
  const width = block.rows[0]?.length ?? 0;
  if (start + width > 2) {
    const reason = start === 0 ? 'too-wide' : 'too-wide-from-y';
    return { rows: null, note: { kind: 'refused', reason, columns: width } };
  }
  const points = Math.max(rows.length, index + block.rows.length);
  if (points > LIMITS.maxPoints) return { rows: null, note: { kind: 'refused', reason: 'too-many', points } };
  const next = [...rows];
  block.rows.forEach((cells, k) => {
    let row: DraftRow = next[index + k] ?? { x: '', y: '', origin: null };
    cells.forEach((cell, j) => {
      row = { ...row, [start + j === 0 ? 'x' : 'y']: cell };
    });
    next[index + k] = row;
  });
  const header = block.header ? block.header.join(', ') : null;
  return { rows: next, note: { kind: 'filled', rows: block.rows.length, from: index + 1, header } };
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
  const list = useListText();
  const store = usePlaygroundStoreApi();
  const xs = usePlaygroundSelector(selectXs);
  const ys = usePlaygroundSelector(selectYs);
  const model = usePlaygroundSelector(selectModel);
  const data = useMemo(() => ({ xs, ys }), [xs, ys]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [showAll, setShowAll] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const focusWanted = useRef<string | null>(null);
  const pendingId = useId();

  // The data moved on elsewhere (the plot, a preset, the paste box): keep the table's own edits,
  // each in the row of its point, and say which could not be kept.
  let current = draft;
  if (draft && (draft.base.xs !== xs || draft.base.ys !== ys)) {
    const rebased = rebaseDraft(draft.rows, draft.base, data);
    current = rebased.rows ? makeDraft(rebased.rows, data) : null;
    setDraft(current);
    if (rebased.dropped.length > 0) {
      setNote({ kind: 'dropped', replaced: rebased.replaced, cells: rebased.dropped });
    }
  }
  const stored = useMemo(() => tableRows(data), [data]);
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
    (next: readonly DraftRow[]) => {
      const { settings, actions } = store.getState();
      const base = { xs: settings.xs, ys: settings.ys };
      const candidate = makeDraft(next, base);
      const valid = candidate.check.data;
      if (!valid) {
        setDraft(candidate);
        return;
      }
      // Every cell valid: the rows are the data now, row i standing for point i.
      const own = next.map((row, i) => ({ ...row, origin: i }));
      const applied = !sameData(valid, base) && actions.updateSettings(valid);
      setDraft({ rows: own, base: applied ? valid : base, check: candidate.check });
    },
    [store],
  );

  const onEdit = useCallback(
    (index: number, column: DataColumn, text: string) => {
      const next = [...latest.current.rows];
      const row = next[index];
      if (!row) return;
      next[index] = { ...row, [column]: text };
      setNote(null);
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
      setNote(null);
      commit(next);
    },
    [commit],
  );

  const onPasteBlock = useCallback(
    (index: number, column: DataColumn, text: string) => {
      const filled = fillFrom(latest.current.rows, index, column, text);
      setNote(filled.note);
      if (!filled.rows) return;
      if (filled.rows.length > VISIBLE_ROWS) setShowAll(true);
      commit(filled.rows);
    },
    [commit],
  );

  const onAdd = () => {
    if (rows.length >= LIMITS.maxPoints) return;
    const point = nextPoint(check?.data ?? data, model);
    const next = [...rows, { x: pyFloat(point.x), y: pyFloat(point.y), origin: null }];
    focusWanted.current = cellKey(next.length - 1, 'x');
    if (next.length > VISIBLE_ROWS) setShowAll(true);
    setNote(null);
    commit(next);
  };

  const onBlur = (event: ReactFocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget;
    if (to instanceof Node && event.currentTarget.contains(to)) return;
    // Leaving the table with everything applied: show the numbers the canonical way again.
    if (current && !draftDiffers(current.rows, current.base)) setDraft(null);
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
      <DataTableRow
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
        onPasteBlock={onPasteBlock}
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
        {note ? (
          <div className={`data-note${note.kind === 'filled' ? '' : ' data-note-warn'}`}>
            <p>{noteText(t, list, note)}</p>
            <button type="button" className="button button-small" onClick={() => setNote(null)}>
              {t('data.table.dismiss')}
            </button>
          </div>
        ) : null}
        {problems > 0 ? (
          <div className="data-pending" id={pendingId}>
            <p>{t('data.table.pending')}</p>
            {check?.table.map((error, i) => (
              <p key={i} className="field-error">
                {validationMessage(t, error)}
              </p>
            ))}
            {hiddenProblems ? <p>{t('data.table.hiddenProblems')}</p> : null}
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setDraft(null);
                setNote(null);
              }}
            >
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
