// Pasting into the data panel: blocks into cells, spreadsheet columns, ambiguous readings and header rows.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../../src/i18n';
import { data, pasteBox, renderDataPanel, rowCount, xCell, yCell } from '../helpers/dataPanel';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

describe('DataPanel: pasting into the table', () => {
  it('fills the table from the cell a block is pasted into, adding rows past the end', async () => {
    const { store, user } = renderDataPanel();
    await user.click(xCell(2));
    await user.paste('x\ty\r\n5\t10\r\n6,5\t13\r\n7\t14\r\n');
    expect(data(store)).toEqual({ xs: [1, 5, 6.5, 7], ys: [2, 10, 13, 14] });
    expect(xCell(3)).toHaveValue('6.5');
    expect(screen.getByText(/Pasted 3 rows into the table, from point 2 on\./)).toHaveTextContent(
      /Its first line, “x, y”, is a header row, not data/,
    );

    // A column of y values from row 1; then a block too wide for the y column, refused.
    await user.click(yCell(1));
    await user.paste('3\n4');
    expect(data(store).ys).toEqual([3, 4, 13, 14]);
    await user.click(yCell(1));
    await user.paste('8\t9\n1\t2');
    expect(
      screen.getByText(/Not pasted: the block has 2 columns, but from the y column on/),
    ).toBeInTheDocument();
    expect(data(store).ys).toEqual([3, 4, 13, 14]);
  });

  it('applies a spreadsheet paste of two columns', async () => {
    const { store, user } = renderDataPanel();
    await user.click(screen.getByRole('textbox', { name: 'Paste data' }));
    await user.paste('1\t2\n2\t4\n3\t7');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 7] });
    expect(yCell(3)).toHaveValue('7.0');
    expect(screen.getByText('In use: 3 points.')).toBeInTheDocument();
  });

  it('applies x and y lines with the Chinese comma and full-width digits', async () => {
    const { store, user } = renderDataPanel();
    await user.click(screen.getByRole('textbox', { name: 'Paste data' }));
    await user.paste('x: １，２，３，４\ny: 2.5，4.5，6.5，8.5');
    expect(data(store)).toEqual({ xs: [1, 2, 3, 4], ys: [2.5, 4.5, 6.5, 8.5] });
    expect(rowCount()).toBe(4);
  });

  it('names the problems of a bad paste and keeps the data in use', async () => {
    const { store, user } = renderDataPanel();
    const box = screen.getByRole('textbox', { name: 'Paste data' });
    await user.click(box);
    await user.paste('1\t2\n2\tabc\n3');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Line 2, column 2: “abc” is not a number.');
    expect(alert).toHaveTextContent('Line 3 has 1 cell, but line 1 has 2.');
    expect(box).toHaveValue('1\t2\n2\tabc\n3');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });

    await user.clear(box);
    await user.paste('x: 1, 2, 3\ny: 2, 4');
    expect(screen.getByRole('alert')).toHaveTextContent('3 x values but 2 y values');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });

    // One column is never read as points; an empty cell is named, never skipped.
    await user.clear(box);
    await user.paste('1\n2');
    expect(screen.getByRole('alert')).toHaveTextContent('Only one column of numbers');
    await user.clear(box);
    await user.paste('1\t\t2');
    expect(screen.getByRole('alert')).toHaveTextContent('Line 1, column 2 is empty');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
  });

  it('asks which reading a paste means, and uses the one chosen', async () => {
    const { store, user } = renderDataPanel();
    await user.click(pasteBox());
    await user.paste('1,000\t2\n3\t4\n5\t6');
    const group = screen.getByRole('group', {
      name: 'This paste can be read in 2 ways. Which did you mean?',
    });
    const decimal = within(group).getByRole('radio', { name: /“1,000” is 1\.0: a decimal comma/ });
    const thousands = within(group).getByRole('radio', {
      name: /“1,000” is 1000\.0: the comma groups thousands/,
    });
    expect(thousands).toHaveAccessibleName(/3 points: \(1000\.0, 2\.0\), \(3\.0, 4\.0\), \(5\.0, 6\.0\)/);
    // Nothing is used until a reading is chosen.
    expect(screen.getByText('Choose a reading above to use these data.')).toHaveAttribute('role', 'status');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
    await user.click(thousands);
    expect(data(store)).toEqual({ xs: [1000, 3, 5], ys: [2, 4, 6] });
    await user.click(decimal);
    expect(data(store)).toEqual({ xs: [1, 3, 5], ys: [2, 4, 6] });
    expect(screen.getByText('In use: 3 points.')).toBeInTheDocument();

    // The paste: decimal commas, and two lines that may be points or an x and a y line.
    await user.clear(pasteBox());
    await user.paste('1,5\t3,0\n2,5\t5,0');
    expect(screen.getAllByRole('radio')).toHaveLength(2);
    await user.click(screen.getByRole('radio', { name: /^Each line is a point: x, then y/ }));
    expect(data(store)).toEqual({ xs: [1.5, 2.5], ys: [3, 5] });
    expect(screen.getByText('In use: 2 points.')).toBeInTheDocument();
  });

  it('shows a header row as one, and has the x and y columns chosen among three', async () => {
    const { store, user } = renderDataPanel();
    await user.click(pasteBox());
    await user.paste('week\thours\tscore\n1\t2\t50\n2\t4\t70\n3\t5\t80\n');
    expect(screen.getByText('Header row, not data: week, hours, score.')).toBeInTheDocument();
    expect(screen.getByText('Choose the x and y columns to use these data.')).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'Which columns hold x and y?' });
    const xFrom = within(group).getByRole('combobox', { name: 'x values' });
    expect(xFrom).toHaveValue('');
    expect(
      within(xFrom).getByRole('option', { name: 'Column 2 · hours · 2.0, 4.0, 5.0' }),
    ).toBeInTheDocument();
    await user.selectOptions(xFrom, '1');
    expect(data(store)).toEqual({ xs: [1, 2, 3], ys: [2, 4, 6] });
    await user.selectOptions(within(group).getByRole('combobox', { name: 'y values' }), '1');
    expect(screen.getByText(/x and y come from the same column/)).toBeInTheDocument();
    await user.selectOptions(within(group).getByRole('combobox', { name: 'y values' }), '2');
    expect(data(store)).toEqual({ xs: [2, 4, 5], ys: [50, 70, 80] });
    expect(rowCount()).toBe(3);
  });
});
