import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TransportControls } from '../../../src/components/run/TransportControls';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore, type PlaygroundStore } from '../../../src/store/playground';
import { button, clock, type User } from '../helpers/dom';
import { emulateRangeKeyboard } from '../helpers/range';
import { renderWithStore } from '../helpers/render';

// ---------------------------------------------------------------------------------------------
// A render counter for TransportControls itself. React's Profiler cannot tell which component of
// its subtree rendered, and the Clock inside TransportControls re-renders on every tick by design,
// so a Profiler around TransportControls fires on every tick either way. The Speed slider, though,
// is a direct, unmemoized child that TransportControls renders with fresh props (a new onChange
// closure) each time it renders: wrapping LadderSlider in a counting pass-through therefore counts
// TransportControls' own renders exactly, and nothing else (the Clock renders no slider).

const sliderRenders = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../../src/components/controls/LadderSlider', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/components/controls/LadderSlider')>();
  const Original = actual.LadderSlider;
  function CountingLadderSlider(props: Parameters<typeof Original>[0]) {
    sliderRenders.count++;
    return <Original {...props} />;
  }
  return { ...actual, LadderSlider: CountingLadderSlider };
});

// ---------------------------------------------------------------------------------------------

let stopEmulating = () => {};
beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  stopEmulating = emulateRangeKeyboard();
  sliderRenders.count = 0;
});
afterEach(() => stopEmulating());

function renderControls(store: PlaygroundStore = createPlaygroundStore()) {
  return renderWithStore(<TransportControls />, store);
}

const playback = (store: PlaygroundStore) => store.getState().playback;

/** Keyboard activation of a button: focus it, then press a key. */
async function pressOn(user: User, element: HTMLElement, key: '{Enter}' | '[Space]') {
  act(() => element.focus());
  expect(element).toHaveFocus();
  await user.keyboard(key);
}

describe('TransportControls: the buttons', () => {
  it('names every control, in a region called Playback', () => {
    renderControls();
    expect(screen.getByRole('region', { name: 'Playback' })).toBeInTheDocument();
    for (const name of ['Play', 'Step', 'Step one sample', 'Run to end', 'Reset']) {
      expect(button(name)).toBeEnabled();
    }
    expect(screen.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', '10 epochs/s');
    expect(clock()).toHaveTextContent('Epoch 0 of 100');
  });

  it('Play becomes Pause while playing, by mouse', async () => {
    const { store, user } = renderControls();
    const play = button('Play');
    await user.click(play);
    expect(playback(store)).toBe('playing');
    expect(play).toHaveAccessibleName('Pause');
    expect(screen.queryByRole('button', { name: 'Play' })).not.toBeInTheDocument();
    await user.click(button('Pause'));
    expect(playback(store)).toBe('paused');
    expect(play).toHaveAccessibleName('Play');
  });

  it.each([['{Enter}'], ['[Space]']] as const)('Play and Pause from the keyboard (%s)', async (key) => {
    const { store, user } = renderControls();
    const play = button('Play');
    await pressOn(user, play, key);
    expect(playback(store)).toBe('playing');
    expect(play).toHaveAccessibleName('Pause');
    expect(play).toHaveFocus();
    await user.keyboard(key);
    expect(playback(store)).toBe('paused');
    expect(play).toHaveAccessibleName('Play');
  });

  it('the clock advances while playing and stops on Pause', async () => {
    const { store, user } = renderControls();
    await user.click(button('Play'));
    act(() => store.getState().actions.tick(100));
    expect(clock()).toHaveTextContent('Epoch 1 of 100');
    act(() => store.getState().actions.tick(250));
    // A frame never owes more than 100 ms: a stalled tab does not jump.
    expect(clock()).toHaveTextContent('Epoch 2 of 100');
    await user.click(button('Pause'));
    act(() => store.getState().actions.tick(100));
    expect(clock()).toHaveTextContent('Epoch 2 of 100');
  });

  it('Step advances the clock one epoch, by mouse and by keyboard', async () => {
    const { store, user } = renderControls();
    await user.click(button('Step'));
    expect(clock()).toHaveTextContent('Epoch 1 of 100');
    expect(playback(store)).toBe('paused');
    await pressOn(user, button('Step'), '{Enter}');
    expect(clock()).toHaveTextContent('Epoch 2 of 100');
    await user.keyboard('[Space]');
    expect(clock()).toHaveTextContent('Epoch 3 of 100');
    expect(store.getState().runs.gd.epoch).toBe(3);
    expect(store.getState().runs.sgd.epoch).toBe(3);
  });

  it('Step pauses a playing clock', async () => {
    const { store, user } = renderControls();
    await user.click(button('Play'));
    await user.click(button('Step'));
    expect(playback(store)).toBe('paused');
    expect(button('Play')).toBeInTheDocument();
  });

  it('Step one sample moves SGD inside the epoch; the third sample completes it', async () => {
    const { store, user } = renderControls();
    await user.click(button('Step one sample'));
    expect(store.getState().sampleCursor).toBe(1);
    expect(store.getState().runs.gd.epoch).toBe(0);
    expect(screen.getByText(/SGD in epoch 1: sample 1 of 3/)).toBeInTheDocument();
    expect(clock()).toHaveTextContent('Epoch 0 of 100');
    await pressOn(user, button('Step one sample'), '{Enter}');
    expect(screen.getByText(/sample 2 of 3/)).toBeInTheDocument();
    await user.keyboard('[Space]');
    expect(clock()).toHaveTextContent('Epoch 1 of 100');
    expect(screen.queryByText(/SGD in epoch/)).not.toBeInTheDocument();
    expect(store.getState().sampleCursor).toBe(0);
  });

  it.each([['mouse'], ['{Enter}'], ['[Space]']] as const)(
    'Run to end finishes both runs and disables Step, Step one sample and Run to end (%s)',
    async (how) => {
      const { store, user } = renderControls();
      if (how === 'mouse') await user.click(button('Run to end'));
      else await pressOn(user, button('Run to end'), how);
      expect(clock()).toHaveTextContent('Epoch 100 of 100');
      expect(playback(store)).toBe('finished');
      expect(store.getState().runs.gd.params.w).toBe(1.9999444396553017);
      expect(store.getState().runs.sgd.params.w).toBe(1.9999999999999236);
      expect(button('Step')).toBeDisabled();
      expect(button('Step one sample')).toBeDisabled();
      expect(button('Run to end')).toBeDisabled();
      expect(button('Reset')).toBeEnabled();
      expect(button('Play')).toBeEnabled();
      // Disabled buttons do nothing when clicked.
      await user.click(button('Step'));
      expect(clock()).toHaveTextContent('Epoch 100 of 100');
    },
  );

  it.each([['mouse'], ['{Enter}'], ['[Space]']] as const)(
    'Reset returns to epoch 0 and enables the buttons again (%s)',
    async (how) => {
      const { store, user } = renderControls();
      await user.click(button('Run to end'));
      if (how === 'mouse') await user.click(button('Reset'));
      else await pressOn(user, button('Reset'), how);
      expect(clock()).toHaveTextContent('Epoch 0 of 100');
      expect(playback(store)).toBe('idle');
      expect(store.getState().runs.gd.params.w).toBe(1);
      for (const name of ['Play', 'Step', 'Step one sample', 'Run to end'])
        expect(button(name)).toBeEnabled();
    },
  );

  it('Reset in the middle of a sample step clears the sample position', async () => {
    const { store, user } = renderControls();
    await user.click(button('Step'));
    await user.click(button('Step one sample'));
    await user.click(button('Reset'));
    expect(clock()).toHaveTextContent('Epoch 0 of 100');
    expect(screen.queryByText(/SGD in epoch/)).not.toBeInTheDocument();
    expect(store.getState().sampleCursor).toBe(0);
  });

  it('Play at the end starts over, as a media player does', async () => {
    const { store, user } = renderControls();
    await user.click(button('Run to end'));
    await user.click(button('Play'));
    expect(playback(store)).toBe('playing');
    expect(clock()).toHaveTextContent('Epoch 0 of 100');
    expect(button('Pause')).toBeInTheDocument();
    expect(button('Step')).toBeEnabled();
  });

  it('finishing while playing turns Pause back into Play and disables Step', async () => {
    const store = createPlaygroundStore();
    act(() => store.getState().actions.updateSettings({ epochs: 2 }));
    renderControls(store);
    act(() => store.getState().actions.play());
    expect(button('Pause')).toBeInTheDocument();
    act(() => store.getState().actions.tick(100));
    act(() => store.getState().actions.tick(100));
    expect(clock()).toHaveTextContent('Epoch 2 of 2');
    expect(button('Play')).toBeInTheDocument();
    expect(button('Step')).toBeDisabled();
    expect(button('Run to end')).toBeDisabled();
  });
});

describe('TransportControls: speed', () => {
  it('the Speed slider moves along its ladder from the keyboard', async () => {
    const { store, user } = renderControls();
    const speed = screen.getByRole('slider', { name: 'Speed' });
    act(() => speed.focus());
    await user.keyboard('{ArrowRight}');
    expect(store.getState().settings.speed).toBe(20);
    expect(speed).toHaveAttribute('aria-valuetext', '20 epochs/s');
    expect(screen.getByText('20 epochs/s')).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(store.getState().settings.speed).toBe(5);
    await user.keyboard('{Home}');
    expect(store.getState().settings.speed).toBe(1);
    await user.keyboard('{End}');
    expect(store.getState().settings.speed).toBe(1000);
    expect(speed).toHaveAttribute('aria-valuetext', '1000 epochs/s');
  });

  it('a faster speed spends more epochs per tick, without touching the runs so far', async () => {
    const { store, user } = renderControls();
    await user.click(button('Step'));
    const before = store.getState().runs;
    act(() => screen.getByRole('slider', { name: 'Speed' }).focus());
    await user.keyboard('{ArrowRight}');
    expect(store.getState().runs).toBe(before);
    act(() => store.getState().actions.play());
    act(() => store.getState().actions.tick(100));
    expect(clock()).toHaveTextContent('Epoch 3 of 100');
  });
});

describe('TransportControls: rendering', () => {
  it('follows the frames with its clock alone, without a React render or commit', () => {
    const store = createPlaygroundStore();
    const commits = vi.fn<ProfilerOnRenderCallback>();
    render(
      <PlaygroundProvider store={store}>
        <Profiler id="controls" onRender={commits}>
          <TransportControls />
        </Profiler>
      </PlaygroundProvider>,
    );
    const play = button('Play');
    act(() => store.getState().actions.play());
    const rendersWhilePlaying = sliderRenders.count;
    const commitsWhilePlaying = commits.mock.calls.length;
    expect(play).toHaveAccessibleName('Pause');

    for (let i = 0; i < 30; i++) act(() => store.getState().actions.tick(100));
    // The clock's count and bar did follow, written straight into the page …
    expect(clock()).toHaveTextContent('Epoch 30 of 100');
    expect(document.querySelector<HTMLProgressElement>('.clock progress')!.value).toBe(30);
    // … with no commit inside the subtree, and TransportControls (counted through its Speed slider)
    // not rendered again.
    expect(commits.mock.calls.length - commitsWhilePlaying).toBe(0);
    expect(sliderRenders.count).toBe(rendersWhilePlaying);
    expect(button('Pause')).toBe(play);

    // Positive control: a change it shows (the speed) does render it.
    act(() => store.getState().actions.updateSettings({ speed: 20 }));
    expect(sliderRenders.count).toBe(rendersWhilePlaying + 1);
  });

  it('ticks that owe less than an epoch commit nothing at all inside it', () => {
    const store = createPlaygroundStore();
    const commits = vi.fn<ProfilerOnRenderCallback>();
    render(
      <PlaygroundProvider store={store}>
        <Profiler id="controls" onRender={commits}>
          <TransportControls />
        </Profiler>
      </PlaygroundProvider>,
    );
    act(() => store.getState().actions.play());
    const before = commits.mock.calls.length;
    // At 10 epochs/s, 16 ms frames owe 0.16 epoch each: the first six move the clock not at all.
    for (let i = 0; i < 6; i++) act(() => store.getState().actions.tick(16));
    expect(commits.mock.calls.length).toBe(before);
    act(() => store.getState().actions.tick(16));
    // The seventh owes a whole epoch: the clock counts it, still without a commit.
    expect(clock()).toHaveTextContent('Epoch 1 of 100');
    expect(commits.mock.calls.length).toBe(before);
  });
});

describe('TransportControls: focus', () => {
  it('hands focus to Play when Run to end disables the button that was pressed', async () => {
    const { user } = renderControls();
    screen.getByRole('button', { name: 'Run to end' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Run to end' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Play' })).toHaveFocus();
  });

  it('keeps focus on Step while stepping does not finish the run', async () => {
    const { user } = renderControls();
    screen.getByRole('button', { name: 'Step' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Step' })).toHaveFocus();
  });
});
