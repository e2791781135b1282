/**
 * Messages of the learning-rate regime: what the current learning rate will do to a run, said before
 * Play (RegimeNote). {target} is w* (or (w*, b*) for the model with a bias); {factor} what each epoch
 * multiplies the distance to it by. GD takes one step per epoch, so its sentences say "step"; SGD and
 * mini-batch take several and say "epoch".
 */
export const regimeMessages = {
  'regime.smooth': 'converges smoothly',
  'regime.oscillating': 'overshoots and oscillates, but converges',
  'regime.oneStep': 'lands on {target} in one step',
  'regime.oneEpoch': 'lands on {target} in one epoch',
  'regime.diverges': 'diverges',
  'regime.stalls': 'neither converges nor diverges',
  'regime.adaptive': 'adapts its step size as it goes',
  'regime.shortAdaptive': '{run}: {words} · no fixed limit',
  'regime.factorAdaptive': 'No learning rate is a fixed limit for it.',
  'regime.why.adaptive':
    'It divides each step by a running size of the gradient, so its steps stay about α long wherever the valley is steep or flat: watch the step size near the ball shrink or grow instead.',

  'regime.short': '{run}: {words} · ×{factor} per epoch',
  'regime.shortUnbounded': '{run}: {words} · grows without bound',
  'regime.full': 'At α = {lr}, {run} {words}.',
  'regime.factor': 'Distance to {target} × {factor} each epoch.',
  'regime.factorUnbounded': 'The distance to {target} grows without bound.',

  'regime.why.smooth.step':
    'Each step goes part of the way down to the bottom of the valley and stops short of it, so the run approaches {target} from one side.',
  'regime.why.smooth.epoch':
    'Each epoch’s updates together go part of the way to the bottom of the valley without passing it, so the run approaches {target} from one side.',
  'regime.why.oscillating.step':
    'Each step overshoots the bottom of the valley, but by less than it started away from it, so the run swings from side to side, ever closer to {target}.',
  'regime.why.oscillating.epoch':
    'Each epoch ends on the other side of the bottom of the valley, but closer to it than it began, so the run swings from side to side, ever closer to {target}.',
  'regime.why.oneStep':
    'The step is exactly as long as the way down: it ends at the bottom of the valley, where the gradient is 0, so the run stays there.',
  'regime.why.oneEpoch':
    'Together, the epoch’s updates cover the whole distance to the bottom of the valley; there the gradients are 0, so no later update moves the run.',
  'regime.why.overshootGrows.step':
    'Each step overshoots the bottom of the valley by more than it started away from it, so the swings grow with every step.',
  'regime.why.overshootGrows.epoch':
    'Each epoch ends on the other side of the bottom of the valley, further from it than it began, so the swings grow with every epoch.',
  'regime.why.driftsAway':
    'Each epoch ends further from the bottom of the valley than it began, so the run drifts ever further away.',
  'regime.why.bounces.step':
    'Each step overshoots the bottom of the valley by exactly as much as it started away from it, so the run bounces between two points forever.',
  'regime.why.bounces.epoch':
    'Each epoch ends on the other side of the bottom of the valley, exactly as far from it as it began, so the run bounces between two points forever.',
  'regime.why.standsStill':
    'The updates bring the run no closer to {target}: it stays exactly as far from it as it started.',
} as const;
