import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  LINE_HEIGHT,
  OVERSCAN,
  PythonOutput,
  VISIBLE_LINES,
} from '../../../src/components/python/PythonOutput';
import { lectureConfig, OVERFLOW_ERROR_LINE, pythonTranscript } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore } from '../../../src/store/playground';
import { lectureOutput } from '../../core/helpers/fixtures';
import {
  hasCursor,
  renderOutput,
  scrollTo,
  setUpPythonOutputTests,
  shown,
  shownIndices,
  step,
} from '../helpers/pythonOutput';

setUpPythonOutputTests();

describe('PythonOutput: the printout grows with the clock', () => {
  it('starts with the before-training line and a cursor, and prints GD’s epochs as the clock steps', () => {
    const { store, log } = renderOutput('gd');
    expect(shown(log)).toEqual(['predict (before training) 4 4.0']);
    expect(hasCursor(log)).toBe(true);
    expect(screen.getByText('Lines printed: 1')).toBeInTheDocument();

    step(store);
    expect(shown(log)).toEqual([
      'predict (before training) 4 4.0',
      'epoch: 0 w= 1.0933333333333333 loss= 4.666666666666667',
    ]);
    step(store, 2);
    expect(shown(log).at(-1)).toBe('epoch: 2 w= 1.2546797037037036 loss= 3.1535329869958857');
    expect(screen.getByText('Lines printed: 4')).toBeInTheDocument();
    // The loop has not ended, so the script has not printed its last line yet.
    expect(log).not.toHaveTextContent('predict (after training)');
    expect(hasCursor(log)).toBe(true);
  });

  it('prints SGD’s grad lines with their leading tab, then progress', () => {
    const { store, log } = renderOutput('sgd');
    step(store);
    expect(shown(log)).toEqual([
      'predict (before training) 4 4.0',
      '\tgrad: 1.0 2.0 -2.0',
      '\tgrad: 2.0 4.0 -7.84',
      '\tgrad: 3.0 6.0 -16.2288',
      'progress: 0 w= 1.260688 loss= 4.919240100095999',
    ]);
  });

  it('shows the grad lines of the updates taken so far inside an SGD epoch', () => {
    const { store, log } = renderOutput('sgd');
    act(() => store.getState().actions.stepSample());
    expect(shown(log)).toEqual(['predict (before training) 4 4.0', '\tgrad: 1.0 2.0 -2.0']);
    act(() => store.getState().actions.stepSample());
    expect(shown(log).slice(1)).toEqual(['\tgrad: 1.0 2.0 -2.0', '\tgrad: 2.0 4.0 -7.84']);
    expect(screen.getByText('Lines printed: 3')).toBeInTheDocument();
    // The third sample ends the epoch: its grad line and the progress line.
    act(() => store.getState().actions.stepSample());
    expect(shown(log).slice(3)).toEqual([
      '\tgrad: 3.0 6.0 -16.2288',
      'progress: 0 w= 1.260688 loss= 4.919240100095999',
    ]);
  });

  it('ends with the after-training line, and no cursor, when the clock reaches the set epochs', () => {
    const { store, log } = renderOutput('gd');
    act(() => store.getState().actions.runToEnd());
    expect(shown(log).slice(-2)).toEqual([
      'epoch: 99 w= 1.9999444396553017 loss= 1.752432687141379e-08',
      'predict (after training) 4 7.999777758621207',
    ]);
    expect(hasCursor(log)).toBe(false);
    expect(screen.getByText('Lines printed: 102')).toBeInTheDocument();
    // Every line on screen is the reference transcript's line at that index.
    const reference = lectureOutput('gradient_descent').split('\n');
    shownIndices(log).forEach((index, i) => expect(shown(log)[i]).toBe(reference[index]));
  });

  it('lengthening a finished run takes the after-training line back until the new end', () => {
    const store = createPlaygroundStore();
    store.getState().actions.updateSettings({ epochs: 3 });
    const { log } = renderOutput('gd', store);
    act(() => store.getState().actions.runToEnd());
    expect(shown(log).at(-1)).toBe('predict (after training) 4 5.0187188148148145');
    act(() => {
      store.getState().actions.updateSettings({ epochs: 5 });
    });
    expect(shown(log).at(-1)).toBe('epoch: 2 w= 1.2546797037037036 loss= 3.1535329869958857');
    expect(hasCursor(log)).toBe(true);
  });

  it('a halted GD run ends where Python’s output does: the epoch after it, then OverflowError', () => {
    const store = createPlaygroundStore();
    expect(store.getState().actions.updateSettings({ lr: 1, epochs: 300 })).toBe(true);
    const { log } = renderOutput('gd', store);
    act(() => store.getState().actions.runToEnd());
    // The app stops in epoch 167 (the lecture's 166), whose cost after the update overflows. The
    // script prints that epoch (its loss is the cost before the update) and fails in the next cost().
    expect(store.getState().runs.gd.epoch).toBe(166);
    expect(shown(log).slice(-3)).toEqual([
      'epoch: 165 w= -7.176507715393806e+152 loss= 3.4609520728679797e+304',
      'epoch: 166 w= 5.980423096161505e+153 loss= 2.4034389394916522e+306',
      OVERFLOW_ERROR_LINE,
    ]);
    expect(screen.getByText('Lines printed: 169')).toBeInTheDocument();
    expect(hasCursor(log)).toBe(false);
    expect(log).not.toHaveTextContent('predict (after training)');
    expect(
      screen.getByText(
        'Downhill stopped this run in epoch 167 (the lecture’s epoch: 166), where its numbers overflow the largest double. ' +
          'The lecture’s script fails in epoch 168 (the lecture’s epoch: 167) before printing anything for it: ' +
          'cost() squares y_pred - y for x = 3.0 with **2, and Python’s ** raises OverflowError when the result ' +
          'is too large for a double (×, + and − just give inf).',
      ),
    ).toBeInTheDocument();
  });

  it('a halted SGD run ends with the grad line whose loss overflows, then OverflowError', () => {
    const store = createPlaygroundStore();
    expect(store.getState().actions.updateSettings({ lr: 1, epochs: 300 })).toBe(true);
    const { log } = renderOutput('sgd', store);
    act(() => store.getState().actions.runToEnd());
    // The app stops in epoch 74 (the lecture's 73) on its cost after the epoch, which the script never
    // computes: it prints all of that epoch and two grad lines of the next.
    expect(store.getState().runs.sgd.epoch).toBe(73);
    expect(shown(log).slice(-4)).toEqual([
      'progress: 73 w= -3.894710155952359e+153 loss= 1.3651890478990608e+308',
      '\tgrad: 1.0 2.0 -7.789420311904719e+153',
      '\tgrad: 2.0 4.0 3.1157681247618875e+154',
      OVERFLOW_ERROR_LINE,
    ]);
    expect(screen.getByText('Lines printed: 300')).toBeInTheDocument();
    expect(hasCursor(log)).toBe(false);
    expect(
      screen.getByText(
        'Downhill stopped this run in epoch 74 (the lecture’s epoch: 73), where its numbers overflow the largest double. ' +
          'The lecture’s script fails in epoch 75 (the lecture’s epoch: 74) right after the grad line for x = 2.0: ' +
          'loss() squares y_pred - y with **2, and Python’s ** raises OverflowError when the result ' +
          'is too large for a double (×, + and − just give inf).',
      ),
    ).toBeInTheDocument();
  });

  it('stepping SGD sample by sample stops printing at the update whose loss overflows', () => {
    const store = createPlaygroundStore();
    expect(store.getState().actions.updateSettings({ lr: 2, epochs: 300 })).toBe(true);
    const { log } = renderOutput('sgd', store);
    step(store, 48);
    act(() => store.getState().actions.stepSample());
    expect(shown(log).at(-1)).toBe('\tgrad: 1.0 2.0 -5.895176139034746e+153');
    expect(hasCursor(log)).toBe(true);
    // The second sample's loss() overflows: Python prints its grad line and fails there.
    act(() => store.getState().actions.stepSample());
    expect(store.getState().runs.sgd.status).toBe('running');
    expect(shown(log).slice(-3)).toEqual([
      '\tgrad: 1.0 2.0 -5.895176139034746e+153',
      '\tgrad: 2.0 4.0 7.074211366841696e+154',
      OVERFLOW_ERROR_LINE,
    ]);
    expect(hasCursor(log)).toBe(false);
    expect(
      screen.getByText(
        'The lecture’s script fails in epoch 49 (the lecture’s epoch: 48) right after the grad line for x = 2.0: ' +
          'loss() squares y_pred - y with **2, and Python’s ** raises OverflowError when the result ' +
          'is too large for a double (×, + and − just give inf).',
      ),
    ).toBeInTheDocument();
    // The epoch's last sample halts the run; Python's output stays as it was.
    const before = shown(log);
    act(() => store.getState().actions.stepSample());
    expect(store.getState().runs.sgd.status).toBe('diverged');
    expect(shown(log)).toEqual(before);
  });

  it('a run halted in its last epoch that Python finishes ends with the after-training line', () => {
    const store = createPlaygroundStore();
    expect(store.getState().actions.updateSettings({ lr: 1, epochs: 167 })).toBe(true);
    const { log } = renderOutput('gd', store);
    act(() => store.getState().actions.runToEnd());
    expect(store.getState().runs.gd.status).toBe('diverged');
    expect(shown(log).slice(-2)).toEqual([
      'epoch: 166 w= 5.980423096161505e+153 loss= 2.4034389394916522e+306',
      'predict (after training) 4 2.392169238464602e+154',
    ]);
    expect(hasCursor(log)).toBe(false);
    expect(
      screen.getByText(
        'Downhill stopped this run in epoch 167 (the lecture’s epoch: 166), where its numbers overflow the largest double. ' +
          'The lecture’s script does not fail: none of its (y_pred - y)**2 is too large for a double ' +
          '(only ** raises OverflowError; ×, + and − give inf or nan without an error), so it prints on to its last line.',
      ),
    ).toBeInTheDocument();
  });

  it('says what happened in Chinese too', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const store = createPlaygroundStore();
    expect(store.getState().actions.updateSettings({ lr: 1, epochs: 300 })).toBe(true);
    render(
      <PlaygroundProvider store={store}>
        <PythonOutput id="gd" />
      </PlaygroundProvider>,
    );
    act(() => store.getState().actions.runToEnd());
    expect(
      screen.getByText(
        'Downhill 在第 167 个 epoch（课程输出中的 epoch: 166）停止了这次训练：数值超出了双精度浮点数的最大值。' +
          '课程代码在第 168 个 epoch（课程输出中的 epoch: 167）还没输出这一轮就出错了：cost() 用 **2 计算 x = 3.0 处 y_pred - y 的平方，' +
          '结果超出了双精度浮点数的范围，Python 的 ** 因此抛出 OverflowError（×、+、− 溢出时只会得到 inf，不会报错）。',
      ),
    ).toBeInTheDocument();
  });
});

describe('PythonOutput: a terminal that stays smooth', () => {
  const windowSize = VISIBLE_LINES + 2 * OVERSCAN + 1;

  it('renders only a window of 40,002 lines of SGD, the newest at the bottom', () => {
    const store = createPlaygroundStore();
    expect(store.getState().actions.updateSettings({ epochs: 10_000 })).toBe(true);
    const { log } = renderOutput('sgd', store);
    act(() => store.getState().actions.runToEnd());
    expect(screen.getByText('Lines printed: 40002')).toBeInTheDocument();
    const lines = log.querySelectorAll('.py-line');
    expect(lines.length).toBeGreaterThanOrEqual(VISIBLE_LINES);
    expect(lines.length).toBeLessThanOrEqual(windowSize);
    // The spacer keeps the scrollbar true to all 40,002 lines.
    expect((log.firstElementChild as HTMLElement).style.height).toBe(`${40_002 * LINE_HEIGHT}px`);
    // Followed to the end, and each line is the transcript's own line at its index.
    const full = pythonTranscript({ ...lectureConfig('sgd'), epochs: 10_000 }).split('\n');
    const indices = shownIndices(log);
    expect(indices.at(-1)).toBe(40_001);
    expect(shown(log)).toEqual(indices.map((i) => full[i]));
    expect(shown(log).at(-1)).toBe('predict (after training) 4 7.999999999999997');
  });

  it('follows the newest line, but leaves a person who scrolled up to read where they are', () => {
    const { store, log } = renderOutput('gd');
    step(store, 50);
    expect(shown(log)).toContain('epoch: 49 w= 1.9925461188164473 loss= 0.00031541069384432885');
    expect(shown(log)).not.toContain('predict (before training) 4 4.0');
    expect(log.scrollTop).toBe(52 * LINE_HEIGHT);

    scrollTo(log, 0);
    expect(shown(log)[0]).toBe('predict (before training) 4 4.0');
    step(store, 5);
    // Still reading the top; the new epochs are printed below, out of view.
    expect(shown(log)[0]).toBe('predict (before training) 4 4.0');
    expect(screen.getByText('Lines printed: 56')).toBeInTheDocument();
    expect(shown(log).join('\n')).not.toContain('epoch: 54 ');

    // Scrolling back to the bottom follows again.
    scrollTo(log, 57 * LINE_HEIGHT - VISIBLE_LINES * LINE_HEIGHT);
    step(store);
    expect(shown(log).at(-1)).toMatch(/^epoch: 55 w= /);
  });

  it('follows again when the printout starts over (reset)', () => {
    const { store, log } = renderOutput('gd');
    step(store, 40);
    scrollTo(log, 0);
    act(() => store.getState().actions.reset());
    step(store, 30);
    expect(shown(log).at(-1)).toMatch(/^epoch: 29 w= /);
    expect(shown(log)).not.toContain('predict (before training) 4 4.0');
  });

  it('is a named, focusable log that does not announce every line', () => {
    const { log } = renderOutput('gd');
    expect(log).toHaveAttribute('tabindex', '0');
    expect(log).toHaveAttribute('aria-live', 'off');
  });
});
