/**
 * What the data plot does with the pointer and the keyboard: dragging, adding and removing points,
 * and moving between them. One controller per store and language, so its handlers never change and
 * the memoised points layer is not re-rendered for their sake; every change goes through
 * updateSettings.
 */
import type {
  KeyboardEvent as ReactKeyboardEvent,
  MouseEvent as ReactMouseEvent,
  PointerEvent as ReactPointerEvent,
} from 'react';
import {
  addPoint,
  LIMITS,
  movePoint,
  nudgePoint,
  pyFloat,
  removePoint,
  roundTo2,
  type Dataset,
  type DataPoint,
} from '../../core';
import { focusModality } from '../../hooks/focusModality';
import type { Translate } from '../../i18n';
import type { PlaygroundStore } from '../../store/playground';
import { clientToSvg, type PlotFrame } from './dataPlotGeometry';

/** A click that moved further than this (px) since the button went down was a drag, not a click. */
const CLICK_SLOP = 6;

/**
 * The keys a focused point answers (its `data-keys`, which the page's keyboard module reads): the
 * arrows move it, Delete and Backspace remove it, Page Up / Page Down, Home and End pick another.
 */
export const POINT_KEYS = 'ArrowLeft ArrowRight ArrowUp ArrowDown Delete Backspace PageUp PageDown Home End';

/** The selected point, with the data it was selected in. */
export interface Selection {
  readonly index: number;
  readonly xs: readonly number[];
}

interface DragState {
  readonly index: number;
  readonly pointerId: number;
  /** The data before the drag, restored by Escape. */
  readonly origin: Dataset;
  pending: DataPoint | null;
  frame: number;
  moved: boolean;
}

export interface PointHandlers {
  readonly onPointerDown: (index: number, event: ReactPointerEvent<SVGGElement>) => void;
  readonly onPointerMove: (event: ReactPointerEvent<SVGGElement>) => void;
  readonly onPointerEnd: (event: ReactPointerEvent<SVGGElement>) => void;
  readonly onKeyDown: (index: number, event: ReactKeyboardEvent<SVGGElement>) => void;
  readonly onFocus: (index: number) => void;
  readonly onRemove: (index: number) => void;
}

export interface ControllerDeps {
  readonly store: PlaygroundStore;
  readonly t: Translate;
  readonly setSelection: (selection: Selection | null) => void;
  readonly setDragging: (dragging: boolean) => void;
  readonly setAnnouncement: (text: string) => void;
}

export interface PlotController extends PointHandlers {
  readonly setFrame: (frame: PlotFrame) => void;
  /** The point to focus after the last render (once), or null. */
  readonly takeFocusRequest: () => number | null;
  readonly onBackgroundPointerDown: (event: ReactPointerEvent<SVGRectElement>) => void;
  readonly onBackgroundClick: (event: ReactMouseEvent<SVGRectElement>) => void;
}

/** What the plot does with the pointer and the keyboard; every change goes through updateSettings. */
export function plotController({
  store,
  t,
  setSelection,
  setDragging,
  setAnnouncement,
}: ControllerDeps): PlotController {
  let frame: PlotFrame | null = null;
  let drag: DragState | null = null;
  let focusRequest: number | null = null;
  let press: { x: number; y: number } | null = null;

  const data = (): Dataset => store.getState().settings;
  const select = (index: number) => setSelection({ index, xs: data().xs });
  const apply = (next: Dataset) => store.getState().actions.updateSettings({ xs: next.xs, ys: next.ys });
  const describe = (key: 'data.moved' | 'data.added', index: number, d: Dataset) =>
    t(key, { n: index + 1, x: pyFloat(d.xs[index]!), y: pyFloat(d.ys[index]!) });
  /** The data coordinates under the pointer, clamped to the view. */
  const pointAt = (element: SVGElement, clientX: number, clientY: number): DataPoint | null => {
    if (!frame) return null;
    const point = frame.toData(clientToSvg(element.ownerSVGElement, frame, clientX, clientY));
    return { x: roundTo2(point.x), y: roundTo2(point.y) };
  };

  const flush = () => {
    const state = drag;
    if (!state) return;
    if (state.frame) cancelAnimationFrame(state.frame);
    state.frame = 0;
    const point = state.pending;
    state.pending = null;
    if (!point) return;
    const current = data();
    if (current.xs[state.index] === point.x && current.ys[state.index] === point.y) return;
    if (!apply(movePoint(current, state.index, point))) return;
    state.moved = true;
    select(state.index);
  };

  const endDrag = (commit: boolean) => {
    const state = drag;
    if (!state) return;
    if (commit) flush();
    else if (state.frame) cancelAnimationFrame(state.frame);
    drag = null;
    setDragging(false);
    if (!commit) {
      apply(state.origin);
      return;
    }
    if (state.moved) setAnnouncement(describe('data.moved', state.index, data()));
  };

  const remove = (index: number, refocus: boolean) => {
    const next = removePoint(data(), index);
    if (!next) {
      setAnnouncement(t('data.lastPoint'));
      return;
    }
    if (!apply(next)) return;
    const now = Math.min(index, next.xs.length - 1);
    select(now);
    if (refocus) focusRequest = now;
    setAnnouncement(t('data.removed', { n: index + 1, count: next.xs.length }));
  };

  return {
    setFrame: (next) => {
      frame = next;
    },
    takeFocusRequest: () => {
      const index = focusRequest;
      focusRequest = null;
      return index;
    },
    onBackgroundPointerDown: (event) => {
      press = { x: event.clientX, y: event.clientY };
    },
    onBackgroundClick: (event) => {
      const start = press;
      press = null;
      if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > CLICK_SLOP) return;
      const point = pointAt(event.currentTarget, event.clientX, event.clientY);
      if (!point) return;
      const next = addPoint(data(), point);
      if (!next) {
        setAnnouncement(t('data.full', { max: LIMITS.maxPoints }));
        return;
      }
      if (!apply(next)) return;
      const index = next.xs.length - 1;
      select(index);
      setAnnouncement(describe('data.added', index, next));
    },
    onPointerDown: (index, event) => {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      if (drag) return;
      event.preventDefault();
      event.stopPropagation();
      const element = event.currentTarget;
      element.setPointerCapture?.(event.pointerId);
      // Focused by the pointer: selected, without the keyboard's focus ring (pointerdown's
      // preventDefault keeps the browser from focusing it, so its own heuristic cannot tell).
      element.focus({ preventScroll: true, focusVisible: false });
      select(index);
      const { xs, ys } = data();
      drag = { index, pointerId: event.pointerId, origin: { xs, ys }, pending: null, frame: 0, moved: false };
      setDragging(true);
    },
    onPointerMove: (event) => {
      const state = drag;
      if (!state || state.pointerId !== event.pointerId) return;
      const point = pointAt(event.currentTarget, event.clientX, event.clientY);
      if (!point) return;
      state.pending = point;
      // One store update per frame, however many pointer events arrive.
      if (!state.frame) {
        if (typeof requestAnimationFrame === 'function') state.frame = requestAnimationFrame(flush);
        else flush();
      }
    },
    onPointerEnd: (event) => {
      if (drag && drag.pointerId === event.pointerId) endDrag(true);
    },
    onKeyDown: (index, event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      if (key === 'Escape' && drag) {
        event.preventDefault();
        endDrag(false);
        return;
      }
      // A point focused by a click or a tap keeps no keys: → steps an epoch, ↑ raises the learning
      // rate, as everywhere else on the page. One reached with Tab moves with the arrows.
      if (focusModality() === 'pointer') return;
      const step = event.shiftKey ? 1 : 0.1;
      const moves: Record<string, readonly [number, number]> = {
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
        ArrowRight: [step, 0],
        ArrowLeft: [-step, 0],
      };
      const move = moves[key];
      if (move) {
        event.preventDefault();
        const next = nudgePoint(data(), index, move[0], move[1]);
        if (!apply(next)) return;
        select(index);
        setAnnouncement(describe('data.moved', index, next));
        return;
      }
      if (key === 'Delete' || key === 'Backspace') {
        event.preventDefault();
        remove(index, true);
        return;
      }
      const count = data().xs.length;
      const targets: Record<string, number> = {
        PageDown: Math.min(count - 1, index + 1),
        PageUp: Math.max(0, index - 1),
        Home: 0,
        End: count - 1,
      };
      const target = targets[key];
      if (target !== undefined) {
        event.preventDefault();
        select(target);
        focusRequest = target;
      }
    },
    onFocus: (index) => select(index),
    onRemove: (index) => remove(index, false),
  };
}
