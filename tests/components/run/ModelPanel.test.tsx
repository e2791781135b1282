import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/components/app/App';
import { ModelPanel } from '../../../src/components/run/ModelPanel';
import { THIRD_OPTIMIZERS } from '../../../src/core';
import { translator, useLocaleStore } from '../../../src/i18n';
import { createPlaygroundStore, type PlaygroundStore } from '../../../src/store/playground';
import { emulateRangeKeyboard } from '../helpers/range';
import { renderWithStore } from '../helpers/render';
import { WHOLE_APP } from '../helpers/timeouts';

const t = translator('en');

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  return emulateRangeKeyboard();
});

function renderPanel(store: PlaygroundStore = createPlaygroundStore()) {
  return renderWithStore(<ModelPanel />, store);
}

describe('ModelPanel', () => {
  it('switches the model with the "Model" radio group, by mouse and keyboard, and shows Initial b', async () => {
    const { store, user } = renderPanel();
    const group = screen.getByRole('radiogroup', { name: 'Model' });
    expect(within(group).getByRole('radio', { name: 'y = w·x' })).toBeChecked();
    expect(screen.queryByRole('slider', { name: 'Initial b' })).not.toBeInTheDocument();
    await user.click(within(group).getByRole('radio', { name: 'y = w·x + b' }));
    expect(store.getState().settings.model).toBe('wb');
    expect(screen.getByRole('slider', { name: 'Initial b' })).toBeInTheDocument();
    within(group).getByRole('radio', { name: 'y = w·x + b' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().settings.model).toBe('w');
  });

  it('types an initial b, refusing what is not a number and keeping the text', async () => {
    const { store, user } = renderPanel();
    await user.click(screen.getByRole('radio', { name: 'y = w·x + b' }));
    const field = screen.getByRole('textbox', { name: 'Initial b, typed' });
    await user.clear(field);
    await user.type(field, '-1.5');
    expect(store.getState().settings.b0).toBe(-1.5);
    await user.clear(field);
    await user.type(field, 'b');
    expect(field).toHaveValue('b');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(store.getState().settings.b0).toBe(-1.5);
  });

  it('moves the "Batch size" slider over 1…n by keyboard and shows the mini-batch run', async () => {
    const { store, user } = renderPanel();
    const slider = screen.getByRole('slider', { name: 'Batch size' });
    expect(slider).toHaveAttribute('aria-valuetext', 'B = 2 of 3');
    slider.focus();
    expect(store.getState().settings.third).toBeNull();
    await user.keyboard('{End}');
    expect(store.getState().settings.batchSize).toBe(3);
    expect(store.getState().settings.third).toBe('minibatch');
    expect(screen.getByRole('combobox', { name: 'Third run' })).toHaveValue('minibatch');
    await user.keyboard('{Home}');
    expect(store.getState().settings.batchSize).toBe(1);
    expect(
      screen.getByText('B = 3 is GD, B = 1 is SGD; anything between is mini-batch.'),
    ).toBeInTheDocument();
  });

  it('toggles shuffling, chooses the mini-batch run as the third, and takes a seed', async () => {
    const { store, user } = renderPanel();
    await user.click(screen.getByRole('checkbox', { name: 'Shuffle the samples each epoch' }));
    expect(store.getState().settings.shuffle).toBe(true);
    const third = screen.getByRole('combobox', { name: 'Third run' });
    expect(third).toHaveValue('');
    // None, then every optimizer but the lecture's two by name: mini-batch among them.
    const options = within(third)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual(['None', ...THIRD_OPTIMIZERS.map((id) => t(`run.${id}`))]);
    expect(options).toContain('Mini-batch');
    expect(options).not.toContain('GD');
    expect(options).not.toContain('SGD');
    await user.selectOptions(third, 'Mini-batch');
    expect(store.getState().settings.third).toBe('minibatch');
    await user.selectOptions(third, 'None');
    expect(store.getState().settings.third).toBeNull();
    await user.selectOptions(third, 'Mini-batch');
    expect(store.getState().settings.third).toBe('minibatch');
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    await user.clear(seed);
    await user.type(seed, '42');
    expect(store.getState().settings.seed).toBe(42);
    await user.clear(seed);
    await user.type(seed, '1.5');
    expect(screen.getByRole('alert')).toHaveTextContent('Seed must be a whole number.');
    expect(store.getState().settings.seed).toBe(1);
  });

  it('states every run’s stability limit for the data in use', () => {
    renderPanel();
    expect(
      screen.getByText('Stable below: GD ≈ 0.214 · SGD ≈ 0.204 · Mini-batch ≈ 0.256'),
    ).toBeInTheDocument();
  });

  it('puts a "Mini-batch" region with its parameters beside GD and SGD in the app', WHOLE_APP, async () => {
    const { user } = renderWithStore(<App />);
    expect(screen.queryByRole('region', { name: 'Mini-batch' })).not.toBeInTheDocument();
    // The model panel is below the fold: it loads after the first paint.
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Third run' }), 'Mini-batch');
    await user.click(screen.getByRole('radio', { name: 'y = w·x + b' }));
    const region = screen.getByRole('region', { name: 'Mini-batch' });
    expect(region).toHaveTextContent('w = 1.0');
    expect(region).toHaveTextContent('b = 0.0');
    await user.click(screen.getByRole('button', { name: 'Step' }));
    expect(within(region).getByText(/^Updates$/).nextElementSibling).toHaveTextContent('2');
    // Back to no third run: its panel goes, GD's and SGD's stay.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Third run' }), 'None');
    expect(screen.queryByRole('region', { name: 'Mini-batch' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Stochastic gradient descent (SGD)' })).toBeInTheDocument();
  });
});
