import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FormulaView } from '../../../src/components/run/FormulaView';
import { TransportControls } from '../../../src/components/run/TransportControls';
import { useLocaleStore } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import {
  createPlaygroundStore,
  DEFAULT_SETTINGS,
  type PlaygroundSettings,
  type RunId,
} from '../../../src/store/playground';

const MATHML = 'http://www.w3.org/1998/Math/MathML';

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
});

function renderFormula(id: RunId, settings: PlaygroundSettings = DEFAULT_SETTINGS) {
  const store = createPlaygroundStore(settings);
  const user = userEvent.setup();
  const view = render(
    <PlaygroundProvider store={store}>
      <TransportControls />
      <FormulaView id={id} />
    </PlaygroundProvider>,
  );
  const figure = () => screen.getByRole('figure', { name: 'The update, in numbers' });
  /** The plain-text formulas, as a screen reader gets them from the <math> elements. */
  const labels = () => [...figure().querySelectorAll('math')].map((math) => math.getAttribute('aria-label'));
  return { store, user, figure, labels, ...view };
}

const step = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole('button', { name: 'Step' }));
const stepSample = (user: ReturnType<typeof userEvent.setup>) =>
  user.click(screen.getByRole('button', { name: 'Step one sample' }));

describe('FormulaView', () => {
  it('shows the generic rule and gradient before any update', () => {
    const { figure, labels } = renderFormula('gd');
    expect(figure()).toHaveTextContent('No update yet');
    expect(labels()).toEqual(['w ← w − α · ∂cost/∂w, α = 0.01', '∂cost/∂w = (2/n) Σᵢ xᵢ · (xᵢ · w − yᵢ)']);
  });

  it('renders native MathML, one block per formula', () => {
    const { figure } = renderFormula('gd');
    const maths = figure().querySelectorAll('math');
    expect(maths.length).toBeGreaterThan(0);
    for (const math of maths) {
      expect(math.namespaceURI).toBe(MATHML);
      expect(math.getAttribute('display')).toBe('block');
      expect(math.getAttribute('aria-label')).toBeTruthy();
    }
    expect(figure().querySelector('mfrac')?.namespaceURI).toBe(MATHML);
    expect(figure().querySelector('munderover')).not.toBeNull();
  });

  it("shows GD's first update with the lecture's numbers, then the second", async () => {
    const { user, figure, labels } = renderFormula('gd');
    await step(user);
    expect(figure()).toHaveTextContent('1.0933');
    expect(figure()).toHaveTextContent('−9.3333');
    // The app counts the epoch just done from 1; the lecture prints it as epoch: 0, shown as code.
    expect(figure()).toHaveTextContent(
      'Epoch 1 (the lecture prints epoch: 0): one step with the mean gradient over all 3 samples.',
    );
    expect(within(figure()).getByText('epoch: 0', { selector: 'code' })).toBeInTheDocument();
    expect(labels()).toContain('w = 1.0 − 0.01 × (−9.3333) = 1.0933');
    expect(labels()).toContain('∂cost/∂w = (2/3) Σᵢ xᵢ · (xᵢ · 1.0 − yᵢ) = −9.3333');

    await step(user);
    expect(labels()).toContain('w = 1.0933 − 0.01 × (−8.4622) = 1.1780');
    expect(labels()).toContain('∂cost/∂w = (2/3) Σᵢ xᵢ · (xᵢ · 1.0933 − yᵢ) = −8.4622');
    expect(figure()).toHaveTextContent('Epoch 2 (the lecture prints epoch: 1):');
    expect(figure()).not.toHaveTextContent('No update yet');
  });

  it("shows SGD's per-sample update with the sample it used, every sample", async () => {
    const { user, figure, labels } = renderFormula('sgd');
    await stepSample(user);
    expect(figure()).toHaveTextContent(
      'Epoch 1 (the lecture prints progress: 0), sample 1 of 3: one step with this sample’s gradient.',
    );
    expect(within(figure()).getByText('progress: 0', { selector: 'code' })).toBeInTheDocument();
    expect(labels()).toContain('(x₁, y₁) = (1.0, 2.0)');
    expect(labels()).toContain('∂loss/∂w = 2 × 1.0 × (1.0 × 1.0 − 2.0) = −2.0');
    expect(labels()).toContain('w = 1.0 − 0.01 × (−2.0) = 1.02');
    const sample = within(figure()).getByText('Sample').nextElementSibling!;
    expect(sample).toHaveTextContent('(1.0,2.0)');

    await stepSample(user);
    // The lecture: grad: 2.0 4.0 -7.84, from w = 1.02 to 1.02 + 0.0784 = 1.0984.
    expect(labels()).toContain('(x₂, y₂) = (2.0, 4.0)');
    expect(labels()).toContain('w = 1.02 − 0.01 × (−7.84) = 1.0984');

    // The third sample completes the epoch: the view shows that epoch's last update.
    await stepSample(user);
    expect(figure()).toHaveTextContent('Epoch 1 (the lecture prints progress: 0), sample 3 of 3');
    expect(labels()).toContain('∂loss/∂w = 2 × 3.0 × (3.0 × 1.0984 − 6.0) = −16.2288');
    expect(labels()).toContain('w = 1.0984 − 0.01 × (−16.2288) = 1.2607');
  });

  it("shows SGD's last update of the epoch after a whole-epoch step", async () => {
    const { user, figure, labels } = renderFormula('sgd');
    await step(user);
    expect(figure()).toHaveTextContent('Epoch 1 (the lecture prints progress: 0), sample 3 of 3');
    expect(labels()).toContain('(x₃, y₃) = (3.0, 6.0)');
    expect(labels()).toContain('w = 1.0984 − 0.01 × (−16.2288) = 1.2607');
  });

  it('keeps GD still while SGD steps inside an epoch', async () => {
    const { user, figure } = renderFormula('gd');
    await stepSample(user);
    expect(figure()).toHaveTextContent('No update yet');
  });

  it('follows the store on every update and on reset', async () => {
    const { store, figure, labels } = renderFormula('gd');
    act(() => store.getState().actions.runToEnd());
    // The lecture's last line, epoch: 99, is the app's 100th epoch.
    expect(figure()).toHaveTextContent('Epoch 100 (the lecture prints epoch: 99):');
    // The lecture's last line: epoch: 99 w= 1.9999444396553017.
    expect(labels().some((label) => label?.endsWith('= 1.9999'))).toBe(true);
    act(() => store.getState().actions.reset());
    expect(figure()).toHaveTextContent('No update yet');
  });

  it('shows the learning rate as set', async () => {
    const { figure, labels } = renderFormula('gd', { ...DEFAULT_SETTINGS, lr: 0.05 });
    expect(labels()[0]).toBe('w ← w − α · ∂cost/∂w, α = 0.05');
    expect(figure()).toHaveTextContent('α=0.05');
  });

  it('notes when a run has diverged', () => {
    const { store, figure } = renderFormula('gd', { ...DEFAULT_SETTINGS, lr: 1, epochs: 1000 });
    act(() => store.getState().actions.runToEnd());
    const run = store.getState().runs.gd;
    expect(run.status).toBe('diverged');
    // divergedAtEpoch is 0-based: the epoch that overflowed is the app's (divergedAtEpoch + 1)-th.
    expect(run.divergedAtEpoch).toBe(run.epoch);
    expect(figure()).toHaveTextContent(
      `The run stopped in epoch ${run.epoch + 1} when its numbers overflowed`,
    );
    expect(figure()).toHaveTextContent(`Epoch ${run.epoch} (the lecture prints epoch: ${run.epoch - 1})`);
    expect(figure().textContent).not.toMatch(/NaN|Infinity/);
  });

  it('shows the b update for the model with a bias', async () => {
    const { user, labels } = renderFormula('gd', { ...DEFAULT_SETTINGS, model: 'wb', b0: 0.5 });
    await step(user);
    expect(labels()).toContain('b ← b − α · ∂cost/∂b, α = 0.01');
    expect(labels()).toContain('∂cost/∂b = (2/n) Σᵢ (xᵢ · w + b − yᵢ)');
    expect(labels().some((label) => label?.startsWith('b = 0.5 − 0.01 × '))).toBe(true);
  });

  it('speaks Chinese', async () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    const store = createPlaygroundStore();
    render(
      <PlaygroundProvider store={store}>
        <FormulaView id="sgd" />
      </PlaygroundProvider>,
    );
    act(() => store.getState().actions.stepSample());
    const figure = screen.getByRole('figure', { name: '代入数值的更新' });
    expect(figure).toHaveTextContent('第 1 个 epoch（课程代码打印为 progress: 0），第 1 / 3 个样本');
    expect(figure).toHaveTextContent('更新规则');
  });

  it('counts mini-batch epochs from 1, with no lecture line: it has no lecture script', async () => {
    const { user, figure } = renderFormula('minibatch', { ...DEFAULT_SETTINGS, third: 'minibatch' });
    await step(user);
    // B = 2 on 3 points: the epoch's second update uses the last sample alone.
    expect(figure()).toHaveTextContent('Epoch 1, update 2: one step with the gradient of a single sample.');
    expect(figure().querySelector('code')).toBeNull();
  });

  it('counts a mini-batch update of several samples', () => {
    const { store, figure } = renderFormula('minibatch', {
      ...DEFAULT_SETTINGS,
      batchSize: 3,
      third: 'minibatch',
    });
    act(() => store.getState().actions.step());
    act(() => store.getState().actions.step());
    expect(figure()).toHaveTextContent('Epoch 2, update 1: one step with the mean gradient over 3 samples.');
  });

  it('renders without React warnings', async () => {
    const error = vi.spyOn(console, 'error');
    const { user } = renderFormula('sgd', { ...DEFAULT_SETTINGS, model: 'wb' });
    await stepSample(user);
    await step(user);
    expect(error).not.toHaveBeenCalled();
  });
});
