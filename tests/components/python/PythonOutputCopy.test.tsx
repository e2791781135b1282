import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PythonOutput } from '../../../src/components/python/PythonOutput';
import {
  DIVERGED_LINE,
  lectureConfig,
  optimizerOutputText,
  OVERFLOW_ERROR_LINE,
  scriptTranscript,
} from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import {
  createPlaygroundStore,
  type PlaygroundSettings,
  type PlaygroundStore,
} from '../../../src/store/playground';
import { scriptConfigOf } from '../../../src/store/scripts';
import { lectureOutput } from '../../core/helpers/fixtures';
import {
  hasCursor,
  mockClipboard,
  renderOutput,
  setUpPythonOutputTests,
  shown,
  step,
} from '../helpers/pythonOutput';

setUpPythonOutputTests();

describe('PythonOutput: Copy output', () => {
  it('copies the printout so far with navigator.clipboard and says so', async () => {
    const user = userEvent.setup();
    const writeText = mockClipboard();
    const { store } = renderOutput('gd');
    act(() => store.getState().actions.runToEnd());
    await user.click(screen.getByRole('button', { name: 'Copy output' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(lectureOutput('gradient_descent'));
    expect(screen.getByRole('status')).toHaveTextContent('Copied 102 lines.');
  });

  it('copies a halted run’s printout up to and with Python’s OverflowError', async () => {
    const user = userEvent.setup();
    const writeText = mockClipboard();
    const store = createPlaygroundStore();
    expect(store.getState().actions.updateSettings({ lr: 1, epochs: 300 })).toBe(true);
    renderOutput('sgd', store);
    act(() => store.getState().actions.runToEnd());
    await user.click(screen.getByRole('button', { name: 'Copy output' }));
    const text = `${scriptTranscript({ ...lectureConfig('sgd'), lr: 1, epochs: 300 })}\n`;
    expect(text.endsWith(`\tgrad: 2.0 4.0 3.1157681247618875e+154\n${OVERFLOW_ERROR_LINE}\n`)).toBe(true);
    expect(writeText).toHaveBeenCalledExactlyOnceWith(text);
    expect(screen.getByRole('status')).toHaveTextContent('Copied 300 lines.');
  });

  it('copies mid-run lines from the keyboard', async () => {
    const user = userEvent.setup();
    const writeText = mockClipboard();
    const { store } = renderOutput('sgd');
    step(store);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Copy output' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(writeText).toHaveBeenCalledExactlyOnceWith(
      lectureOutput('stochastic_gradient_descent').split('\n').slice(0, 5).join('\n') + '\n',
    );
  });

  it('falls back to the copy command when the clipboard refuses', async () => {
    const user = userEvent.setup();
    mockClipboard(vi.fn<(text: string) => Promise<void>>().mockRejectedValue(new Error('denied')));
    let copied = '';
    const execCommand = vi.fn((command: string) => {
      // What the fallback put in its selected textarea is what the copy command copies.
      copied = document.querySelector('textarea')?.value ?? '';
      return command === 'copy';
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    renderOutput('gd');
    await user.click(screen.getByRole('button', { name: 'Copy output' }));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toBe('predict (before training) 4 4.0\n');
    expect(screen.getByRole('status')).toHaveTextContent('Copied 1 lines.');
  });

  it('says so when there is no way to copy', async () => {
    const user = userEvent.setup();
    Reflect.deleteProperty(navigator, 'clipboard');
    renderOutput('gd');
    await user.click(screen.getByRole('button', { name: 'Copy output' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'The clipboard is not available here; use the download button instead.',
    );
  });

  it('speaks Chinese too', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    render(
      <PlaygroundProvider store={createPlaygroundStore()}>
        <PythonOutput id="gd" />
      </PlaygroundProvider>,
    );
    expect(screen.getByRole('button', { name: '复制输出' })).toBeInTheDocument();
    expect(screen.getByRole('log', { name: 'gradient_descent.py 的输出' })).toBeInTheDocument();
    expect(screen.getByText('已输出行数:1')).toBeInTheDocument();
  });
});

describe('PythonOutput: every optimizer prints one line per epoch', () => {
  const adamStore = (patch: Partial<PlaygroundSettings> = {}) => {
    const store = createPlaygroundStore();
    expect(store.getState().actions.updateSettings({ third: 'adam', ...patch })).toBe(true);
    return store;
  };
  const renderAdam = (store: PlaygroundStore) => {
    render(
      <PlaygroundProvider store={store}>
        <PythonOutput id="adam" />
      </PlaygroundProvider>,
    );
    return screen.getByRole('log', { name: 'What adam.py prints' });
  };

  it('Adam’s printout grows with the clock and ends as adam.py’s does', () => {
    const store = adamStore({ epochs: 20 });
    const log = renderAdam(store);
    expect(shown(log)).toEqual(['predict (before training) 4 4.0']);
    expect(hasCursor(log)).toBe(true);
    step(store, 2);
    const full = optimizerOutputText(scriptConfigOf(store.getState().settings, 'adam')).split('\n');
    expect(shown(log)).toEqual(full.slice(0, 3));
    expect(shown(log)[1]).toMatch(/^epoch: 0 w= \S+ loss= 4\.666666666666667$/);
    expect(screen.getByText('Lines printed: 3')).toBeInTheDocument();
    act(() => store.getState().actions.runToEnd());
    expect(shown(log)).toEqual(full.slice(0, 22));
    expect(shown(log).at(-1)).toMatch(/^predict \(after training\) 4 /);
    expect(hasCursor(log)).toBe(false);
  });

  it('a run that diverges prints on through inf and nan as its script does, and says where it stops', () => {
    const store = createPlaygroundStore();
    expect(
      store.getState().actions.updateSettings({ third: 'momentum', model: 'wb', lr: 1, epochs: 2000 }),
    ).toBe(true);
    render(
      <PlaygroundProvider store={store}>
        <PythonOutput id="momentum" />
      </PlaygroundProvider>,
    );
    const log = screen.getByRole('log', { name: 'What momentum.py prints' });
    act(() => store.getState().actions.runToEnd());
    expect(store.getState().runs.momentum!.status).toBe('diverged');
    const full = optimizerOutputText(scriptConfigOf(store.getState().settings, 'momentum')).split('\n');
    expect(full.at(-2)).toBe(DIVERGED_LINE);
    expect(shown(log)).toEqual(full.slice(-1 - shown(log).length, -1));
    expect(shown(log).at(-2)).toMatch(/^epoch: \d+ w= .*\b(inf|nan)\b/);
    expect(hasCursor(log)).toBe(false);
    expect(screen.getByText(/^Downhill stopped this run in epoch \d+/)).toHaveTextContent(
      'Its script squares with d*d, which gives inf instead of raising OverflowError: it prints on through ' +
        'inf and nan and stops after the first line that shows one.',
    );
  });
});
