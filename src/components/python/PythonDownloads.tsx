import { useT } from '../../i18n';
import { usePlaygroundStoreApi } from '../../store/context';
import type { RunId } from '../../store/playground';
import { downloadText } from '../app/download';
import { useFleetingMessage } from '../app/fleetingMessage';
import './python.css';

/**
 * "Download output" (the printout so far, as downhill-<run>-output.txt), "Download code" (the plain
 * script: gradient_descent.py / stochastic_gradient_descent.py for the lecture's two, adam.py …) and
 * "Download PyTorch code" (the same run with torch.optim, gradient_descent_torch.py …) for run `id`.
 * All read the store when clicked, so they subscribe to nothing and work whichever view is open. The
 * code that writes the files comes with the Python views (loaded after the first paint, usually long
 * before a click).
 */
export function PythonDownloads({ id }: { id: RunId }) {
  const t = useT();
  const store = usePlaygroundStoreApi();
  const [message, show] = useFleetingMessage();

  const save = async (
    make: () => Promise<{ readonly file: string; readonly text: string }>,
    type: string,
  ): Promise<void> => {
    let made;
    try {
      made = await make();
    } catch {
      show(t('app.loadFailed'));
      return;
    }
    downloadText(made.file, made.text, type);
    show(t('python.downloaded', { file: made.file }));
  };
  const downloadOutput = () => {
    const state = store.getState();
    return save(async () => (await import('./PythonOutput')).outputFile(state, id), 'text/plain');
  };
  const downloadCode = () => {
    const { settings } = store.getState();
    return save(async () => (await import('./PythonCode')).codeFile(settings, id), 'text/x-python');
  };
  const downloadTorch = () => {
    const { settings } = store.getState();
    return save(async () => (await import('./PythonCode')).torchFile(settings, id), 'text/x-python');
  };

  return (
    <div
      className="py-downloads"
      role="group"
      aria-label={t('python.downloads', { run: t(`run.${id}.short`) })}
    >
      <button type="button" className="button py-button" onClick={() => void downloadOutput()}>
        {t('python.output.download')}
      </button>
      <button type="button" className="button py-button" onClick={() => void downloadCode()}>
        {t('python.code.download')}
      </button>
      <button type="button" className="button py-button" onClick={() => void downloadTorch()}>
        {t('python.torch.download')}
      </button>
      <span className="py-message" role="status">
        {message}
      </span>
    </div>
  );
}
