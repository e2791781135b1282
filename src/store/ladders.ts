/** Round values for the sliders: what a teacher would say aloud, log-spaced. */

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

const MANTISSAS_FINE = [1, 1.1, 1.2, 1.3, 1.5, 1.7, 2, 2.2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9];

/** 1e-4 … 1 in 18 steps a decade: 0.01, 0.011, 0.012, 0.013, 0.015 … (exact decimal values). */
export const LEARNING_RATE_LADDER: readonly number[] = [
  ...[-4, -3, -2, -1].flatMap((exponent) => MANTISSAS_FINE.map((m) => Number(`${m}e${exponent}`))),
  1,
];

/** 1 … 1,000 epochs per second. */
export const SPEED_LADDER: readonly number[] = [1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000];

/** 1 … 100,000 epochs. */
export const EPOCHS_LADDER: readonly number[] = [
  1, 2, 3, 5, 10, 20, 30, 50, 100, 150, 200, 300, 500, 1000, 2000, 3000, 5000, 10000, 20000, 30000, 50000,
  100000,
];

/** Initial w from −10 to 10 in steps of 0.5 (a linear ladder). */
export const INITIAL_W_LADDER: readonly number[] = Array.from({ length: 41 }, (_, i) => -10 + i * 0.5);
