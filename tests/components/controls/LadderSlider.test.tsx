import { useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LadderSlider, type Mark } from '../../../src/components/controls/LadderSlider';
import {
  EPOCHS_LADDER,
  INITIAL_W_LADDER,
  LEARNING_RATE_LADDER,
  nearestIndex,
  SPEED_LADDER,
  type LadderScale,
} from '../../../src/store/ladders';
import { emulateRangeKeyboard } from '../helpers/range';

// ---------------------------------------------------------------------------------------------

let stopEmulating = () => {};
beforeEach(() => {
  stopEmulating = emulateRangeKeyboard();
});
afterEach(() => stopEmulating());

const LADDER = [1, 2, 5, 10, 20, 50, 100];

/** A slider over `ladder` whose value is held by a parent, with the changes it reported. */
function renderSlider(
  options: {
    ladder?: readonly number[];
    initial?: number;
    scale?: LadderScale;
    marks?: readonly Mark[];
  } = {},
) {
  const changes = vi.fn<(value: number) => void>();
  function Parent() {
    const [value, setValue] = useState(options.initial ?? 10);
    return (
      <LadderSlider
        label="Speed"
        ladder={options.ladder ?? LADDER}
        value={value}
        valueText={`${value} per second`}
        {...(options.scale ? { scale: options.scale } : {})}
        {...(options.marks ? { marks: options.marks } : {})}
        onChange={(next) => {
          changes(next);
          setValue(next);
        }}
      />
    );
  }
  const user = userEvent.setup();
  const view = render(<Parent />);
  const slider = screen.getByRole('slider', { name: 'Speed' });
  return { user, slider, changes, ...view };
}

describe('nearestIndex', () => {
  it('finds a value on the ladder', () => {
    expect(nearestIndex(LADDER, 10)).toBe(3);
    expect(nearestIndex(LEARNING_RATE_LADDER, 0.01)).toBe(LEARNING_RATE_LADDER.indexOf(0.01));
    expect(nearestIndex(INITIAL_W_LADDER, 1, 'linear')).toBe(INITIAL_W_LADDER.indexOf(1));
  });

  it('rounds a value between notches on the ladder’s own scale', () => {
    // On a log scale 3 is nearer 2 than 5 (3/2 < 5/3); on a linear one it is also nearer 2.
    expect(nearestIndex(LADDER, 3)).toBe(1);
    // 4 is nearer 5 on both scales; 3.3 is nearer 5 on a log scale (5/3.3 < 3.3/2) but nearer 2 linearly.
    expect(nearestIndex(LADDER, 4)).toBe(2);
    expect(nearestIndex(LADDER, 3.3)).toBe(2);
    expect(nearestIndex(LADDER, 3.3, 'linear')).toBe(1);
  });

  it('clamps values beyond either end', () => {
    expect(nearestIndex(LADDER, 0.001)).toBe(0);
    expect(nearestIndex(LADDER, 1e9)).toBe(LADDER.length - 1);
    expect(nearestIndex(INITIAL_W_LADDER, -1000, 'linear')).toBe(0);
    expect(nearestIndex(INITIAL_W_LADDER, 1000, 'linear')).toBe(INITIAL_W_LADDER.length - 1);
  });

  it('handles zero and negative values on a log ladder without NaN', () => {
    expect(nearestIndex(LADDER, 0)).toBe(0);
    expect(nearestIndex(LADDER, -5)).toBe(0);
  });
});

describe('the ladders', () => {
  it.each([
    ['learning rate', LEARNING_RATE_LADDER],
    ['speed', SPEED_LADDER],
    ['epochs', EPOCHS_LADDER],
    ['initial w', INITIAL_W_LADDER],
  ] as const)('the %s ladder is strictly ascending', (_, ladder) => {
    for (let i = 1; i < ladder.length; i++) expect(ladder[i]!).toBeGreaterThan(ladder[i - 1]!);
  });

  it('holds the round values a teacher says aloud', () => {
    expect(LEARNING_RATE_LADDER[0]).toBe(0.0001);
    expect(LEARNING_RATE_LADDER.at(-1)).toBe(1);
    expect(LEARNING_RATE_LADDER).toEqual(expect.arrayContaining([0.01, 0.011, 0.012, 0.015, 0.3]));
    expect(SPEED_LADDER).toEqual(expect.arrayContaining([1, 10, 20, 1000]));
    expect(EPOCHS_LADDER).toEqual(expect.arrayContaining([1, 100, 150, 10000]));
    expect(INITIAL_W_LADDER).toEqual(expect.arrayContaining([-10, 0, 1, 1.5, 10]));
  });
});

describe('LadderSlider', () => {
  it('is a labelled range over the notch indices, with the value in words', () => {
    const { slider } = renderSlider();
    expect(slider).toHaveAttribute('min', '0');
    expect(slider).toHaveAttribute('max', String(LADDER.length - 1));
    expect(slider).toHaveAttribute('step', '1');
    expect(slider).toHaveValue('3');
    expect(slider).toHaveAttribute('aria-valuetext', '10 per second');
    expect(screen.getByText('10 per second').tagName).toBe('OUTPUT');
  });

  it('moves one notch per arrow key and reports the notch’s value', async () => {
    const { user, slider, changes } = renderSlider();
    act(() => slider.focus());
    await user.keyboard('{ArrowRight}');
    expect(changes).toHaveBeenLastCalledWith(20);
    expect(slider).toHaveAttribute('aria-valuetext', '20 per second');
    await user.keyboard('{ArrowUp}');
    expect(changes).toHaveBeenLastCalledWith(50);
    await user.keyboard('{ArrowLeft}{ArrowDown}{ArrowDown}');
    expect(changes).toHaveBeenLastCalledWith(5);
    expect(changes).toHaveBeenCalledTimes(5);
  });

  it('jumps to the ends with Home and End, and stops there', async () => {
    const { user, slider, changes } = renderSlider();
    act(() => slider.focus());
    await user.keyboard('{End}');
    expect(changes).toHaveBeenLastCalledWith(100);
    await user.keyboard('{ArrowRight}');
    expect(changes).toHaveBeenCalledTimes(1);
    await user.keyboard('{Home}');
    expect(changes).toHaveBeenLastCalledWith(1);
    await user.keyboard('{ArrowLeft}');
    expect(changes).toHaveBeenCalledTimes(2);
    expect(slider).toHaveValue('0');
  });

  it('shows a value off the ladder at its nearest notch and moves on from there', async () => {
    const { user, slider, changes } = renderSlider({ initial: 12 });
    expect(slider).toHaveValue('3');
    expect(slider).toHaveAttribute('aria-valuetext', '12 per second');
    act(() => slider.focus());
    await user.keyboard('{ArrowRight}');
    expect(changes).toHaveBeenLastCalledWith(20);
  });

  it('moves a linear ladder in equal steps', async () => {
    const { user, slider, changes } = renderSlider({ ladder: INITIAL_W_LADDER, initial: 1, scale: 'linear' });
    act(() => slider.focus());
    await user.keyboard('{ArrowLeft}');
    expect(changes).toHaveBeenLastCalledWith(0.5);
    await user.keyboard('{Home}');
    expect(changes).toHaveBeenLastCalledWith(-10);
  });

  it('a drag (change event) lands on the notch at that position', () => {
    const { slider, changes } = renderSlider();
    act(() => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(slider, '5');
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(changes).toHaveBeenLastCalledWith(50);
  });

  it('places marks inside the ladder on its scale and leaves out the rest', () => {
    const { container } = renderSlider({
      ladder: [1, 10, 100],
      marks: [
        { value: 10, label: 'middle', tone: 'gd' },
        { value: 1, label: 'start', tone: 'info' },
        { value: 1000, label: 'beyond', tone: 'info' },
        { value: Infinity, label: 'infinite', tone: 'sgd' },
        { value: NaN, label: 'not a number', tone: 'sgd' },
      ],
    });
    // Marks are decoration (the settings panel lists them in words); their label is a tooltip.
    const middle = container.querySelector('[title="middle"]')!;
    expect(middle).toHaveStyle({ left: '50%' });
    expect(middle).toHaveClass('ladder-mark-gd');
    expect(middle).toHaveAttribute('aria-hidden', 'true');
    expect(container.querySelector('[title="start"]')).toHaveStyle({ left: '0%' });
    for (const label of ['beyond', 'infinite', 'not a number']) {
      expect(container.querySelector(`[title="${label}"]`)).toBeNull();
    }
    expect(container.innerHTML).not.toMatch(/NaN|Infinity/);
  });
});
