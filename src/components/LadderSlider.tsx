import { useId } from 'react';

export type LadderScale = 'log' | 'linear';

/** Index of the ladder value nearest to `value`, measured on the ladder's scale. */
export function nearestIndex(ladder: readonly number[], value: number, scale: LadderScale = 'log'): number {
  let best = 0;
  let bestDistance = Infinity;
  ladder.forEach((step, index) => {
    const distance = scale === 'log' && value > 0 ? Math.abs(Math.log(step / value)) : Math.abs(step - value);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

export interface Mark {
  readonly value: number;
  readonly label: string;
  /** 'gd' and 'sgd' mark each run's stability limit in its colour; 'info' a reference value. */
  readonly tone: 'gd' | 'sgd' | 'minibatch' | 'info';
}

interface LadderSliderProps {
  readonly label: string;
  /** The notches, ascending: arrow keys move one notch, Home/End jump to the ends. */
  readonly ladder: readonly number[];
  readonly value: number;
  readonly onChange: (value: number) => void;
  /** The value in words, for screen readers and the visible readout. */
  readonly valueText: string;
  readonly marks?: readonly Mark[];
  /** How the notches are spaced (default log). */
  readonly scale?: LadderScale;
}

/**
 * A range input over a ladder of round values (log-spaced), so that dragging lands on numbers a
 * teacher would say aloud (0.01, 0.012, 0.015 …) and the keyboard moves one notch at a time.
 */
export function LadderSlider({
  label,
  ladder,
  value,
  onChange,
  valueText,
  marks = [],
  scale = 'log',
}: LadderSliderProps) {
  const id = useId();
  const index = nearestIndex(ladder, value, scale);
  const last = ladder.length - 1;
  const position = (v: number) => {
    const lo = ladder[0]!;
    const hi = ladder[last]!;
    const t = scale === 'log' ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
    return `${Math.min(100, Math.max(0, t * 100))}%`;
  };
  return (
    <div className="ladder">
      <div className="ladder-head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id} className="ladder-value">
          {valueText}
        </output>
      </div>
      <div className="ladder-track">
        <input
          id={id}
          type="range"
          min={0}
          max={last}
          step={1}
          value={index}
          aria-valuetext={valueText}
          onChange={(event) => {
            const next = ladder[Number(event.currentTarget.value)];
            if (next !== undefined) onChange(next);
          }}
        />
        {marks
          .filter(
            (mark) => Number.isFinite(mark.value) && mark.value >= ladder[0]! && mark.value <= ladder[last]!,
          )
          .map((mark) => (
            <span
              key={mark.label}
              className={`ladder-mark ladder-mark-${mark.tone}`}
              style={{ left: position(mark.value) }}
              title={mark.label}
              aria-hidden="true"
            />
          ))}
      </div>
    </div>
  );
}
