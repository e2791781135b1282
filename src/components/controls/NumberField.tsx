import { useId, useState } from 'react';
import { parseNumber, pyFloat, type ValidationError } from '../../core';
import { useT } from '../../i18n';
import { validationMessage } from '../../i18n/validation';
import './numberField.css';

interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  /** Called with every well-formed number typed; returns whether it was accepted (the store validates). */
  readonly onCommit: (value: number) => boolean;
  /** The store's problems with this field's last value (range, sign, …). */
  readonly errors?: readonly ValidationError[];
  readonly format?: (value: number) => string;
  /** Show the label above the field (by default it is for screen readers only, beside a slider). */
  readonly visibleLabel?: boolean;
}

/**
 * A typed number that never loses what was typed: the text stays as entered until it is corrected,
 * every well-formed number applies at once, and problems are shown right below the field.
 */
export function NumberField({
  label,
  value,
  onCommit,
  errors = [],
  format = pyFloat,
  visibleLabel = false,
}: NumberFieldProps) {
  const t = useT();
  const id = useId();
  // What was typed, and the value the field held when it was typed: the draft stays on screen while
  // the value is still that one (the typed number was refused) or the one typed (it was applied).
  const [draft, setDraft] = useState<{ text: string; base: number; typed: number } | null>(null);
  const current = draft && (Object.is(value, draft.base) || Object.is(value, draft.typed)) ? draft : null;
  // The value moved on from elsewhere (a slider, a reset): the draft is stale for good.
  if (draft && !current) setDraft(null);
  const text = current ? current.text : format(value);
  const parsed = current ? parseNumber(current.text) : null;
  const parseMessage =
    parsed && !parsed.ok ? t(parsed.reason === 'empty' ? 'error.empty' : 'error.notANumber') : null;
  const messages = parseMessage
    ? [parseMessage]
    : current
      ? errors.map((error) => validationMessage(t, error))
      : [];
  const errorId = `${id}-error`;
  return (
    <div className="number-field">
      <label htmlFor={id} className={visibleLabel ? 'field-label' : 'visually-hidden'}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length > 0 ? errorId : undefined}
        onChange={(event) => {
          const next = event.currentTarget.value;
          const result = parseNumber(next);
          const accepted = result.ok && onCommit(result.value);
          const base = accepted ? result.value : current ? current.base : value;
          setDraft({ text: next, base, typed: result.ok ? result.value : NaN });
        }}
        onBlur={() => {
          // Once the typed number is applied, show it the canonical way; a refused one stays as typed.
          if (parsed?.ok && errors.length === 0 && Object.is(value, current?.typed)) setDraft(null);
        }}
      />
      {messages.length > 0 && (
        <p id={errorId} className="field-error" role="alert">
          {messages.join(' ')}
        </p>
      )}
    </div>
  );
}
