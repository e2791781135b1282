import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEARNING_RATE_LADDER } from '../../../src/store/ladders';
import { LearningRatePanel } from '../../../src/components/run/LearningRatePanel';
import { SettingsPanel } from '../../../src/components/run/SettingsPanel';
import { translator, useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore, type PlaygroundStore } from '../../../src/store/playground';
import { retype, type User } from '../helpers/dom';
import { manualFrames } from '../helpers/frames';
import { emulateRangeKeyboard } from '../helpers/range';
import { renderWithStore } from '../helpers/render';

// ---------------------------------------------------------------------------------------------

let stopEmulating = () => {};
beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  stopEmulating = emulateRangeKeyboard();
});
afterEach(() => stopEmulating());

function renderPanel(store: PlaygroundStore = createPlaygroundStore()) {
  return renderWithStore(
    <>
      <LearningRatePanel />
      <SettingsPanel />
    </>,
    store,
  );
}

const t = translator('en');
const settings = (store: PlaygroundStore) => store.getState().settings;
/** The learning-rate slider commits after the next paint (a new rate is heavy): wait for it. */
const committed = (store: PlaygroundStore, lr: number) => waitFor(() => expect(settings(store).lr).toBe(lr));
const slider = (name: string) => screen.getByRole('slider', { name });
const field = (name: string) => screen.getByRole('textbox', { name });

/** Focuses a control and presses keys, as a keyboard user would. */
async function press(user: User, element: HTMLElement, keys: string) {
  act(() => element.focus());
  await user.keyboard(keys);
}

describe('LearningRatePanel and SettingsPanel: sliders', () => {
  it('shows the lecture settings on named sliders with their values in words', () => {
    renderPanel();
    expect(screen.getByRole('region', { name: 'Settings' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Learning rate' })).getByRole('slider')).toBe(
      slider('Learning rate'),
    );
    expect(slider('Learning rate')).toHaveAttribute('aria-valuetext', '0.01');
    expect(slider('Initial w')).toHaveAttribute('aria-valuetext', '1.0');
    expect(slider('Epochs')).toHaveAttribute('aria-valuetext', '100 epochs');
    expect(field('Learning rate, typed')).toHaveValue('0.01');
    expect(field('Initial w, typed')).toHaveValue('1.0');
    expect(field('Epochs, typed')).toHaveValue('100');
    // The learning rate comes with the stability limits: GD's is 3/14 (2 / (2·mean x²)); SGD's, in
    // the lecture's order, solves |(1 − 2α)(1 − 8α)(1 − 18α)| = 1; GD's one-step rate is half its limit.
    expect(screen.getByText(t('settings.lrLimit', { run: 'GD', value: '0.214' }))).toBeInTheDocument();
    expect(screen.getByText(t('settings.lrLimit', { run: 'SGD', value: '0.204' }))).toBeInTheDocument();
    expect(screen.getByText(t('settings.lrOneStep', { value: '0.107' }))).toBeInTheDocument();
    // Each mark is labelled under the slider, in short.
    expect(screen.getByText('GD < 0.214')).toBeInTheDocument();
    expect(screen.getByText('SGD < 0.204')).toBeInTheDocument();
    expect(screen.getByText('1 step: 0.107')).toBeInTheDocument();
    expect(screen.getByText('Data: x = [1.0, 2.0, 3.0], y = [2.0, 4.0, 6.0]')).toBeInTheDocument();
  });

  it('moves the learning rate one notch of the ladder per arrow key', async () => {
    // The frames come when the test says: the store must wait for one, however slow the machine.
    const frames = manualFrames();
    frames.install();
    try {
      const { store, user } = renderPanel();
      const lr = slider('Learning rate');
      const at = LEARNING_RATE_LADDER.indexOf(0.01);
      expect(lr).toHaveValue(String(at));

      await press(user, lr, '{ArrowRight}');
      // The slider moves at once; the store (the runs, the typed field) follows after the next paint.
      expect(LEARNING_RATE_LADDER[at + 1]).toBe(0.011);
      expect(lr).toHaveAttribute('aria-valuetext', '0.011');
      expect(lr).toHaveValue(String(at + 1));
      expect(settings(store).lr).toBe(0.01);
      frames.frame(16);
      await committed(store, 0.011);
      expect(lr).toHaveAttribute('aria-valuetext', '0.011');
      expect(field('Learning rate, typed')).toHaveValue('0.011');

      await user.keyboard('{ArrowUp}');
      frames.frame(32);
      await committed(store, 0.012);
      // Presses before the paint are folded into one commit of where the slider ended.
      await user.keyboard('{ArrowLeft}{ArrowDown}{ArrowLeft}');
      expect(lr).toHaveAttribute('aria-valuetext', '0.009');
      expect(settings(store).lr).toBe(0.012);
      frames.frame(48);
      await committed(store, 0.009);
      expect(lr).toHaveAttribute('aria-valuetext', '0.009');
    } finally {
      frames.remove();
    }
  });

  it('jumps the learning rate to the ends of the ladder with Home and End', async () => {
    const { store, user } = renderPanel();
    const lr = slider('Learning rate');
    await press(user, lr, '{Home}');
    await committed(store, 0.0001);
    expect(lr).toHaveAttribute('aria-valuetext', '0.0001');
    await user.keyboard('{ArrowLeft}');
    expect(settings(store).lr).toBe(0.0001);
    await user.keyboard('{End}');
    await committed(store, 1);
    expect(lr).toHaveAttribute('aria-valuetext', '1.0');
    await user.keyboard('{ArrowRight}');
    expect(settings(store).lr).toBe(1);
  });

  it('moves initial w in steps of 0.5 between −10 and 10', async () => {
    const { store, user } = renderPanel();
    const w0 = slider('Initial w');
    await press(user, w0, '{ArrowRight}');
    expect(settings(store).w0).toBe(1.5);
    expect(w0).toHaveAttribute('aria-valuetext', '1.5');
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(settings(store).w0).toBe(0);
    await user.keyboard('{Home}');
    expect(settings(store).w0).toBe(-10);
    expect(w0).toHaveAttribute('aria-valuetext', '-10.0');
    await user.keyboard('{End}');
    expect(settings(store).w0).toBe(10);
    expect(field('Initial w, typed')).toHaveValue('10.0');
  });

  it('moves the number of epochs along its ladder', async () => {
    const { store, user } = renderPanel();
    const epochs = slider('Epochs');
    await press(user, epochs, '{ArrowRight}');
    expect(settings(store).epochs).toBe(150);
    expect(epochs).toHaveAttribute('aria-valuetext', '150 epochs');
    expect(field('Epochs, typed')).toHaveValue('150');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(settings(store).epochs).toBe(50);
    await user.keyboard('{Home}');
    expect(settings(store).epochs).toBe(1);
    await user.keyboard('{End}');
    expect(settings(store).epochs).toBe(100_000);
    expect(epochs).toHaveAttribute('aria-valuetext', '100000 epochs');
  });

  it('shortening the runs below the clock moves the clock back and finishes', async () => {
    const store = createPlaygroundStore();
    act(() => {
      for (let i = 0; i < 7; i++) store.getState().actions.step();
    });
    const { user } = renderPanel(store);
    await press(user, slider('Epochs'), '{Home}');
    expect(store.getState().epoch).toBe(1);
    expect(store.getState().playback).toBe('finished');
  });
});

describe('SettingsPanel: typed fields', () => {
  it('applies a typed learning rate at once', async () => {
    const { store, user } = renderPanel();
    const input = field('Learning rate, typed');
    await retype(user, input, '0.05');
    expect(settings(store).lr).toBe(0.05);
    expect(input).toHaveValue('0.05');
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(slider('Learning rate')).toHaveAttribute('aria-valuetext', '0.05');
  });

  it('keeps text that is not a number, explains next to the field, and keeps the last valid rate', async () => {
    const { store, user } = renderPanel();
    const input = field('Learning rate, typed');
    await retype(user, input, '0.05');
    await retype(user, input, 'abc');
    expect(input).toHaveValue('abc');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Enter a number, like 0.01.');
    expect(input.parentElement).toContainElement(alert);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Enter a number, like 0.01.');
    expect(settings(store).lr).toBe(0.05);
    // Leaving the field does not throw away what was typed.
    await user.tab();
    expect(input).toHaveValue('abc');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a number, like 0.01.');
  });

  it('asks for a value when the field is emptied', async () => {
    const { store, user } = renderPanel();
    const input = field('Learning rate, typed');
    await user.clear(input);
    expect(input).toHaveValue('');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a value.');
    expect(settings(store).lr).toBe(0.01);
  });

  it('refuses a learning rate of 0 with the store’s reason and keeps the text', async () => {
    const { store, user } = renderPanel();
    const input = field('Learning rate, typed');
    await retype(user, input, '0');
    expect(input).toHaveValue('0');
    expect(screen.getByRole('alert')).toHaveTextContent('Learning rate must be greater than 0.');
    expect(input).toHaveAccessibleDescription('Learning rate must be greater than 0.');
    expect(settings(store).lr).toBe(0.01);
    expect(store.getState().fieldErrors.lr?.map((error) => error.code)).toEqual(['not-positive']);
    // Correcting it clears the error.
    await user.type(input, '.02');
    expect(settings(store).lr).toBe(0.02);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(store.getState().fieldErrors.lr).toBeUndefined();
  });

  it('reads full-width digits from a Chinese input method', async () => {
    const { store, user } = renderPanel();
    const input = field('Learning rate, typed');
    await retype(user, input, '０．０５');
    expect(settings(store).lr).toBe(0.05);
    expect(input).toHaveValue('０．０５');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Once applied and left, the field shows the number the canonical way.
    await user.tab();
    expect(input).toHaveValue('0.05');
  });

  it('refuses 200000 epochs with the allowed range and keeps the text', async () => {
    const { store, user } = renderPanel();
    const input = field('Epochs, typed');
    await retype(user, input, '200000');
    expect(input).toHaveValue('200000');
    expect(screen.getByRole('alert')).toHaveTextContent('Epochs must be between 1 and 100000.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(settings(store).epochs).not.toBe(200_000);
    expect(settings(store).epochs).toBeLessThanOrEqual(100_000);
  });

  it('refuses a fractional number of epochs', async () => {
    const { store, user } = renderPanel();
    const input = field('Epochs, typed');
    await retype(user, input, '2.5');
    expect(screen.getByRole('alert')).toHaveTextContent('Epochs must be a whole number.');
    expect(settings(store).epochs).not.toBe(2.5);
  });

  it('applies a typed initial w, negative included', async () => {
    const { store, user } = renderPanel();
    const input = field('Initial w, typed');
    await retype(user, input, '-3.25');
    expect(settings(store).w0).toBe(-3.25);
    expect(slider('Initial w')).toHaveAttribute('aria-valuetext', '-3.25');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a slider move replaces a refused draft with the new value', async () => {
    const { store, user } = renderPanel();
    const input = field('Learning rate, typed');
    await retype(user, input, 'abc');
    await press(user, slider('Learning rate'), '{ArrowRight}');
    await committed(store, 0.011);
    expect(input).toHaveValue('0.011');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  // Regression: a refused draft must not come back. NumberField ties refused text to the value the
  // field held when it was typed (`draft.base`); if it kept the draft after the value moved on, the
  // slider going right then left would bring back "200000", a number the store refused, with no error
  // (the slider cleared it) while the runs use 20000 epochs. (Unit-level case in NumberField.test.tsx.)
  it('a refused epochs draft (200000) does not come back, unapplied and unexplained, when the slider returns', async () => {
    const { store, user } = renderPanel();
    const input = field('Epochs, typed');
    await retype(user, input, '200000');
    // Every keystroke applies: "20000" was applied on the way to the refused "200000".
    const applied = settings(store).epochs;
    expect(applied).toBe(20000);
    const epochs = slider('Epochs');
    await press(user, epochs, '{ArrowRight}{ArrowLeft}');
    expect(settings(store).epochs).toBe(applied);
    const shown = (input as HTMLInputElement).value;
    const hasError = screen.queryByRole('alert') !== null;
    expect({ shown, hasError }).toEqual({ shown: String(applied), hasError: false });
  });
});

describe('SettingsPanel: typing over progress', () => {
  // Every keystroke of a typed number is applied, and a number of epochs below the clock shortens
  // the runs: typing "500" at epoch 50 passes through "5". The store remembers how far the clock got
  // (`reached`), so "50" and "500" bring the 50 epochs back.
  it('typing a longer run (500 epochs) at epoch 50 keeps the 50 epochs done', async () => {
    const store = createPlaygroundStore();
    act(() => {
      for (let i = 0; i < 50; i++) store.getState().actions.step();
    });
    const { user } = renderPanel(store);
    await retype(user, field('Epochs, typed'), '500');
    expect(settings(store).epochs).toBe(500);
    expect(store.getState().epoch).toBe(50);
    expect(store.getState().runs.gd.epoch).toBe(50);
  });

  // Regression: the detour through "5" finishes the runs (epoch 5 of 5), which ends playback; the
  // store must remember that it interrupted play and resume once "50" lengthens the runs again.
  it('typing a longer run while playing keeps playing', async () => {
    const store = createPlaygroundStore();
    act(() => {
      for (let i = 0; i < 50; i++) store.getState().actions.step();
      store.getState().actions.play();
    });
    const { user } = renderPanel(store);
    await retype(user, field('Epochs, typed'), '500');
    expect(store.getState().playback).toBe('playing');
  });
});

describe('SettingsPanel: rendering', () => {
  // React's Profiler calls onRender once per commit in which anything inside it rendered. Nothing
  // in the panel depends on the clock, so playing (30 ticks of 100 ms at 10 epochs/s) must commit
  // nothing inside it; a settings change is the positive control that the counter sees renders.
  it('does not re-render while the clock advances', () => {
    const store = createPlaygroundStore();
    const onRender = vi.fn<ProfilerOnRenderCallback>();
    render(
      <PlaygroundProvider store={store}>
        <Profiler id="settings" onRender={onRender}>
          <SettingsPanel />
        </Profiler>
      </PlaygroundProvider>,
    );
    expect(onRender).toHaveBeenCalledTimes(1);
    expect(onRender.mock.calls[0]![1]).toBe('mount');

    act(() => store.getState().actions.play());
    for (let i = 0; i < 30; i++) act(() => store.getState().actions.tick(100));
    expect(store.getState().epoch).toBe(30);
    act(() => store.getState().actions.stepSample());
    act(() => store.getState().actions.pause());
    act(() => store.getState().actions.reset());
    expect(onRender).toHaveBeenCalledTimes(1);

    act(() => store.getState().actions.updateSettings({ lr: 0.02 }));
    expect(onRender).toHaveBeenCalledTimes(2);
    expect(onRender.mock.calls[1]![1]).toBe('update');
  });

  it('does not render NaN or Infinity, even for a diverging rate', async () => {
    const { container, store, user } = renderPanel();
    await press(user, slider('Learning rate'), '{End}');
    await committed(store, 1);
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/NaN|Infinity|\bnan\b|\binf\b/);
    expect(
      within(container).getByText(t('settings.lrLimit', { run: 'GD', value: '0.214' })),
    ).toBeInTheDocument();
  });
});
