/** Rendering components inside a playground store of their own: shared by the component tests. */
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlaygroundProvider } from '../../../src/store/context';
import { createPlaygroundStore, type PlaygroundStore } from '../../../src/store/playground';

/**
 * Renders `ui` inside a PlaygroundProvider for `store` (a fresh store by default), with a user-event
 * session set up first; returns the store, the user and Testing Library's view.
 */
export function renderWithStore(ui: ReactNode, store: PlaygroundStore = createPlaygroundStore()) {
  const user = userEvent.setup();
  const view = render(<PlaygroundProvider store={store}>{ui}</PlaygroundProvider>);
  return { store, user, ...view };
}
