/**
 * Data-set presets beyond the lecture. Noise is seeded, so a preset and a seed name one data set
 * on every machine (and in a shared link).
 */
import type { Dataset } from './dataset';
import { LECTURE } from './dataset';
import { gaussian, mulberry32 } from './random';

export type PresetId = 'lecture' | 'noisy' | 'outlier' | 'noisy50' | 'offset';

export const PRESET_IDS: readonly PresetId[] = ['lecture', 'noisy', 'outlier', 'noisy50', 'offset'];

/** Rounds to 2 decimals so the points read well in a table and a link. */
const tidy = (v: number): number => Math.round(v * 100) / 100;

/** y = slope·x + intercept + σ·ε at the given xs, ε ~ N(0, 1) from the seed. */
function noisyLine(
  xs: readonly number[],
  slope: number,
  intercept: number,
  sigma: number,
  seed: number,
): Dataset {
  const random = mulberry32(seed);
  return { xs: [...xs], ys: xs.map((x) => tidy(slope * x + intercept + sigma * gaussian(random))) };
}

/**
 * The data of a preset:
 * lecture: x = 1, 2, 3; y = 2x exactly.
 * noisy: y = 2x + N(0, 0.5²) at x = 1…6.
 * outlier: y = 2x at x = 1…6, except one point pulled far off the line.
 * noisy50: y = 2x + N(0, 1) at 50 points x ∈ [0, 5).
 * offset: y = 0.5x + 8 + N(0, 0.3²) at x = 8…12: far from the origin, where b matters and y = w·x cannot fit.
 */
export function presetData(id: PresetId, seed = 1): Dataset {
  switch (id) {
    case 'lecture':
      return { xs: [...LECTURE.data.xs], ys: [...LECTURE.data.ys] };
    case 'noisy':
      return noisyLine([1, 2, 3, 4, 5, 6], 2, 0, 0.5, seed);
    case 'outlier': {
      const xs = [1, 2, 3, 4, 5, 6];
      const ys = xs.map((x) => 2 * x);
      ys[4] = 2;
      return { xs, ys };
    }
    case 'noisy50': {
      const xs = Array.from({ length: 50 }, (_, i) => tidy(i / 10));
      return noisyLine(xs, 2, 0, 1, seed);
    }
    case 'offset':
      return noisyLine([8, 9, 10, 11, 12], 0.5, 8, 0.3, seed);
  }
}
