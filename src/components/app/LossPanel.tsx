import { useCallback, useRef, useState } from 'react';
import { useHeldWhileHidden } from '../../hooks/useHeldWhileHidden';
import { useT } from '../../i18n';
import { PlaygroundProvider } from '../../store/context';
import { LossChart } from '../charts/LossChart';
import { lazyComponent } from './lazyPanel';
import { PanelBoundary } from './PanelBoundary';

const ExportMenu = lazyComponent(() => import('../classroom/ExportMenu').then((m) => m.ExportMenu), {
  name: 'ExportMenu',
  placeholder: 'export',
  messages: ['export'],
});

/**
 * The shared loss chart. Below the fold (with a third run on a laptop) it reads the store through a
 * view held while it is out of sight and the runs play fast, as the data panel does: its lines do not
 * follow them frame by frame where nobody sees them, and it shows the live runs as soon as it comes
 * near the window.
 */
export function LossPanel() {
  const t = useT();
  const lossChart = useRef<HTMLElement | null>(null);
  const [section, setSection] = useState<HTMLElement | null>(null);
  const view = useHeldWhileHidden(section);
  const setRef = useCallback((element: HTMLElement | null) => {
    lossChart.current = element;
    setSection(element);
  }, []);
  return (
    <section className="panel loss-panel" ref={setRef}>
      <PanelBoundary name={t('loss.title')}>
        <PlaygroundProvider store={view}>
          <LossChart />
        </PlaygroundProvider>
        <ExportMenu chart={lossChart} />
      </PanelBoundary>
    </section>
  );
}
