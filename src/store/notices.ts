/**
 * Notices: things the app ignored on the person's behalf (a bad link parameter, unreadable stored
 * settings). Each is shown until dismissed; the same notice is never stacked twice.
 */
import { create } from 'zustand';
import type { MessageKey } from '../i18n';

export interface Notice {
  readonly id: string;
  readonly message: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

interface NoticeState {
  readonly notices: readonly Notice[];
  readonly push: (notice: Notice) => void;
  readonly dismiss: (id: string) => void;
}

export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  push: (notice) =>
    set((state) => ({ notices: [...state.notices.filter((existing) => existing.id !== notice.id), notice] })),
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
}));
