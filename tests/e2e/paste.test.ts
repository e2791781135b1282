import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDataPanel, POLL, sharedBrowser, expectNoErrors } from './browser';

const chromium = sharedBrowser();

/** Opens the app with its data panel drawn and scrolled into view; `app` is the panel's parts. */
async function open() {
  const opened = await openDataPanel(chromium.current);
  await opened.app.panel.scrollIntoViewIfNeeded();
  return opened;
}

/** Pastes `text` into an element as a spreadsheet's copy would: a paste event with the text. */
async function pasteInto(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

describe('pasting data', () => {
  it('asks how to read spreadsheet rows with decimal commas, and uses the reading chosen', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await app.pasteBox.fill('1,5\t3,0\n2,5\t5,0');
      const question = app.panel.getByRole('group', { name: /can be read in 2 ways/ });
      await question.waitFor({ state: 'visible', timeout: POLL.timeout });
      // Nothing is used until a reading is chosen: the lecture's data stay.
      expect(await app.xCells.count()).toBe(3);
      await question.getByRole('radio', { name: /^Each line is a point: x, then y/ }).check();
      await expect.poll(() => app.xCells.count(), POLL).toBe(2);
      expect(await app.xCell(1).inputValue()).toBe('1.5');
      expect(await app.yCell(2).inputValue()).toBe('5.0');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('shows a header row as one and has the x and y columns chosen among three', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await app.pasteBox.fill('week\thours\tscore\r\n1\t2\t50\r\n2\t4\t70\r\n3\t5\t80\r\n');
      await app.panel
        .getByText('Header row, not data: week, hours, score.')
        .waitFor({ state: 'visible', timeout: POLL.timeout });
      const columns = app.panel.getByRole('group', { name: 'Which columns hold x and y?' });
      await columns.getByRole('combobox', { name: 'x values' }).selectOption('1');
      await columns.getByRole('combobox', { name: 'y values' }).selectOption('2');
      await expect.poll(() => app.yCell(3).inputValue(), POLL).toBe('80.0');
      expect(await app.xCell(3).inputValue()).toBe('5.0');
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('refuses one column and names an empty cell, keeping the data in use', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await app.pasteBox.fill('1\n2');
      const alert = app.panel.getByRole('alert');
      await expect.poll(() => alert.innerText(), POLL).toMatch(/Only one column of numbers/);
      await app.pasteBox.fill('1\t\t2');
      await expect.poll(() => alert.innerText(), POLL).toMatch(/Line 1, column 2 is empty/);
      expect(await app.xCells.count()).toBe(3);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('fills the table from the cell a block is pasted into', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await pasteInto(app.xCell(2), '5\t10\r\n6\t12\r\n7\t14\r\n');
      await expect.poll(() => app.xCells.count(), POLL).toBe(4);
      expect(await app.xCell(2).inputValue()).toBe('5');
      expect(await app.yCell(4).inputValue()).toBe('14');
      await app.panel
        .getByText(/Pasted 3 rows into the table, from point 2 on/)
        .waitFor({ state: 'visible', timeout: POLL.timeout });
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });

  it('keeps a typed cell when a point is added in the plot, and says what a preset dropped', async () => {
    const opened = await open();
    const { page, app } = opened;
    try {
      await app.xCell(2).fill('4,7');
      expect(await app.xCell(2).getAttribute('aria-invalid')).toBe('true');
      // Upper left of the plot area, far from the lecture's points: a new point there.
      const box = (await app.plot.boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.15);
      await expect.poll(() => app.xCells.count(), POLL).toBe(4);
      expect(await app.xCell(2).inputValue()).toBe('4,7');
      expect(await app.xCell(2).getAttribute('aria-invalid')).toBe('true');

      await app.preset.selectOption('outlier');
      await expect.poll(() => app.xCells.count(), POLL).toBe(6);
      const note = app.panel.getByText(/^New data replaced the table/);
      await expect.poll(() => note.innerText(), POLL).toMatch(/x of point 2, “4,7”/);
      expectNoErrors(opened);
    } finally {
      await page.context().close();
    }
  });
});
