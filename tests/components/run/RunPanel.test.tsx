import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { RunPanel } from '../../../src/components/run/RunPanel';
import { LearningRatePanel } from '../../../src/components/run/LearningRatePanel';
import { SettingsPanel } from '../../../src/components/run/SettingsPanel';
import { TransportControls } from '../../../src/components/run/TransportControls';
import { useLocaleStore } from '../../../src/i18n';
import { createPlaygroundStore, type PlaygroundStore } from '../../../src/store/playground';
import { allText, button, GD, readout, region, retype, SGD, wholeText } from '../helpers/dom';
import { renderWithStore } from '../helpers/render';

// The run panels hold Landscape charts sized by their container; in jsdom (no layout) they draw no
// plot, which is all these tests need: the readouts, statuses and announcements are plain HTML.

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

/** The two runs with the controls that drive them, as the app lays them out (minus the loss chart). */
function renderRuns(store: PlaygroundStore = createPlaygroundStore()) {
  return renderWithStore(
    <>
      <TransportControls />
      <LearningRatePanel />
      <SettingsPanel />
      <RunPanel id="gd" />
      <RunPanel id="sgd" />
    </>,
    store,
  );
}

/** What a run announces to screen readers (its polite live region). */
function announcement(name: string): string {
  const live = region(name).querySelector('[aria-live="polite"]');
  expect(live).not.toBeNull();
  return live!.textContent ?? '';
}

describe('RunPanel: the readout', () => {
  it('each run is a named region with a heading, its update rule and the lecture’s start', () => {
    renderRuns();
    expect(within(region(GD)).getByRole('heading', { level: 2, name: GD })).toBeInTheDocument();
    expect(within(region(SGD)).getByRole('heading', { level: 2, name: SGD })).toBeInTheDocument();
    expect(
      within(region(GD)).getByText('one update per epoch, gradient of the mean cost over all 3 samples'),
    ).toBeInTheDocument();
    expect(
      within(region(SGD)).getByText('one update per sample, 3 per epoch, in data-set order'),
    ).toBeInTheDocument();
    for (const name of [GD, SGD]) {
      expect(readout(name, 'run.epoch')).toBe('0');
      expect(readout(name, 'run.updates')).toBe('0');
      expect(readout(name, 'run.w')).toBe('w = 1.0');
      expect(readout(name, 'run.loss')).toBe('—');
      expect(readout(name, 'run.costShort')).toBe('4.666666666666667');
      expect(readout(name, 'run.predictBefore')).toBe('4.0');
      expect(readout(name, 'run.predictAfter')).toBe('4.0');
      expect(within(region(name)).queryByRole('alert')).not.toBeInTheDocument();
    }
  });

  it('Step prints the lecture’s first epoch in each run', async () => {
    const { user } = renderRuns();
    await user.click(button('Step'));
    expect(readout(GD, 'run.epoch')).toBe('1');
    expect(readout(GD, 'run.updates')).toBe('1');
    expect(readout(GD, 'run.w')).toBe('w = 1.0933333333333333');
    expect(readout(GD, 'run.loss')).toBe('4.666666666666667');
    expect(readout(SGD, 'run.epoch')).toBe('1');
    expect(readout(SGD, 'run.updates')).toBe('3');
    expect(readout(SGD, 'run.w')).toBe('w = 1.260688');
    expect(readout(SGD, 'run.loss')).toBe('4.919240100095999');
  });

  it('Step one sample moves SGD one update at a time while GD’s w stays', async () => {
    const { user } = renderRuns();
    await user.click(button('Step one sample'));
    expect(readout(SGD, 'run.updates')).toBe('1');
    // w − lr·2x(wx − y) on the first sample (1, 2): 1 − 0.01·(−2) = 1.02.
    expect(readout(SGD, 'run.w')).toBe('w = 1.02');
    expect(within(region(SGD)).getAllByText(wholeText('w = 1.02')).length).toBeGreaterThan(0);
    expect(readout(SGD, 'run.epoch')).toBe('0');
    expect(readout(GD, 'run.w')).toBe('w = 1.0');
    expect(readout(GD, 'run.updates')).toBe('0');
    expect(within(region(GD)).queryByText(wholeText('w = 1.02'))).not.toBeInTheDocument();

    const stepSample = button('Step one sample');
    act(() => stepSample.focus());
    await user.keyboard('{Enter}');
    expect(readout(SGD, 'run.updates')).toBe('2');
    expect(readout(SGD, 'run.w')).not.toBe('w = 1.02');
    expect(readout(GD, 'run.w')).toBe('w = 1.0');

    // The third sample ends the epoch: both runs land on the lecture's epoch 0.
    await user.keyboard('[Space]');
    expect(readout(SGD, 'run.updates')).toBe('3');
    expect(readout(SGD, 'run.w')).toBe('w = 1.260688');
    expect(readout(GD, 'run.w')).toBe('w = 1.0933333333333333');
    expect(readout(GD, 'run.updates')).toBe('1');
  });

  it('Run to end shows the lecture’s final w in each run’s own region', async () => {
    const { user } = renderRuns();
    await user.click(button('Run to end'));
    expect(within(region(GD)).getAllByText(wholeText('w = 1.9999444396553017')).length).toBeGreaterThan(0);
    expect(within(region(SGD)).getAllByText(wholeText('w = 1.9999999999999236')).length).toBeGreaterThan(0);
    expect(within(region(GD)).queryByText(wholeText('w = 1.9999999999999236'))).not.toBeInTheDocument();
    expect(within(region(SGD)).queryByText(wholeText('w = 1.9999444396553017'))).not.toBeInTheDocument();
    expect(readout(GD, 'run.w')).toBe('w = 1.9999444396553017');
    expect(readout(SGD, 'run.w')).toBe('w = 1.9999999999999236');
    expect(readout(GD, 'run.loss')).toBe('1.752432687141379e-08');
    expect(readout(SGD, 'run.loss')).toBe('5.250973729513143e-26');
    expect(readout(GD, 'run.predictAfter')).toBe('7.999777758621207');
    expect(readout(SGD, 'run.predictAfter')).toBe('7.9999999999996945');
    expect(readout(GD, 'run.updates')).toBe('100');
    expect(readout(SGD, 'run.updates')).toBe('300');
  });

  it('Reset brings both runs back to w0', async () => {
    const { user } = renderRuns();
    await user.click(button('Run to end'));
    await user.click(button('Reset'));
    for (const name of [GD, SGD]) {
      expect(readout(name, 'run.w')).toBe('w = 1.0');
      expect(readout(name, 'run.epoch')).toBe('0');
    }
  });

  it('announces where each run stands when it stops, and nothing while playing', async () => {
    const { store, user } = renderRuns();
    await user.click(button('Step'));
    expect(announcement(GD)).toBe('GD: epoch 1, 1 update, w = 1.0933333333333333, loss = 4.666666666666667.');
    expect(announcement(SGD)).toBe('SGD: epoch 1, 3 updates, w = 1.260688, loss = 4.919240100095999.');
    await user.click(button('Play'));
    act(() => store.getState().actions.tick(100));
    expect(announcement(GD)).toBe('');
    expect(announcement(SGD)).toBe('');
    await user.click(button('Pause'));
    expect(announcement(GD)).toMatch(/^GD: epoch 2, 2 updates, w = /);
  });
});

describe('RunPanel: divergence', () => {
  it('lr 0.3 then Step: GD says it is diverging above the stability limit ≈ 0.214', async () => {
    const { store, user } = renderRuns();
    await retype(user, screen.getByRole('textbox', { name: 'Learning rate, typed' }), '0.3');
    expect(store.getState().settings.lr).toBe(0.3);
    // Nothing has moved yet: no warning before the first step.
    expect(within(region(GD)).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(button('Step'));
    const status = within(region(GD)).getByRole('alert');
    expect(status).toHaveTextContent('diverging: learning rate 0.3 is above the stability limit ≈ 0.214');
    expect(
      within(region(GD)).getByText(/diverging: learning rate 0\.3 is above the stability limit ≈ 0\.214/),
    ).toBeInTheDocument();
    // SGD in the lecture's order is even less stable at this rate.
    expect(within(region(SGD)).getByRole('alert')).toHaveTextContent(
      /^⚠ diverging: learning rate 0\.3 is above/,
    );
    expect(allText(document.body)).not.toMatch(/NaN|Infinity/);
  });

  it('a stable rate shows no warning', async () => {
    const { user } = renderRuns();
    await retype(user, screen.getByRole('textbox', { name: 'Learning rate, typed' }), '0.1');
    await user.click(button('Step'));
    expect(within(region(GD)).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(region(SGD)).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lr 1 and 1000 epochs, Run to end: both runs diverge, and no NaN or Infinity is shown', async () => {
    const { store, user } = renderRuns();
    await retype(user, screen.getByRole('textbox', { name: 'Learning rate, typed' }), '1');
    await retype(user, screen.getByRole('textbox', { name: 'Epochs, typed' }), '1000');
    expect(store.getState().settings).toMatchObject({ lr: 1, epochs: 1000 });
    await user.click(button('Run to end'));

    for (const name of [GD, SGD]) {
      const run = within(region(name));
      expect(run.getByRole('alert')).toHaveTextContent(/diverged in epoch \d+/);
      expect(run.getAllByText(/diverged in epoch/).length).toBeGreaterThan(0);
      // The run stops at its last finite values, and says so.
      expect(readout(name, 'run.w')).toMatch(/^w = -?\d/);
      expect(Number(readout(name, 'run.costShort'))).toBeLessThan(Number.MAX_VALUE);
    }
    const gd = store.getState().runs.gd;
    const sgd = store.getState().runs.sgd;
    expect(gd.status).toBe('diverged');
    expect(sgd.status).toBe('diverged');
    expect(within(region(GD)).getByRole('alert')).toHaveTextContent(
      `diverged in epoch ${gd.divergedAtEpoch! + 1}`,
    );
    expect(within(region(SGD)).getByRole('alert')).toHaveTextContent(
      `diverged in epoch ${sgd.divergedAtEpoch! + 1}`,
    );
    expect(announcement(GD)).toBe(`GD diverged in epoch ${gd.divergedAtEpoch! + 1}.`);

    const text = allText(document.body);
    expect(text).not.toMatch(/NaN|Infinity/);
    // Nor Python's spelling of them, which pyFloat would produce.
    expect(document.body.textContent).not.toMatch(/\bnan\b|\binf\b/);

    expect(button('Step')).toBeDisabled();
    expect(button('Step one sample')).toBeDisabled();
    expect(button('Run to end')).toBeDisabled();
  });

  it('Step one sample is disabled once SGD has diverged, even while GD goes on', () => {
    const store = createPlaygroundStore();
    // At lr 0.21, GD is stable (limit ≈ 0.214) but SGD in the lecture's order is not (≈ 0.204): it
    // grows by about 1.1 an epoch and overflows within a few thousand epochs.
    act(() => store.getState().actions.updateSettings({ lr: 0.21, epochs: 10_000 }));
    renderRuns(store);
    act(() => {
      for (let i = 0; i < 10_000 && store.getState().runs.sgd.status !== 'diverged'; i++) {
        store.getState().actions.step();
      }
    });
    expect(store.getState().epoch).toBeLessThan(10_000);
    expect(store.getState().runs.gd.status).toBe('running');
    expect(button('Step one sample')).toBeDisabled();
    expect(button('Step')).toBeEnabled();
    expect(within(region(SGD)).getByRole('alert')).toHaveTextContent(/diverged in epoch/);
    expect(within(region(GD)).queryByText(/diverged in epoch/)).not.toBeInTheDocument();
  });
});

describe('RunPanel: the views behind the tabs', () => {
  it('each view loads on first use, holding its room meanwhile, and then works as before', async () => {
    const { user } = renderRuns();
    const gd = within(region(GD));
    await user.click(gd.getByRole('tab', { name: 'Formula' }));
    expect(gd.getByRole('tab', { name: 'Formula' })).toHaveAttribute('aria-selected', 'true');
    // Until its code is here (usually ahead of the click: it is fetched once the page is idle), the
    // panel says it is loading; either way, the formula follows.
    expect(await gd.findByRole('figure', { name: 'The update, in numbers' })).toBeInTheDocument();
    expect(gd.queryByText('Loading…')).toBeNull();

    await user.click(gd.getByRole('tab', { name: 'Python output' }));
    expect(await gd.findByRole('log', { name: 'What gradient_descent.py prints' })).toHaveTextContent(
      'predict (before training) 4 4.0',
    );
    await user.click(gd.getByRole('tab', { name: 'Python code' }));
    expect(
      await gd.findByRole('region', { name: 'gradient_descent.py with the current settings' }),
    ).toHaveTextContent('x_data = [1.0, 2.0, 3.0]');
    // The downloads under the views are there from the first paint.
    expect(within(region(SGD)).getByRole('group', { name: 'SGD as Python: downloads' })).toBeInTheDocument();
  });
});

describe('RunPanel: its width', () => {
  it('is marked wide (two columns, styles.css) while it shows its Python', async () => {
    const { user } = renderRuns();
    const gd = region(GD);
    const tab = (name: string) => within(gd).getByRole('tab', { name });
    expect(gd).not.toHaveClass('run-wide');
    await user.click(tab('Python output'));
    expect(gd).toHaveClass('run-wide');
    expect(region(SGD)).not.toHaveClass('run-wide');
    await user.click(tab('Python code'));
    expect(gd).toHaveClass('run-wide');
    await user.click(tab('Landscape'));
    expect(gd).not.toHaveClass('run-wide');
  });
});
