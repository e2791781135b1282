import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setFocusModality } from '../../src/hooks/focusModality';
import {
  isTextField,
  keptByControl,
  shortcutFor,
  SHORTCUTS,
  useDismissOnEscape,
  useKeyboard,
} from '../../src/hooks/keyboard';
import { useClassroomStore } from '../../src/store/classroom';
import { createPlaygroundStore, type PlaygroundStore } from '../../src/store/playground';

function element(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.firstElementChild as HTMLElement;
}

afterEach(() => {
  document.body.innerHTML = '';
  useClassroomStore.setState({ presenting: false, shortcutsOpen: false });
});

describe('the shortcut table', () => {
  it('answers each key once, Shift+→ apart from →', () => {
    expect(shortcutFor('ArrowRight', false)?.help).toBe('classroom.shortcut.step');
    expect(shortcutFor('ArrowRight', true)?.help).toBe('classroom.shortcut.stepSample');
    expect(shortcutFor('PageDown', false)?.help).toBe('classroom.shortcut.clicker');
    expect(shortcutFor('e', false)?.help).toBe('classroom.shortcut.runToEnd');
    expect(shortcutFor('E', true)?.help).toBe('classroom.shortcut.runToEnd');
    expect(shortcutFor('x', false)).toBeUndefined();
    const keys = SHORTCUTS.flatMap((s) => s.keys.map((key) => `${key}/${String(s.shift)}`));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('keptByControl', () => {
  it('a text field keeps every key, however it got the focus', () => {
    for (const html of ['<input type="text">', '<input>', '<textarea></textarea>', '<select></select>']) {
      const field = element(html);
      expect(isTextField(field)).toBe(true);
      setFocusModality('pointer');
      expect(keptByControl(field, ' ')).toBe(true);
      expect(keptByControl(field, 'e')).toBe(true);
    }
    expect(isTextField(element('<input type="range">'))).toBe(false);
  });

  it('a control clicked or tapped keeps no key', () => {
    setFocusModality('pointer');
    expect(keptByControl(element('<input type="range">'), 'ArrowRight')).toBe(false);
    expect(keptByControl(element('<input type="radio">'), 'ArrowDown')).toBe(false);
    expect(keptByControl(element('<button>Reset</button>'), 'Enter')).toBe(false);
  });

  it('a control reached with Tab keeps the keys ARIA gives it, and only those', () => {
    setFocusModality('keyboard');
    const slider = element('<input type="range">');
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'])
      expect(keptByControl(slider, key)).toBe(true);
    expect(keptByControl(slider, ' ')).toBe(false);
    expect(keptByControl(slider, 'PageDown')).toBe(false);
    expect(keptByControl(slider, 'e')).toBe(false);
    const radio = element('<input type="radio">');
    expect(keptByControl(radio, 'ArrowRight')).toBe(true);
    expect(keptByControl(radio, ' ')).toBe(false);
    const tab = element('<button role="tab">Formula</button>');
    expect(keptByControl(tab, 'ArrowLeft')).toBe(true);
    const button = element('<button>Step</button>');
    expect(keptByControl(button, 'Enter')).toBe(true);
    expect(keptByControl(button, ' ')).toBe(false);
    expect(keptByControl(element('<input type="checkbox">'), ' ')).toBe(true);
    const point = element('<g tabindex="0" data-keys="ArrowLeft Delete"></g>');
    expect(keptByControl(point, 'Delete')).toBe(true);
  });
});

function Keyboard({ store }: { store: PlaygroundStore }) {
  useKeyboard(store);
  return <button type="button">elsewhere</button>;
}

function Dismissable({ active, onDismiss }: { active: boolean; onDismiss: () => void }) {
  useDismissOnEscape(active, onDismiss);
  return null;
}

const press = (key: string, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  act(() => {
    (document.activeElement ?? document.body).dispatchEvent(event);
  });
  return event;
};

describe('useKeyboard', () => {
  it('steps, plays and nudges the learning rate from the document, and leaves Ctrl/⌘ keys alone', () => {
    const store = createPlaygroundStore();
    render(<Keyboard store={store} />);
    expect(press('ArrowRight').defaultPrevented).toBe(true);
    expect(store.getState().epoch).toBe(1);
    press('PageDown');
    expect(store.getState().epoch).toBe(2);
    press('ArrowUp');
    expect(store.getState().settings.lr).toBe(0.011);
    press(' ');
    expect(store.getState().playback).toBe('playing');
    expect(press('r', { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(store.getState().playback).toBe('playing');
  });

  it('Escape dismisses the newest transient part first, then leaves presentation mode, else is the browser’s', () => {
    const store = createPlaygroundStore();
    let dismissed = 0;
    const onDismiss = () => {
      dismissed += 1;
    };
    const view = render(
      <>
        <Keyboard store={store} />
        <Dismissable active onDismiss={onDismiss} />
      </>,
    );
    useClassroomStore.setState({ presenting: true });
    expect(press('Escape').defaultPrevented).toBe(true);
    expect(dismissed).toBe(1);
    expect(useClassroomStore.getState().presenting).toBe(true);
    view.rerender(
      <>
        <Keyboard store={store} />
        <Dismissable active={false} onDismiss={onDismiss} />
      </>,
    );
    press('Escape');
    expect(useClassroomStore.getState().presenting).toBe(false);
    expect(press('Escape').defaultPrevented).toBe(false);
    expect(dismissed).toBe(1);
  });

  it('is silent while the shortcut sheet is open', () => {
    const store = createPlaygroundStore();
    render(<Keyboard store={store} />);
    useClassroomStore.setState({ shortcutsOpen: true });
    press('ArrowRight');
    expect(store.getState().epoch).toBe(0);
  });
});
