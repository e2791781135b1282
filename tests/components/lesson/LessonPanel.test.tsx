import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/components/app/App';
import { LESSON_SCENE_COUNT, LESSON_SCENES } from '../../../src/core/lesson';
import { setFocusModality } from '../../../src/hooks/focusModality';
import { enterScene } from '../../../src/hooks/lesson';
import { useLocaleStore } from '../../../src/i18n';
import { useClassroomStore } from '../../../src/store/classroom';
import { PlaygroundProvider } from '../../../src/store/context';
import { useLessonStore } from '../../../src/store/lesson';
import { saveSettings, STORAGE_KEY } from '../../../src/store/persist';
import { createPlaygroundStore, DEFAULT_SETTINGS, type PlaygroundStore } from '../../../src/store/playground';

// The whole app in jsdom, its animation frames queued here and never run unless a test runs them.
// Rendering it takes seconds on a busy two-core machine: a test has a minute before it counts as hung.
vi.setConfig({ testTimeout: 60_000 });

beforeEach(() => {
  vi.stubGlobal(
    'requestAnimationFrame',
    vi.fn(() => 1),
  );
  vi.stubGlobal('cancelAnimationFrame', vi.fn());
  useLocaleStore.setState({ locale: 'en' });
  useClassroomStore.setState({ theme: 'system', presenting: false, shortcutsOpen: false, urlNotices: [] });
  useLessonStore.setState({
    active: false,
    scene: 0,
    entry: 0,
    pendingSetup: false,
    choice: null,
    revealed: false,
  });
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

/** Opens the app at `url` and waits for the lesson's panel when the link asks for one. */
async function openAt(url: string, store: PlaygroundStore = createPlaygroundStore()) {
  window.history.replaceState(null, '', url);
  const user = userEvent.setup();
  render(
    <PlaygroundProvider store={store}>
      <App />
    </PlaygroundProvider>,
  );
  return { store, user };
}

const sceneCount = () => screen.findByText(/^Scene \d+ of \d+$/, undefined, { timeout: 10_000 });
const fragment = () => new URLSearchParams(window.location.hash.slice(1));
const appRoot = () => document.querySelector<HTMLElement>('.app')!;
const index = (id: string) => LESSON_SCENES.findIndex((scene) => scene.id === id);

const press = (key: string, target: Element = document.activeElement ?? document.body) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
};

describe('a lesson link', () => {
  it('#lesson=1 opens the first scene with its setup, and the address keeps the scene', async () => {
    const { store } = await openAt('/#lesson=1');
    expect(await sceneCount()).toHaveTextContent(`Scene 1 of ${LESSON_SCENE_COUNT}`);
    expect(screen.getByRole('heading', { name: 'The task: find w' })).toBeInTheDocument();
    expect(
      screen.getByText(/x_data = \[1\.0, 2\.0, 3\.0\], y_data = \[2\.0, 4\.0, 6\.0\]/),
    ).toBeInTheDocument();
    expect(store.getState().settings).toMatchObject({ lr: 0.01, xs: [1, 2, 3], ys: [2, 4, 6], w0: 1 });
    expect(fragment().get('lesson')).toBe('1');
    expect(fragment().get('lr')).toBe('0.01');
    expect(appRoot().dataset.lessonRuns).toBe('gd');
    expect(screen.getByRole('button', { name: 'Lesson' })).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByRole('figure', { name: /^The training points and the line ŷ = 1\.0·x/ }),
    ).toBeInTheDocument();
  });

  it('#lesson=5 opens scene 5’s setup, not the one remembered from before', async () => {
    // A setup this browser remembers: a link of only lesson=5 opens the scene's instead.
    saveSettings(window.localStorage, { ...DEFAULT_SETTINGS, lr: 0.07, epochs: 9 });
    expect(window.localStorage.getItem(STORAGE_KEY)).toContain('0.07');
    const { store } = await openAt('/#lesson=5');
    expect(await sceneCount()).toHaveTextContent(`Scene 5 of ${LESSON_SCENE_COUNT}`);
    expect(store.getState().settings).toMatchObject({ lr: 0.01, epochs: 100, speed: 25 });
    // Scene 5 plays at once, and opens GD's printed output.
    expect(store.getState().playback).toBe('playing');
    await vi.waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Gradient descent (GD)' })).getByRole('tab', {
          name: 'Python output',
        }),
      ).toHaveAttribute('aria-selected', 'true'),
    );
  });

  it('a link that is not a scene is named in a notice and opens no lesson', async () => {
    await openAt(`/#lesson=${LESSON_SCENE_COUNT + 1}`);
    expect(await screen.findByText(/lesson = “12”: out of the allowed range/)).toBeInTheDocument();
    expect(useLessonStore.getState().active).toBe(false);
    expect(fragment().get('lesson')).toBeNull();
  });
});

describe('moving through the scenes', () => {
  it('Next scene, PageDown and PageUp move one scene, whatever has focus, and never past the end', async () => {
    const { store, user } = await openAt('/#lesson=1');
    await sceneCount();
    await user.click(screen.getByRole('button', { name: 'Next scene' }));
    expect(screen.getByText(`Scene 2 of ${LESSON_SCENE_COUNT}`)).toBeInTheDocument();
    expect(await screen.findByRole('figure', { name: /^Exhaustive search/ })).toBeInTheDocument();

    // A slider clicked with the mouse, then a text field: the clicker still turns the scenes.
    const slider = screen.getByRole('slider', { name: 'Learning rate' });
    setFocusModality('pointer');
    slider.focus();
    expect(press('PageDown', slider).defaultPrevented).toBe(true);
    expect(screen.getByText(`Scene 3 of ${LESSON_SCENE_COUNT}`)).toBeInTheDocument();
    const typed = screen.getByRole('textbox', { name: 'Learning rate, typed' });
    typed.focus();
    expect(press('PageDown', typed).defaultPrevented).toBe(true);
    expect(screen.getByText(`Scene 4 of ${LESSON_SCENE_COUNT}`)).toBeInTheDocument();
    expect(press('PageUp', typed).defaultPrevented).toBe(true);
    expect(screen.getByText(`Scene 3 of ${LESSON_SCENE_COUNT}`)).toBeInTheDocument();

    // On to the next-to-last scene at once (each scene re-renders the whole app), then the clicker.
    act(() => enterScene(store, LESSON_SCENE_COUNT - 2));
    press('PageDown');
    expect(screen.getByText(`Scene ${LESSON_SCENE_COUNT} of ${LESSON_SCENE_COUNT}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next scene' })).toHaveAttribute('aria-disabled', 'true');
    // Past the last scene: nothing moves, the page does not scroll, nothing breaks.
    expect(press('PageDown').defaultPrevented).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Next scene' }));
    expect(screen.getByText(`Scene ${LESSON_SCENE_COUNT} of ${LESSON_SCENE_COUNT}`)).toBeInTheDocument();
    expect(store.getState().epoch).toBe(0);
  });

  it('outside a lesson PageDown steps an epoch and PageUp does nothing', async () => {
    const { store } = await openAt('/');
    press('PageDown');
    expect(store.getState().epoch).toBe(1);
    press('PageUp');
    expect(store.getState().epoch).toBe(1);
    expect(useLessonStore.getState().active).toBe(false);
  });

  it('the address bar follows the scene', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      await openAt('/#lesson=3');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      press('PageDown');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      expect(fragment().get('lesson')).toBe('4');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('leaving and coming back', () => {
  it('Try it yourself leaves with the current setup; the Lesson button comes back to the scene’s', async () => {
    const { store, user } = await openAt(`/#lesson=${LESSON_SCENE_COUNT}`);
    await sceneCount();
    act(() => {
      store.getState().actions.updateSettings({ lr: 0.05 });
    });
    await user.click(screen.getByRole('button', { name: 'Try it yourself' }));
    expect(screen.queryByText(/^Scene \d+ of/)).not.toBeInTheDocument();
    expect(store.getState().settings.lr).toBe(0.05);
    expect(appRoot().dataset.lesson).toBeUndefined();
    // The focus goes to the way back in, not to the page's start.
    expect(screen.getByRole('button', { name: 'Lesson' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Lesson' }));
    expect(await sceneCount()).toHaveTextContent(`Scene ${LESSON_SCENE_COUNT} of`);
    expect(store.getState().settings.lr).toBe(0.01);
    await user.click(screen.getByRole('button', { name: 'Leave the lesson' }));
    expect(useLessonStore.getState().active).toBe(false);
  });
});

describe('predict, then see', () => {
  it('asks before the run, hides what would give it away, and shows the choice against the outcome', async () => {
    const { store, user } = await openAt(`/#lesson=${index('rate3') + 1}`);
    await sceneCount();
    const question = screen.getByRole('radiogroup', { name: /^Predict: at learning rate 0\.25/ });
    expect(appRoot().dataset.lessonConceal).toBe('regime');
    expect(screen.getByText('The answer shows once the run has played to its end.')).toBeInTheDocument();
    await user.click(within(question).getByRole('radio', { name: /closer each time/ }));
    expect(useLessonStore.getState().choice).toBe('oscillating');

    await user.click(screen.getByRole('button', { name: 'Run it' }));
    expect(store.getState().playback).toBe('playing');
    act(() => store.getState().actions.runToEnd());
    expect(
      screen.getByText(
        'You predicted: Swing past w* = 2.0 and back, closer each time. What happened: Swing past w* = 2.0 and back, further each time.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Each epoch multiplies w’s distance to w* by −1.3: larger than 1 in size, so every swing is wider than the last.',
      ),
    ).toBeInTheDocument();
    expect(appRoot().dataset.lessonConceal).toBeUndefined();
    expect(within(question).getByText('what happened').closest('label')).toHaveTextContent(
      /further each time/,
    );
  });

  it('the outcome follows the learning rate actually run', async () => {
    const { store } = await openAt(`/#lesson=${index('rate2') + 1}`);
    await sceneCount();
    act(() => {
      store.getState().actions.updateSettings({ lr: 0.05 });
      store.getState().actions.runToEnd();
    });
    expect(screen.getByRole('radiogroup', { name: /^Predict: at learning rate 0\.05/ })).toBeInTheDocument();
    expect(
      screen.getByText(
        'No prediction was chosen. What happened: Move steadily toward w* = 2.0 without passing it.',
      ),
    ).toBeInTheDocument();
  });
});

describe('in Chinese', () => {
  it('says the scene as the lecture would', async () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const { store } = await openAt('/#lesson=4');
    expect(
      await screen.findByText(`第 4 / ${LESSON_SCENE_COUNT} 幕`, undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '沿负梯度走一步' })).toBeInTheDocument();
    expect(
      screen.getByText(
        /w = 1\.0 − 0\.01 × \(-9\.333333333333334\) = 1\.0933333333333333，正是课程代码打印的第一行/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下一幕' })).toBeInTheDocument();
    expect(screen.getByText('epoch: 0 w= 1.0933333333333333 loss= 4.666666666666667')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '走一步' }));
    expect(store.getState().epoch).toBe(1);
  });
});
