import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { PythonOutput } from '../../../src/components/python/PythonOutput';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore, DEFAULT_SETTINGS } from '../../../src/store/playground';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

function haltedMomentum() {
  const store = createPlaygroundStore({ ...DEFAULT_SETTINGS, third: 'momentum' });
  expect(store.getState().actions.updateSettings({ lr: 1, epochs: 300 })).toBe(true);
  render(
    <PlaygroundProvider store={store}>
      <PythonOutput id="momentum" />
    </PlaygroundProvider>,
  );
  act(() => store.getState().actions.runToEnd());
  const run = store.getState().runs.momentum!;
  expect(run.status).toBe('diverged');
  return run.divergedAtEpoch!;
}

describe('PythonOutput: where a run that is not the lecture’s stopped', () => {
  it('counts the epoch as its own script does, not as “the lecture’s”', () => {
    const k = haltedMomentum();
    const note = screen.getByText(/^Downhill stopped this run in epoch/);
    expect(note).toHaveTextContent(
      `Downhill stopped this run in epoch ${k + 1} (epoch: ${k} as its script counts), where its numbers overflow the largest double.`,
    );
    expect(note).not.toHaveTextContent(/lecture/);
  });

  it('in Chinese too', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const k = haltedMomentum();
    const note = screen.getByText(/^Downhill 在第/);
    expect(note).toHaveTextContent(
      `Downhill 在第 ${k + 1} 个 epoch（按它的代码计数为 epoch: ${k}）停止了这次训练`,
    );
    expect(note).not.toHaveTextContent(/课程/);
  });
});
