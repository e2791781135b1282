import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../../i18n';
import './notices.css';

interface BoundaryProps {
  readonly name: string;
  readonly children: ReactNode;
}

interface BoundaryState {
  readonly error: Error | null;
  /** Bumped by "reset this panel" so the children mount afresh. */
  readonly generation: number;
}

/**
 * One panel's failure stays that panel's: it shows a message and a way to reset the panel, and the
 * rest of the app keeps running.
 */
export class PanelBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, generation: 0 };

  static getDerivedStateFromError(error: Error): Partial<BoundaryState> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for whoever debugs it; the person in front of the panel sees the notice.
    console.warn(`Downhill: the ${this.props.name} panel failed`, error, info.componentStack);
  }

  private readonly reset = () =>
    this.setState((state) => ({ error: null, generation: state.generation + 1 }));

  override render() {
    if (this.state.error) return <PanelFailure name={this.props.name} onReset={this.reset} />;
    return <Fragment key={this.state.generation}>{this.props.children}</Fragment>;
  }
}

function PanelFailure({ name, onReset }: { name: string; onReset: () => void }) {
  const t = useT();
  return (
    <div className="panel panel-failure" role="alert">
      <p>{t('boundary.message', { panel: name })}</p>
      <button type="button" className="button" onClick={onReset}>
        {t('boundary.reset')}
      </button>
    </div>
  );
}
