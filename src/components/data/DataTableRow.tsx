/** One row of the data table: the point's number, its x and y cells, and its remove button. */
import { memo, useId } from 'react';
import { isBlock, type DataColumn } from '../../core';
import type { Translate } from '../../i18n';

export const cellKey = (row: number, column: DataColumn) => `${row}:${column}`;

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
  /** A block of cells (a spreadsheet's rectangle) pasted into a cell: it fills the table from there. */
  readonly onPasteBlock: (index: number, column: DataColumn, text: string) => void;
}

export const DataTableRow = memo(function DataTableRow({
  index,
  x,
  y,
  xMessage,
  yMessage,
  canRemove,
  t,
  onEdit,
  onRemove,
  onPasteBlock,
}: RowProps) {
  const n = index + 1;
  const cell = (column: DataColumn, value: string, message: string | null) => (
    <td>
      <Cell
        value={value}
        label={t(column === 'x' ? 'data.cellX' : 'data.cellY', { n })}
        message={message}
        cell={cellKey(index, column)}
        onChange={(text) => onEdit(index, column, text)}
        onPasteBlock={(text) => onPasteBlock(index, column, text)}
      />
    </td>
  );
  return (
    <tr className={xMessage || yMessage ? 'has-problem' : undefined}>
      <th scope="row" className="data-index">
        {n}
      </th>
      {cell('x', x, xMessage)}
      {cell('y', y, yMessage)}
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
  onPasteBlock,
}: {
  value: string;
  label: string;
  message: string | null;
  cell: string;
  onChange: (text: string) => void;
  onPasteBlock: (text: string) => void;
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
        onPaste={(event) => {
          const text = event.clipboardData.getData('text/plain');
          // One value pastes as usual; a block would otherwise lose its line breaks in one cell.
          if (!isBlock(text)) return;
          event.preventDefault();
          onPasteBlock(text);
        }}
      />
      {message !== null ? (
        <span id={errorId} className="field-error data-cell-error">
          {message}
        </span>
      ) : null}
    </div>
  );
}
