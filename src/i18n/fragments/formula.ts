/** Messages of the formula view: the update rule with the last update's numbers substituted. */
export const formulaMessages = {
  'formula.title': 'The update, in numbers',
  // Epochs as the app counts them, the k-th from 1; {line} is the lecture's printed count (k − 1) in code.
  'formula.at.gd':
    'Epoch {epoch} (the lecture prints {line}): one step with the mean gradient over all {n} samples.',
  'formula.at.sgd':
    'Epoch {epoch} (the lecture prints {line}), sample {sample} of {n}: one step with this sample’s gradient.',
  'formula.at.batch': 'Epoch {epoch}, update {step}: one step with the mean gradient over {m} samples.',
  'formula.at.batchOfOne': 'Epoch {epoch}, update {step}: one step with the gradient of a single sample.',
  'formula.none': 'No update yet: take a step and the numbers of the update appear here.',
  'formula.diverged':
    'The run stopped in epoch {epoch} when its numbers overflowed; this is its last finite update.',
  'formula.overflow': 'These numbers have overflowed: the learning rate is too large for this data.',
  'formula.rule': 'Update rule',
  'formula.gradient': 'Gradient',
  'formula.sample': 'Sample',
  'formula.update': 'This update',
} as const;
