import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FormulaView } from '../../../src/components/run/FormulaView';
import { Landscape } from '../../../src/components/charts/Landscape';
import { ModelPanel } from '../../../src/components/run/ModelPanel';
import { RegimeNote } from '../../../src/components/run/RegimeNote';
import { RunStateLine } from '../../../src/components/run/RunStateLine';
import { advance, optimizerStateOf, pyFloat, startRun } from '../../../src/core';
import { useLocaleStore } from '../../../src/i18n';
import { createPlaygroundStore, DEFAULT_SETTINGS, optimizerFor } from '../../../src/store/playground';
import { runOf } from '../../../src/store/selectors';
import { renderWithStore } from '../helpers/render';
import { wholeText } from '../helpers/dom';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

const withThird = (third: 'momentum' | 'adam' | 'rmsprop') =>
  createPlaygroundStore({ ...DEFAULT_SETTINGS, third });

describe('what an optimizer with state shows', () => {
  it('reads out momentum’s velocity where the run stands: 0 before the first step, then the gradient', () => {
    const store = withThird('momentum');
    renderWithStore(<RunStateLine id="momentum" />, store);
    const state = screen.getByRole('definition');
    expect(state).toHaveTextContent('v = 0.0');
    act(() => store.getState().actions.step());
    // torch starts the velocity at the first gradient: the lecture's slope at w = 1.
    expect(screen.getByRole('definition')).toHaveTextContent('v = -9.333333333333334');
    act(() => store.getState().actions.step());
    const run = runOf(store.getState(), 'momentum');
    expect(screen.getByRole('definition')).toHaveTextContent(
      `v = ${pyFloat(optimizerStateOf(run)!.w.velocity!)}`,
    );
  });

  it('reads out Adam’s two moments (and not its running products), for w and b under y = w·x + b', () => {
    const store = createPlaygroundStore({ ...DEFAULT_SETTINGS, model: 'wb', third: 'adam' });
    act(() => store.getState().actions.step());
    renderWithStore(<RunStateLine id="adam" />, store);
    const values = screen.getAllByRole('definition').map((node) => node.textContent);
    expect(values.map((text) => text!.split(' = ')[0])).toEqual(['m(w)', 'v(w)', 'm(b)', 'v(b)']);
    const state = optimizerStateOf(runOf(store.getState(), 'adam'))!;
    expect(values[0]).toBe(`m(w) = ${pyFloat(state.w.expAvg!)}`);
    expect(values[3]).toBe(`v(b) = ${pyFloat(state.b!.expAvgSq!)}`);
  });

  it('shows nothing for plain gradient descent, which carries no state', () => {
    const { container } = renderWithStore(<RunStateLine id="gd" />);
    expect(container).toBeEmptyDOMElement();
  });

  it('writes momentum’s rule and its first update with the numbers in the formula view', () => {
    const store = withThird('momentum');
    act(() => store.getState().actions.step());
    renderWithStore(<FormulaView id="momentum" />, store);
    expect(screen.getByText('v ← μ·v + g (v = g at the first step); w ← w − α·v')).toBeInTheDocument();
    expect(screen.getByText('α = 0.01, μ = 0.9')).toBeInTheDocument();
    expect(screen.getByText('v = g = −9.3333')).toBeInTheDocument();
    expect(screen.getByText(wholeText('w = 1.0 − 0.01 × −9.3333 = 1.0933'))).toBeInTheDocument();
  });

  it('says the next step beside the slope: for momentum at w = 1, −α·g', () => {
    const store = withThird('momentum');
    renderWithStore(<Landscape id="momentum" />, store);
    const next = advance(startRun({ ...setupOf('momentum', store) }), 1).params.w - 1;
    expect(screen.getByText(wholeText(`next step Δw = ${pyFloat(next)}`))).toBeInTheDocument();
  });

  it('says an adaptive method has no fixed learning-rate limit instead of a factor', () => {
    renderWithStore(
      <>
        <RegimeNote id="adam" variant="short" />
        <RegimeNote id="rmsprop" variant="verdict" />
      </>,
      createPlaygroundStore({ ...DEFAULT_SETTINGS, third: 'adam' }),
    );
    expect(screen.getByText('Adam: adapts its step size as it goes · no fixed limit')).toBeInTheDocument();
    expect(screen.getByText('No learning rate is a fixed limit for it.')).toBeInTheDocument();
  });
});

describe('the third run’s hyperparameters', () => {
  it('applies a typed momentum and refuses one outside [0, 1) with a message beside the field', async () => {
    const store = withThird('momentum');
    const { user } = renderWithStore(<ModelPanel />, store);
    const group = screen.getByRole('group', { name: 'Momentum hyperparameters' });
    const field = within(group).getByRole('textbox', { name: 'Momentum μ' });
    await user.clear(field);
    await user.type(field, '0.5');
    expect(store.getState().settings.hyper.momentum).toEqual({ momentum: 0.5 });
    await user.clear(field);
    await user.type(field, '1');
    expect(within(group).getByText('Momentum μ must lie in [0, 1).')).toBeInTheDocument();
    expect(store.getState().settings.hyper.momentum).toEqual({ momentum: 0.5 });
    expect(field).toHaveValue('1');
  });

  it('lists momentum’s stability limit, (1 + μ) times GD’s, and says Adam has none', () => {
    renderWithStore(<ModelPanel />, withThird('momentum'));
    // GD's limit on the lecture's data is 3/14; with μ = 0.9 momentum's is 1.9 × 3/14 ≈ 0.407.
    expect(screen.getByText(/Momentum ≈ 0\.407/)).toBeInTheDocument();
  });
});

function setupOf(id: 'momentum', store: ReturnType<typeof createPlaygroundStore>) {
  const { settings } = store.getState();
  return {
    data: { xs: settings.xs, ys: settings.ys },
    model: settings.model,
    init: { w: settings.w0, b: 0 },
    lr: settings.lr,
    optimizer: optimizerFor(id, settings),
  };
}
