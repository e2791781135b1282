import { useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { pythonScript, pythonScriptName, type TranscriptConfig } from '../core';
import { useT } from '../i18n';
import { usePlaygroundSelector } from '../store/context';
import type { PlaygroundSettings, LectureRunId } from '../store/playground';
import { copyText } from './download';
import { useFleetingMessage } from './fleetingMessage';
import './python.css';

/** The lecture's script for run `id` with these settings. */
export function scriptConfig(settings: PlaygroundSettings, id: LectureRunId): TranscriptConfig {
  const { xs, ys, w0, lr, epochs, predictX } = settings;
  return { optimizer: id, xs, ys, w0, lr, epochs, predictX };
}

/** "Download code": the script for run `id` with these settings, and the lecture's name for it. */
export function codeFile(settings: PlaygroundSettings, id: LectureRunId): { file: string; text: string } {
  return { file: pythonScriptName(id), text: pythonScript(scriptConfig(settings, id)) };
}

const KEYWORDS = 'def|return|for|in|import|as|try|except|if|else|is|not|None|and|or|while|from|pass';
const BUILTINS = 'print|zip|len|range|float';
// One alternative per kind: a comment runs to the end of the line; strings may hold '#'.
const TOKEN = new RegExp(
  String.raw`(#.*$)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|\b(${KEYWORDS})\b|\b(${BUILTINS})\b|((?:\b\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)`,
  'g',
);
const KINDS = ['comment', 'string', 'keyword', 'builtin', 'number'] as const;

/** One line of Python with comments, strings, keywords, built-ins and numbers wrapped in spans. */
export function highlightPython(line: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of line.matchAll(TOKEN)) {
    const kind = KINDS[match.slice(1).findIndex((group) => group !== undefined)];
    if (match.index > at) parts.push(line.slice(at, match.index));
    parts.push(
      <span key={match.index} className={`py-tok-${kind ?? 'plain'}`}>
        {match[0]}
      </span>,
    );
    at = match.index + match[0].length;
  }
  if (at < line.length) parts.push(line.slice(at));
  return parts;
}

/**
 * The lecture's script (gradient_descent.py or stochastic_gradient_descent.py) with the current
 * settings filled in as exact Python literals, lightly highlighted, with line numbers and a copy button.
 */
export function PythonCode({ id }: { id: LectureRunId }) {
  const t = useT();
  const { xs, ys, w0, lr, epochs, predictX, model } = usePlaygroundSelector(
    useShallow((s) => {
      const { xs, ys, w0, lr, epochs, predictX, model } = s.settings;
      return { xs, ys, w0, lr, epochs, predictX, model };
    }),
  );
  const script = useMemo(
    () => pythonScript({ optimizer: id, xs, ys, w0, lr, epochs, predictX }),
    [id, xs, ys, w0, lr, epochs, predictX],
  );
  const lines = useMemo(() => script.replace(/\n$/, '').split('\n'), [script]);
  const file = pythonScriptName(id);
  const [message, show] = useFleetingMessage();

  const copy = async () => {
    const ok = await copyText(script);
    show(ok ? t('python.code.copied', { file }) : t('python.copyFailed'));
  };

  return (
    <div className="py-code-view">
      <div className="py-toolbar">
        <span className="py-file mono">{file}</span>
        <button type="button" className="button py-button" onClick={() => void copy()}>
          {t('python.code.copy')}
        </button>
        <span className="py-message" role="status">
          {message}
        </span>
      </div>
      <pre className="py-code mono" role="region" aria-label={t('python.code.label', { file })} tabIndex={0}>
        <code>
          {lines.map((line, i) => (
            <span key={i} className="py-code-line">
              {highlightPython(line)}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
      <p className="py-note">{t('python.code.note')}</p>
      {model !== 'w' && <p className="py-note">{t('python.code.modelNote')}</p>}
    </div>
  );
}
