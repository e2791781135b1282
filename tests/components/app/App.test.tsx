import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setFocusModality } from '../../../src/hooks/focusModality';
import { App } from '../../../src/components/app/App';
import { useLocaleStore } from '../../../src/i18n';
import { createPlaygroundStore, type PlaygroundStore } from '../../../src/store/playground';
import { allText, button, clock, GD, readout, region, SGD, type User, wholeText } from '../helpers/dom';
import { emulateRangeKeyboard } from '../helpers/range';
import { manualFrames } from '../helpers/frames';
import { renderWithStore } from '../helpers/render';
import { WHOLE_APP } from '../helpers/timeouts';

// The app's animation loop (and Recharts) queue their frames here and a test runs them. The charts
// fill their container and jsdom has no layout, so they draw no plot; the app around them renders in full.
const frames = manualFrames();
const { frame } = frames;

let stopEmulating = () => {};
beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  frames.install();
  stopEmulating = emulateRangeKeyboard();
});

afterEach(() => {
  stopEmulating();
  frames.remove();
});

function renderApp(store: PlaygroundStore = createPlaygroundStore()) {
  const view = renderWithStore(<App />, store);
  // A browser's default action comes after every listener, the app's keyboard shortcuts on window
  // included: register the range emulation again, after them.
  stopEmulating();
  stopEmulating = emulateRangeKeyboard();
  return view;
}

async function pressOn(user: User, element: HTMLElement, key: string) {
  // As a keyboard user reaches it, with Tab: the control keeps the keys ARIA gives it.
  setFocusModality('keyboard');
  act(() => element.focus());
  await user.keyboard(key);
}

describe('App', WHOLE_APP, () => {
  it('renders every named control, both runs and the loss chart, with no NaN', () => {
    const { container } = renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Downhill' })).toBeInTheDocument();
    for (const name of ['Play', 'Step', 'Step one sample', 'Run to end', 'Reset']) {
      expect(button(name)).toBeEnabled();
    }
    for (const name of ['Learning rate', 'Initial w', 'Epochs', 'Speed']) {
      expect(screen.getByRole('slider', { name })).toBeInTheDocument();
    }
    for (const name of ['Learning rate, typed', 'Initial w, typed', 'Epochs, typed']) {
      expect(screen.getByRole('textbox', { name })).toBeInTheDocument();
    }
    expect(region(GD)).toBeInTheDocument();
    expect(region(SGD)).toBeInTheDocument();
    expect(region('Playback')).toBeInTheDocument();
    expect(region('Settings')).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Cost on all data after each epoch' })).toBeInTheDocument();
    expect(within(region(GD)).getAllByText(wholeText('w = 1.0')).length).toBeGreaterThan(0);
    expect(within(region(SGD)).getAllByText(wholeText('w = 1.0')).length).toBeGreaterThan(0);
    expect(clock()).toHaveTextContent('Epoch 0 of 100');
    expect(screen.getByRole('link', { name: 'Skip to the runs' })).toHaveAttribute('href', '#runs');
    expect(container.querySelector('#runs')).toContainElement(region(GD));
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('Play drives the clock from animation frames; Pause stops them', async () => {
    const { store, user } = renderApp();
    await user.click(button('Play'));
    expect(button('Pause')).toBeInTheDocument();
    frame(1000); // starts the stopwatch
    expect(clock()).toHaveTextContent('Epoch 0 of 100');
    frame(1100); // 100 ms at 10 epochs/s
    expect(clock()).toHaveTextContent('Epoch 1 of 100');
    frame(1200);
    expect(clock()).toHaveTextContent('Epoch 2 of 100');
    await user.click(button('Pause'));
    expect(button('Play')).toBeInTheDocument();
    frame(1300);
    frame(1400);
    expect(clock()).toHaveTextContent('Epoch 2 of 100');
    // A resume owes nothing for the time spent paused.
    await pressOn(user, button('Play'), '{Enter}');
    frame(9000);
    expect(clock()).toHaveTextContent('Epoch 2 of 100');
    frame(9100);
    expect(clock()).toHaveTextContent('Epoch 3 of 100');
    await user.keyboard('[Space]');
    expect(button('Play')).toHaveFocus();
    expect(store.getState().playback).toBe('paused');
    frame(9200);
    expect(clock()).toHaveTextContent('Epoch 3 of 100');
  });

  it('a faster speed, set from the keyboard, spends more epochs per frame', async () => {
    const { store, user } = renderApp();
    await pressOn(user, screen.getByRole('slider', { name: 'Speed' }), '{ArrowRight}');
    expect(store.getState().settings.speed).toBe(20);
    expect(screen.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', '20 epochs/s');
    await user.click(button('Play'));
    frame(0);
    frame(100);
    expect(clock()).toHaveTextContent('Epoch 2 of 100');
  });

  it('playing to the end stops the loop and finishes', async () => {
    const store = createPlaygroundStore();
    act(() => store.getState().actions.updateSettings({ epochs: 3 }));
    const { user } = renderApp(store);
    await user.click(button('Play'));
    for (let t = 0; t <= 500; t += 100) frame(t);
    expect(clock()).toHaveTextContent('Epoch 3 of 3');
    expect(store.getState().playback).toBe('finished');
    expect(button('Play')).toBeInTheDocument();
    expect(button('Step')).toBeDisabled();
    expect(button('Run to end')).toBeDisabled();
  });

  it('the lecture from the keyboard alone: Step, Step one sample, Run to end, Reset', async () => {
    const { user } = renderApp();
    await pressOn(user, button('Step'), '{Enter}');
    expect(clock()).toHaveTextContent('Epoch 1 of 100');
    await user.keyboard('{Enter}');
    expect(clock()).toHaveTextContent('Epoch 2 of 100');
    // Space is play/pause wherever the focus is, a button included: it never presses Step again.
    await user.keyboard('[Space]');
    expect(button('Pause')).toBeInTheDocument();
    await user.keyboard('[Space]');
    expect(button('Play')).toBeInTheDocument();
    expect(clock()).toHaveTextContent('Epoch 2 of 100');

    await pressOn(user, button('Step one sample'), '{Enter}');
    expect(readout(SGD, 'run.updates')).toBe('7');
    expect(readout(GD, 'run.updates')).toBe('2');
    const gdW = readout(GD, 'run.w');
    await user.keyboard('{Enter}');
    expect(readout(SGD, 'run.updates')).toBe('8');
    expect(readout(GD, 'run.w')).toBe(gdW);

    await pressOn(user, button('Run to end'), '{Enter}');
    expect(clock()).toHaveTextContent('Epoch 100 of 100');
    expect(within(region(GD)).getAllByText(wholeText('w = 1.9999444396553017')).length).toBeGreaterThan(0);
    expect(within(region(SGD)).getAllByText(wholeText('w = 1.9999999999999236')).length).toBeGreaterThan(0);
    expect(button('Step')).toBeDisabled();
    expect(button('Run to end')).toBeDisabled();

    await pressOn(user, button('Reset'), '{Enter}');
    expect(clock()).toHaveTextContent('Epoch 0 of 100');
    expect(readout(GD, 'run.w')).toBe('w = 1.0');
    expect(button('Step')).toBeEnabled();
  });

  it('the same with the mouse, and settings typed and slid in between', async () => {
    const { store, user, container } = renderApp();
    await user.click(button('Step one sample'));
    expect(readout(SGD, 'run.w')).toBe('w = 1.02');
    expect(readout(GD, 'run.w')).toBe('w = 1.0');
    await pressOn(user, screen.getByRole('slider', { name: 'Learning rate' }), '{ArrowRight}');
    // The slider commits after the next paint.
    await waitFor(() => expect(store.getState().settings.lr).toBe(0.011));
    // A new rate replays the runs from w0 up to the clock.
    expect(readout(SGD, 'run.updates')).toBe('0');
    await user.click(button('Run to end'));
    expect(readout(GD, 'run.w')).not.toBe('w = 1.9999444396553017');
    await user.clear(screen.getByRole('textbox', { name: 'Learning rate, typed' }));
    await user.type(screen.getByRole('textbox', { name: 'Learning rate, typed' }), '0.01');
    expect(readout(GD, 'run.w')).toBe('w = 1.9999444396553017');
    expect(readout(SGD, 'run.w')).toBe('w = 1.9999999999999236');
    await user.click(button('Reset'));
    expect(clock()).toHaveTextContent('Epoch 0 of 100');
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
  });

  it('divergence shows in both runs and nowhere as NaN or Infinity', async () => {
    const { store, user, container } = renderApp();
    await pressOn(user, screen.getByRole('slider', { name: 'Learning rate' }), '{End}');
    await waitFor(() => expect(store.getState().settings.lr).toBe(1));
    const epochs = screen.getByRole('textbox', { name: 'Epochs, typed' });
    await user.clear(epochs);
    await user.type(epochs, '1000');
    await user.click(button('Run to end'));
    expect(within(region(GD)).getAllByText(/diverged in epoch/).length).toBeGreaterThan(0);
    expect(within(region(SGD)).getAllByText(/diverged in epoch/).length).toBeGreaterThan(0);
    expect(allText(container)).not.toMatch(/NaN|Infinity/);
    expect(container.textContent).not.toMatch(/\bnan\b|\binf\b/);
  });

  it('keys that belong to a control stay with it: a slider’s arrows, a field’s letters', async () => {
    const { store, user } = renderApp();
    await pressOn(user, screen.getByRole('slider', { name: 'Learning rate' }), '{ArrowRight}');
    await waitFor(() => expect(store.getState().settings.lr).toBe(0.011));
    expect(clock()).toHaveTextContent('Epoch 0 of 100');
    await user.click(button('Step'));
    const input = screen.getByRole('textbox', { name: 'Learning rate, typed' });
    await user.clear(input);
    await user.type(input, '1e-3 ');
    expect(store.getState().settings.lr).toBe(0.001);
    expect(input).toHaveValue('1e-3 ');
    expect(store.getState().playback).toBe('paused');
    expect(clock()).toHaveTextContent('Epoch 1 of 100');
    await user.type(input, '{Backspace}r');
    expect(clock()).toHaveTextContent('Epoch 1 of 100');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a number, like 0.01.');
  });

  // The Play button declares aria-keyshortcuts="Space", which tells assistive technology that Space
  // plays and pauses from anywhere on the page: something outside the button must listen for it.
  it('Space toggles play from anywhere, as the Play button’s aria-keyshortcuts says', async () => {
    const { store, user } = renderApp();
    expect(button('Play')).toHaveAttribute('aria-keyshortcuts', 'Space');
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(document.body).toHaveFocus();
    await user.keyboard('[Space]');
    expect(store.getState().playback).toBe('playing');
  });
});
