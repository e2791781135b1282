import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lazyComponent, usePreloadWhenIdle } from '../../../src/components/app/lazyPanel';
import { PanelBoundary } from '../../../src/components/app/PanelBoundary';
import { useLocaleStore } from '../../../src/i18n';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

/** A module whose loading the test controls. */
function deferredModule() {
  let resolve!: (component: (props: { who: string }) => React.ReactNode) => void;
  let reject!: (error: Error) => void;
  const load = vi.fn(
    () =>
      new Promise<(props: { who: string }) => React.ReactNode>((res, rej) => {
        resolve = res;
        reject = rej;
      }),
  );
  const Greeting = ({ who }: { who: string }) => <p>Hello, {who}</p>;
  return {
    load,
    arrive: () => act(async () => resolve(Greeting)),
    fail: () => act(async () => reject(new Error('Failed to fetch dynamically imported module'))),
  };
}

describe('lazyComponent: a part loaded after the first paint', () => {
  it('holds its room with a "Loading…" status until it arrives, then shows it', async () => {
    const module = deferredModule();
    const Part = lazyComponent(module.load, { name: 'Part', placeholder: 'tab' });
    const { container } = render(<Part who="GD" />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Loading…');
    expect(status).toHaveAttribute('aria-busy', 'true');
    expect(container.querySelector('.lazy-placeholder-tab')).not.toBeNull();
    await module.arrive();
    expect(screen.getByText('Hello, GD')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
    expect(module.load).toHaveBeenCalledTimes(1);
  });

  it('once preloaded, shows at once, without a placeholder in between', async () => {
    const module = deferredModule();
    const Part = lazyComponent(module.load, { name: 'Part', placeholder: 'tab' });
    const ready = Part.preload();
    await module.arrive();
    await ready;
    render(<Part who="SGD" />);
    expect(screen.getByText('Hello, SGD')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
    expect(module.load).toHaveBeenCalledTimes(1);
  });

  it('brings the English messages it needs along', async () => {
    // A page as it starts: none of the later parts' English loaded yet (tests/setup.ts loads them all
    // into the shared modules, so this takes fresh copies).
    vi.resetModules();
    const lazy = await import('../../../src/components/app/lazyPanel');
    const i18n = await import('../../../src/i18n');
    const error = vi.spyOn(console, 'error');
    function Title() {
      return <h3>{i18n.useT()('formula.title')}</h3>;
    }
    const Part = lazy.lazyComponent(async () => Title, {
      name: 'Part',
      placeholder: 'tab',
      messages: ['formula'],
    });
    render(<Part />);
    expect(await screen.findByRole('heading', { name: 'The update, in numbers' })).toBeInTheDocument();
    expect(error).not.toHaveBeenCalled();
  });

  it('says so when it cannot be loaded, and tries again on request', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const module = deferredModule();
    const Part = lazyComponent(module.load, { name: 'Part', placeholder: 'panel' });
    const user = userEvent.setup();
    render(<Part who="you" />);
    await module.fail();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load this part of Downhill. Check the connection and try again.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    await module.arrive();
    expect(screen.getByText('Hello, you')).toBeInTheDocument();
    expect(module.load).toHaveBeenCalledTimes(2);
  });

  it('tries again when shown again after a failed load, and a dialog without room says so too', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const module = deferredModule();
    const Sheet = lazyComponent(module.load, { name: 'Sheet', placeholder: null });
    const first = render(<Sheet who="offline" />);
    await module.fail();
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load this part of Downhill.');
    first.unmount();
    // Opened again (the network is back): a new attempt, not the remembered failure.
    render(<Sheet who="online" />);
    expect(module.load).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
    await module.arrive();
    expect(screen.getByText('Hello, online')).toBeInTheDocument();
  });

  it('leaves a failure of the part itself to the panel around it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Broken = lazyComponent(
      async () =>
        function Broken(): React.ReactNode {
          throw new Error('a bug');
        },
      { name: 'Broken', placeholder: 'tab' },
    );
    render(
      <PanelBoundary name="Formula">
        <Broken />
      </PanelBoundary>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('The Formula panel ran into a problem');
    expect(screen.queryByText(/Could not load/)).toBeNull();
  });

  it('usePreloadWhenIdle loads the parts once the page is loaded and idle, before anyone asks for them', async () => {
    const module = deferredModule();
    const Part = lazyComponent(module.load, { name: 'Part', placeholder: 'tab' });
    const parts = [Part];
    function Page() {
      usePreloadWhenIdle(parts);
      return null;
    }
    vi.useFakeTimers();
    try {
      render(<Page />);
      expect(module.load).not.toHaveBeenCalled();
      await act(async () => vi.runAllTimers());
      expect(module.load).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
