/** Time limits of the component tests beyond vite.config.ts's testTimeout (30 s). */
/**
 * The time a test that renders the whole App may take: the first render of every panel in jsdom alone
 * takes seconds on a busy two-core machine (16–35 s at a load of 16), more than the 30 s vite.config.ts
 * gives a test. For describe() or it(): `describe('App', WHOLE_APP, () => …)`.
 */
export const WHOLE_APP = { timeout: 120_000 } as const;
