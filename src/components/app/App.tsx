import { useT } from '../../i18n';
import { useClassroom } from '../../hooks/useClassroom';
import { useAnimationLoop } from '../../hooks/useAnimationLoop';
import { useKeyboard } from '../../hooks/keyboard';
import { usePersistence } from '../../hooks/usePersistence';
import { usePlaygroundSelector, usePlaygroundStoreApi } from '../../store/context';
import { selectShownRunIds } from '../../store/selectors';
import { FirstScreenFit } from './FirstScreenFit';
import { Header } from './Header';
import { LearningRatePanel } from '../run/LearningRatePanel';
import { LessonSlot, useLessonAttributes } from '../lesson/LessonSlot';
import { lazyComponent } from './lazyPanel';
import { LossPanel } from './LossPanel';
import { Notices } from './Notices';
import { PanelBoundary } from './PanelBoundary';
import { RunPanel } from '../run/RunPanel';
import { SettingsPanel } from '../run/SettingsPanel';
import { TransportControls } from '../run/TransportControls';

// Below the fold or on demand: loaded after the first paint, so the lecture's view comes up first.
const ModelPanel = lazyComponent(() => import('../run/ModelPanel').then((m) => m.ModelPanel), {
  name: 'ModelPanel',
  placeholder: 'panel',
});
const DataPanel = lazyComponent(() => import('../data/DataPanel').then((m) => m.DataPanel), {
  name: 'DataPanel',
  placeholder: 'panel',
  messages: ['data'],
});

/**
 * The playground, picture first: one bar with the transport and the learning rate, under it the runs'
 * landscapes side by side with the shared loss chart, all on the first screen of a laptop or a
 * projector; the lecture's printout, the setup, the data and "beyond the lecture" one scroll below.
 */
export function App() {
  const t = useT();
  const store = usePlaygroundStoreApi();
  useAnimationLoop(store);
  useKeyboard(store);
  // This tab's setup or the link's, else the stored one (see applyStartupState), kept as it changes.
  usePersistence(store);
  useClassroom(store);
  // A lesson's scene: which runs show, what is highlighted (lesson/lesson.css).
  const lessonAttributes = useLessonAttributes();
  const shownRuns = usePlaygroundSelector(selectShownRunIds);
  return (
    <div className="app" {...lessonAttributes}>
      <a className="skip-link" href="#runs">
        {t('app.skipToContent')}
      </a>
      <Header />
      <Notices />
      <main>
        <div className="top-bar">
          <PanelBoundary name={t('controls.label')}>
            <TransportControls />
          </PanelBoundary>
          <PanelBoundary name={t('settings.lrPanel')}>
            <LearningRatePanel />
          </PanelBoundary>
        </div>
        <FirstScreenFit />
        <div className={`workspace${shownRuns.length > 2 ? ' workspace-three' : ''}`} id="runs" tabIndex={-1}>
          <LessonSlot />
          {shownRuns.map((id) => (
            <PanelBoundary key={id} name={t(`run.${id}`)}>
              <RunPanel id={id} />
            </PanelBoundary>
          ))}
          <LossPanel />
        </div>
        <div className="beyond-row">
          <PanelBoundary name={t('settings.label')}>
            <SettingsPanel />
          </PanelBoundary>
          <PanelBoundary name={t('data.panel')}>
            <DataPanel />
          </PanelBoundary>
          <PanelBoundary name={t('model.panel')}>
            <ModelPanel />
          </PanelBoundary>
        </div>
      </main>
    </div>
  );
}
