/**
 * The runs as the loss chart last drew them, kept while no line's end would move: a settled run's
 * epoch counts on every frame, but its line grows by a pixel only every few frames (every hundred at
 * slow speeds). Until then the chart keeps the runs it drew, and does not render at all. A line's
 * end also waits for a frame that moves lines (the readout cadence of selectors.ts): at most one
 * frame, and never when a run starts, stops or changes.
 */
import { OPTIMIZER_IDS } from '../../core';
import type { PlaygroundState, Runs } from '../../store/playground';
import { selectIsLineFrame } from '../../store/selectors';
import { pointAt } from './chartData';
import { sameList, type PixelScales } from './toolkit';

/** How the lines were last drawn: the chart's scales and where a cost sits on its y axis. */
export interface DrawnWith {
  readonly scales: PixelScales;
  readonly toAxis: (cost: number) => number | null;
}

/** Where a line's end is drawn, in half pixels; the epoch itself before the chart has drawn. */
function endOf(epoch: number, cost: number | undefined, drawn: DrawnWith | null): readonly unknown[] {
  if (!drawn || cost === undefined) return [epoch];
  const axis = drawn.toAxis(cost);
  return [Math.floor(drawn.scales.x(epoch) * 2), axis === null ? null : Math.floor(drawn.scales.y(axis) * 2)];
}

/** The runs as the chart draws them: each run's setup, status and line end, in that order. */
interface DrawnKey {
  /** Setup, status and where it diverged, of each run (null: not shown). */
  readonly runs: readonly unknown[];
  readonly ends: readonly unknown[];
}

function drawnKey(runs: Runs, drawn: DrawnWith | null): DrawnKey {
  const key: unknown[] = [];
  const ends: unknown[] = [];
  for (const id of OPTIMIZER_IDS) {
    const run = runs[id];
    if (!run) {
      key.push(null);
      continue;
    }
    key.push(run.setup, run.status, run.divergedAtEpoch);
    ends.push(...endOf(run.epoch, pointAt(run, run.epoch)?.cost, drawn));
  }
  return { runs: key, ends };
}

/**
 * The runs one loss chart draws (make one per chart). `select` gives the store's runs, or the ones it
 * gave last while every line's end stays in the same half pixel of the scales the lines last
 * `report`ed (or this update does not move lines) and no run changed its setup or status.
 */
export class DrawnRuns {
  private drawn: DrawnWith | null = null;
  private last: { runs: Runs; key: DrawnKey } | null = null;
  /** The store's runs as last seen (the chart may be drawing older ones). */
  private latest: Runs | null = null;
  private refresh: (() => void) | null = null;

  /** How to make the chart render again (see report). */
  onStale(refresh: () => void): void {
    this.refresh = refresh;
  }

  /**
   * The lines say how they were drawn (after each render that changed the scales or the model). Runs
   * kept on the old scales may be more than half a pixel behind on new ones (fewer epochs, a larger
   * plot, the log scale): then the chart renders again with the store's runs.
   */
  report(drawn: DrawnWith): void {
    const rescaled = this.drawn !== null && this.drawn.scales !== drawn.scales;
    this.drawn = drawn;
    if (rescaled && this.last !== null && this.latest !== null && this.latest !== this.last.runs) {
      this.last = null;
      this.refresh?.();
    }
  }

  readonly select = (state: PlaygroundState): Runs => {
    this.latest = state.runs;
    const last = this.last;
    if (last?.runs === state.runs) return state.runs;
    const key = drawnKey(state.runs, this.drawn);
    if (last && sameList(key.runs, last.key.runs)) {
      if (sameList(key.ends, last.key.ends)) return last.runs;
      if (this.drawn !== null && !selectIsLineFrame(state)) return last.runs;
    }
    this.last = { runs: state.runs, key };
    return state.runs;
  };
}
