import {
  Component,
  Fragment,
  lazy,
  Suspense,
  useEffect,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { loadMessages, useT, type MessagePart } from '../../i18n';
import './lazy.css';

/** The room a part's placeholder holds: a run's view (tab), the 2-D landscape, a panel, the export bar. */
export type PlaceholderSize = 'tab' | 'landscape2d' | 'panel' | 'export';

export interface LazyOptions {
  /** For React's developer tools. */
  readonly name: string;
  /** The room to hold while it loads; null for a part that takes none (a dialog). */
  readonly placeholder: PlaceholderSize | null;
  /** The English messages it needs beyond the first page's (see LATER_MESSAGES in i18n). */
  readonly messages?: readonly MessagePart[];
}

/** A component whose code is loaded on first use, or ahead with `preload`. */
export interface LazyComponent<P> {
  (props: P): ReactNode;
  /** Starts loading it (once); resolves when it is ready. A failed load is tried again next time. */
  readonly preload: () => Promise<unknown>;
}

/** A part's code (or its messages) could not be fetched. */
class LoadError extends Error {
  constructor(name: string, cause: unknown) {
    super(`${name} could not be loaded`, { cause });
    this.name = 'LoadError';
  }
}

/**
 * A part of the page loaded after the first paint: React.lazy with
 * - a placeholder holding its room while it loads;
 * - an instance mounted once the code is there rendering it at once (a fresh React.lazy suspends for
 *   a moment on first use even when the code was preloaded, which would flash the placeholder);
 * - a failed load (offline before the service worker had the file) saying so, with a button to try
 *   again, instead of taking down the panel around it.
 * Errors of the loaded component itself go to the nearest PanelBoundary, as before.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { name, placeholder, messages = [] }: LazyOptions,
): LazyComponent<P> {
  // The messages are small: they start loading with the app, so that they are there before the code
  // is (a fetch started during the long first render waits for it to end).
  void Promise.all(messages.map(loadMessages)).catch(() => {});
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  let failed = false;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= Promise.all([load(), ...messages.map(loadMessages)]).then(
      ([component]) => (loaded = component),
      (error: unknown) => {
        pending = null;
        failed = true;
        throw new LoadError(name, error);
      },
    );
    return pending;
  };
  // Replaced after a failure: React.lazy remembers a rejection for good.
  let Deferred = lazy(async () => ({ default: await preload() }));
  const retry = () => {
    failed = false;
    Deferred = lazy(async () => ({ default: await preload() }));
  };
  function Latest({ props }: { props: P }) {
    const Current = Deferred;
    return <Current {...props} />;
  }

  function Lazy(props: P) {
    // Decided once per instance, so that an instance never swaps one element type for another. An
    // instance mounted after a failed load tries again (the network may be back).
    const [ready] = useState(() => {
      if (failed) retry();
      return loaded;
    });
    if (ready) {
      const Ready = ready;
      return <Ready {...props} />;
    }
    return (
      <LoadBoundary placeholder={placeholder} onRetry={retry}>
        <Suspense fallback={placeholder === null ? null : <LoadingPlaceholder size={placeholder} />}>
          <Latest props={props} />
        </Suspense>
      </LoadBoundary>
    );
  }
  Lazy.displayName = `Lazy(${name})`;
  return Object.assign(Lazy, { preload });
}

interface LoadBoundaryProps {
  readonly placeholder: PlaceholderSize | null;
  readonly onRetry: () => void;
  readonly children: ReactNode;
}

/** Shows a failed load with a retry; any other error goes on to the panel's own boundary. */
class LoadBoundary extends Component<LoadBoundaryProps, { error: unknown; tries: number }> {
  override state = { error: null as unknown, tries: 0 };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    if (error instanceof LoadError) console.warn(`Downhill: ${error.message}`, error.cause);
  }

  private readonly retry = () => {
    this.props.onRetry();
    this.setState((state) => ({ error: null, tries: state.tries + 1 }));
  };

  override render() {
    const { error, tries } = this.state;
    if (error === null) return <Fragment key={tries}>{this.props.children}</Fragment>;
    if (!(error instanceof LoadError)) throw error;
    const { placeholder } = this.props;
    return <LoadFailed size={placeholder} onRetry={this.retry} />;
  }
}

/**
 * Loads `parts` once the page has loaded and is idle, so that a tab or a dialog opened later shows at
 * once, without competing with what the first screen needs. A failure is left for the moment the
 * part is actually shown.
 */
export function usePreloadWhenIdle(parts: readonly Pick<LazyComponent<never>, 'preload'>[]): void {
  useEffect(() => {
    let cancel = () => {};
    const preload = () => {
      for (const part of parts) part.preload().catch(() => {});
    };
    const whenIdle = () => {
      if (typeof requestIdleCallback === 'function') {
        const handle = requestIdleCallback(preload, { timeout: 2000 });
        cancel = () => cancelIdleCallback(handle);
      } else {
        const handle = setTimeout(preload, 200);
        cancel = () => clearTimeout(handle);
      }
    };
    if (document.readyState === 'complete') whenIdle();
    else {
      window.addEventListener('load', whenIdle, { once: true });
      cancel = () => window.removeEventListener('load', whenIdle);
    }
    return () => cancel();
  }, [parts]);
}

const placeholderClass = (size: PlaceholderSize) =>
  `lazy-placeholder lazy-placeholder-${size}${size === 'panel' ? ' panel' : ''}`;

/**
 * What a part shows until it arrives: its room, so that nothing jumps when it comes, and "Loading…"
 * (a status; visible only once the wait is long enough to notice).
 */
export function LoadingPlaceholder({ size }: { size: PlaceholderSize }) {
  const t = useT();
  return (
    <div className={placeholderClass(size)} role="status" aria-busy="true">
      <span className="lazy-placeholder-text">{t('app.loading')}</span>
    </div>
  );
}

/** A failed load, with a retry; a part that holds no room (a dialog) says so in a line of its own. */
function LoadFailed({ size, onRetry }: { size: PlaceholderSize | null; onRetry: () => void }) {
  const t = useT();
  return (
    <div
      className={size === null ? 'lazy-failed lazy-failed-inline' : `${placeholderClass(size)} lazy-failed`}
      role="alert"
    >
      <p>{t('app.loadFailed')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
