/** Rendering the Python output view and reading its terminal: shared by its component tests. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { PythonOutput } from '../../../src/components/python/PythonOutput';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import {
  createPlaygroundStore,
  type LectureRunId,
  type PlaygroundStore,
} from '../../../src/store/playground';

/** English before each test; no clipboard or copy command left over from one test in the next. */
export function setUpPythonOutputTests(): void {
  beforeEach(() => {
    useLocaleStore.setState({ locale: 'en' });
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
    Reflect.deleteProperty(document, 'execCommand');
  });
}

export function renderOutput(id: LectureRunId, store: PlaygroundStore = createPlaygroundStore()) {
  const view = render(
    <PlaygroundProvider store={store}>
      <PythonOutput id={id} />
    </PlaygroundProvider>,
  );
  const name = id === 'gd' ? 'What gradient_descent.py prints' : 'What stochastic_gradient_descent.py prints';
  const log = screen.getByRole('log', { name });
  return { store, log, ...view };
}

/** The printed lines in the DOM, exactly as shown (the tab before `grad:` included), and their indices. */
export const shown = (log: HTMLElement): string[] =>
  [...log.querySelectorAll('[data-line]')].map((line) => line.textContent ?? '');
export const shownIndices = (log: HTMLElement): number[] =>
  [...log.querySelectorAll('[data-line]')].map((line) => Number(line.getAttribute('data-line')));
export const hasCursor = (log: HTMLElement): boolean => log.querySelector('.py-cursor') !== null;

export const step = (store: PlaygroundStore, times = 1) =>
  act(() => {
    for (let i = 0; i < times; i++) store.getState().actions.step();
  });

/** Scrolls the terminal as a person would (jsdom has no layout: the position is what we set). */
export const scrollTo = (log: HTMLElement, top: number) =>
  fireEvent.scroll(log, { target: { scrollTop: top } });

/** A clipboard whose writeText records what it was given. */
export function mockClipboard(
  writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined),
) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}
