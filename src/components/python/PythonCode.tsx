import { useId, useMemo, useState, type ReactNode } from 'react';
import { optimizerScript, optimizerTorchScript, type ScriptFile } from '../../core';
import { useT } from '../../i18n';
import { usePlaygroundSelector } from '../../store/context';
import type { PlaygroundSettings, RunId } from '../../store/playground';
import { scriptConfigOf, selectScriptConfig } from '../../store/scripts';
import { copyText } from '../app/clipboard';
import { useFleetingMessage } from '../app/fleetingMessage';
import './python.css';

/**
 * "Download code": the plain-Python script of run `id` with these settings, and its file name (the
 * lecture's gradient_descent.py / stochastic_gradient_descent.py for its two, `adam.py` …).
 */
export function codeFile(settings: PlaygroundSettings, id: RunId): ScriptFile {
  return optimizerScript(scriptConfigOf(settings, id));
}

/** "Download PyTorch code": the same run with autograd and torch.optim (`adam_torch.py` …). */
export function torchFile(settings: PlaygroundSettings, id: RunId): ScriptFile {
  return optimizerTorchScript(scriptConfigOf(settings, id));
}

const KEYWORDS =
  'def|return|for|in|import|as|try|except|if|elif|else|is|not|None|True|False|and|or|while|from|pass|with|break|continue|lambda';
const BUILTINS = 'print|zip|len|range|float|all|any|abs|min|max|int|sum|list';

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

/** The two scripts of a run: plain Python in the lecture's style, and PyTorch with torch.optim. */
type Flavour = 'plain' | 'torch';
const FLAVOURS: readonly Flavour[] = ['plain', 'torch'];

/**
 * Run `id`'s script with the current settings filled in as exact Python literals (the lecture's own
 * for GD and SGD), or the same run in PyTorch: lightly highlighted, with line numbers and a copy button.
 */
export function PythonCode({ id }: { id: RunId }) {
  const t = useT();
  const config = usePlaygroundSelector(selectScriptConfig(id));
  const [flavour, setFlavour] = useState<Flavour>('plain');
  const script = useMemo(
    () => (flavour === 'plain' ? optimizerScript(config) : optimizerTorchScript(config)),
    [flavour, config],
  );
  const lines = useMemo(() => script.text.replace(/\n$/, '').split('\n'), [script]);
  const { file } = script;
  const [message, show] = useFleetingMessage();
  const radioName = useId();

  const copy = async () => {
    const ok = await copyText(script.text);
    show(ok ? t('python.code.copied', { file }) : t('python.copyFailed'));
  };

  return (
    <div className="py-code-view">
      <div className="py-toolbar">
        <div role="radiogroup" aria-label={t('python.code.flavour')} className="segmented py-flavour">
          {FLAVOURS.map((option) => (
            <label key={option} className={flavour === option ? 'segmented-on' : undefined}>
              <input
                type="radio"
                name={radioName}
                value={option}
                checked={flavour === option}
                onChange={() => setFlavour(option)}
              />
              {t(option === 'plain' ? 'python.code.plain' : 'python.code.torch')}
            </label>
          ))}
        </div>
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
      <p className="py-note">{t(flavour === 'plain' ? 'python.code.note' : 'python.code.torchNote')}</p>
    </div>
  );
}
