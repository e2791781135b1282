import { useId, useLayoutEffect, useRef, useState } from 'react';
import { nearestIndex, type LadderScale } from '../../store/ladders';
import { placeMarkLabels, spreadTicks } from '../charts/markLayout';
import type { RunId } from '../../store/playground';
import { RUN_COLOR_VARS } from '../run/runColors';
import './ladder.css';

/** A mark's colour: its run's, or the muted text colour (from the stylesheet) for 'info'. */
const toneColor = (tone: RunId | 'info'): string | undefined =>
  tone === 'info' ? undefined : RUN_COLOR_VARS[tone];

export interface Mark {
  readonly value: number;
  /** The mark in a sentence, for screen readers and the tooltip. */
  readonly label: string;
  /** What stands under the tick (by default the sentence). */
  readonly short?: string;
  /** A run's id marks its stability limit in its colour; 'info' a reference value. */
  readonly tone: RunId | 'info';
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
  const fraction = (v: number) => {
    const lo = ladder[0]!;
    const hi = ladder[last]!;
    const t = scale === 'log' ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
    return Math.min(1, Math.max(0, t));
  };
  const shown = marks.filter(
    (mark) => Number.isFinite(mark.value) && mark.value >= ladder[0]! && mark.value <= ladder[last]!,
  );
  const fractions = shown.map((mark) => fraction(mark.value));
  const { track, labels, lanes, size } = useMarkGeometry(
    shown.map((mark) => mark.short ?? mark.label).join('\n'),
    fractions,
  );
  const layout = placeMarks(size, fractions);
  return (
    <div className="ladder">
      <div className="ladder-head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id} className="ladder-value">
          {valueText}
        </output>
      </div>
      <div className="ladder-track" ref={track}>
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
        {shown.map((mark, i) => (
          <span
            key={mark.tone}
            className={`ladder-mark ladder-mark-${mark.tone}`}
            style={{
              color: toneColor(mark.tone),
              left: layout ? `${layout.ticks[i]}px` : `${fraction(mark.value) * 100}%`,
              ['--lane' as string]: layout?.labels[i]?.lane ?? 0,
            }}
            title={mark.label}
            aria-hidden="true"
          />
        ))}
      </div>
      {shown.length > 0 && (
        <ul className="ladder-mark-labels" ref={lanes} style={{ ['--lanes' as string]: layout?.lanes ?? 1 }}>
          {shown.map((mark, i) => (
            <li
              key={mark.tone}
              ref={(node) => {
                labels.current[i] = node;
              }}
              className={`ladder-mark-label ladder-mark-${mark.tone}`}
              style={
                layout
                  ? {
                      color: toneColor(mark.tone),
                      left: `${layout.labels[i]!.left}px`,
                      ['--lane' as string]: layout.labels[i]!.lane,
                    }
                  : { color: toneColor(mark.tone), left: `${fraction(mark.value) * 100}%` }
              }
              title={mark.label}
            >
              <span aria-hidden="true">{mark.short ?? mark.label}</span>
              {mark.short !== undefined && <span className="visually-hidden">{mark.label}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface MarkGeometry {
  readonly width: number;
  readonly labelWidths: readonly number[];
}

/** The input's thumb is this wide: its centre travels from half of it to width minus half of it. */
const THUMB_PX = 16;

/**
 * Measures the track and the mark labels after layout (and again when the track resizes), so that
 * the labels can be placed in pixels without covering each other. Before measuring (or where there
 * is no layout, as in jsdom), `size` is null and the marks sit at percentages.
 */
function useMarkGeometry(labelsKey: string, fractions: readonly number[]) {
  const track = useRef<HTMLDivElement>(null);
  const labels = useRef<(HTMLLIElement | null)[]>([]);
  const lanes = useRef<HTMLUListElement>(null);
  const latestFractions = useRef(fractions);
  // Before the measuring effect below (effects run in order): it reads the marks' latest places.
  useLayoutEffect(() => {
    latestFractions.current = fractions;
  });
  const [size, setSize] = useState<MarkGeometry | null>(null);
  useLayoutEffect(() => {
    const element = track.current;
    if (!element || labelsKey === '') return;
    const measure = () => {
      const width = element.clientWidth;
      // Not laid out (hidden, or no layout engine): the marks stay at their percentages.
      if (width === 0) return;
      const labelWidths = labels.current.map((label) => label?.getBoundingClientRect().width ?? 0);
      // The labels' lanes set the panel's height. They are written at once, ahead of the render
      // that places the labels: the first screen's fit, later in this commit, then measures the
      // panel at its final height, and the charts below are drawn for their final boxes.
      const placed = placeMarks({ width, labelWidths }, latestFractions.current);
      if (placed) lanes.current?.style.setProperty('--lanes', String(placed.lanes));
      setSize((previous) =>
        previous &&
        previous.width === width &&
        previous.labelWidths.length === labelWidths.length &&
        previous.labelWidths.every((w, i) => w === labelWidths[i])
          ? previous
          : { width, labelWidths },
      );
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [labelsKey]);
  return { track, labels, lanes, size };
}

/** The ticks and labels in pixels, once the track and the labels have been measured; else null. */
function placeMarks(size: MarkGeometry | null, fractions: readonly number[]) {
  if (!size || size.width <= 0 || size.labelWidths.length !== fractions.length) return null;
  const centres = fractions.map((f) => THUMB_PX / 2 + f * (size.width - THUMB_PX));
  const placed = placeMarkLabels(
    centres.map((centre, i) => ({ centre, width: size.labelWidths[i]! })),
    size.width,
  );
  return {
    ticks: spreadTicks(centres),
    labels: placed,
    lanes: 1 + Math.max(0, ...placed.map((p) => p.lane)),
  };
}
