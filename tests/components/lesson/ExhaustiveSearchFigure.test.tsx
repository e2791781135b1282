import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ExhaustiveSearchFigure,
  SEARCH_STEP_MS,
} from '../../../src/components/lesson/ExhaustiveSearchFigure';
import { gdStepsWithin, LESSON_SCENES, sceneSetup } from '../../../src/core/lesson';
import { useLocaleStore } from '../../../src/i18n';

const setup = sceneSetup(LESSON_SCENES.find((scene) => scene.id === 'search')!);
const points = (figure: HTMLElement) => figure.querySelectorAll('circle.lesson-search-point');

// The figure draws on a timer: fake time, so that no evaluation lands after a test has ended.
beforeEach(() => {
  vi.useFakeTimers();
  useLocaleStore.setState({ locale: 'en' });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the exhaustive-search figure', () => {
  it('draws the 41 evaluations one at a time, then marks the lowest at w = 2.0', () => {
    render(<ExhaustiveSearchFigure setup={setup} />);
    const figure = screen.getByRole('figure', { name: /^Exhaustive search/ });
    expect(points(figure)).toHaveLength(0);
    expect(within(figure).getByTestId('search-progress')).toHaveTextContent('0 evaluations of 41');
    act(() => vi.advanceTimersByTime(SEARCH_STEP_MS));
    expect(points(figure)).toHaveLength(1);
    expect(within(figure).getByTestId('search-progress')).toHaveTextContent('1 evaluation of 41');
    expect(points(figure)[0]).toHaveAttribute('data-cost', '18.666666666666668');
    for (let i = 1; i < 41; i++) act(() => vi.advanceTimersByTime(SEARCH_STEP_MS));
    expect(points(figure)).toHaveLength(41);
    act(() => vi.advanceTimersByTime(SEARCH_STEP_MS * 10));
    expect(points(figure)).toHaveLength(41);
    expect(within(figure).getByTestId('search-progress')).toHaveTextContent('41 evaluations of 41');
    const ws = [...points(figure)].map((point) => point.getAttribute('data-w'));
    expect(ws[0]).toBe('0.0');
    expect(ws[3]).toBe('0.3');
    expect(ws[40]).toBe('4.0');
    expect(within(figure).getByText('lowest: cost(2.0) = 0.0')).toBeInTheDocument();
  });

  it('sets the growth of the grid beside gradient descent’s steps', () => {
    render(<ExhaustiveSearchFigure setup={setup} />);
    const rows = screen.getAllByRole('listitem').map((row) => row.textContent);
    expect(rows[0]).toBe('1 parameter: ŷ = x·wgrid: 41GD at lr = 0.01: 31 steps');
    expect(rows[1]).toBe(
      `2 parameters: ŷ = x·w + bgrid: 1,681GD at lr = 0.01: ${gdStepsWithin(setup.data, 'wb', 0.01)} steps`,
    );
    expect(rows[2]).toBe(
      '10 parametersgrid: 13,422,659,310,152,401 · ≈ 155 days at a billion a secondGD: each step moves all 10 at once',
    );
  });

  it('shows every evaluation at once to a reader who asked for reduced motion', () => {
    vi.stubGlobal(
      'matchMedia',
      vi.fn((query: string) => ({
        matches: query.includes('reduce'),
        addEventListener() {},
        removeEventListener() {},
      })),
    );
    try {
      render(<ExhaustiveSearchFigure setup={setup} />);
      expect(points(screen.getByRole('figure'))).toHaveLength(41);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('speaks Chinese in Chinese', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    render(<ExhaustiveSearchFigure setup={setup} />);
    const figure = screen.getByRole('figure', { name: /^穷举法/ });
    expect(within(figure).getByText('网格：1,681')).toBeInTheDocument();
  });
});
