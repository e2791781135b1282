/**
 * The classroom store: theme, presentation mode, the keyboard-shortcut sheet, and the notices about
 * link parameters that were ignored. Side effects on the page (fullscreen, <html> classes, the URL)
 * live in src/hooks/useClassroom.ts; this store only holds what the person chose.
 */
import { create } from 'zustand';
import type { UrlRejectReason } from '../core';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Why a link parameter was ignored: the link's own problem, or the playground refused the value. */
export type UrlNoticeReason = UrlRejectReason | 'refused';

export interface UrlNoticeItem {
  /** The parameter as the link spells it (`lr`, `x` …). */
  readonly key: string;
  /** Its value, already cut short for showing. */
  readonly value: string;
  readonly reason: UrlNoticeReason;
  /** The value used instead, as a link would write it (`0.01`, `1,2,3`). */
  readonly used?: string;
  /** For 'more-than-points': how many points the link's data has. */
  readonly points?: number;
}

export interface ClassroomState {
  readonly theme: ThemeChoice;
  readonly presenting: boolean;
  readonly shortcutsOpen: boolean;
  /** Parameters of the opened link that were ignored; empty once dismissed. */
  readonly urlNotices: readonly UrlNoticeItem[];
  readonly actions: ClassroomActions;
}

export interface ClassroomActions {
  readonly setTheme: (theme: ThemeChoice) => void;
  readonly setPresenting: (presenting: boolean) => void;
  readonly setShortcutsOpen: (open: boolean) => void;
  /** Replaces the notices (reading a link again replaces what the last one reported). */
  readonly setUrlNotices: (notices: readonly UrlNoticeItem[]) => void;
  readonly dismissUrlNotices: () => void;
}

export const createClassroomStore = () =>
  create<ClassroomState>()((set) => ({
    theme: 'system',
    presenting: false,
    shortcutsOpen: false,
    urlNotices: [],
    actions: {
      setTheme: (theme) => set({ theme: THEME_CHOICES.includes(theme) ? theme : 'system' }),
      setPresenting: (presenting) => set({ presenting }),
      setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
      setUrlNotices: (urlNotices) => set({ urlNotices }),
      dismissUrlNotices: () => set({ urlNotices: [] }),
    },
  }));

export type ClassroomStore = ReturnType<typeof createClassroomStore>;

/** The app's classroom store (one page, one classroom; tests reset it with setState). */
export const useClassroomStore = createClassroomStore();

export const selectTheme = (s: ClassroomState) => s.theme;
export const selectPresenting = (s: ClassroomState) => s.presenting;
export const selectShortcutsOpen = (s: ClassroomState) => s.shortcutsOpen;
export const selectUrlNotices = (s: ClassroomState) => s.urlNotices;
export const selectClassroomActions = (s: ClassroomState) => s.actions;
