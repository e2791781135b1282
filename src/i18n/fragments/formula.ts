import { fragment } from '../fragment';

/** Messages of the formula view: the update rule with the last update's numbers substituted. */
export const formulaMessages = fragment(
  {
    'formula.title': 'The update, in numbers',
    'formula.at.gd': 'Epoch {epoch}: one step with the mean gradient over all {n} samples.',
    'formula.at.sgd': 'Epoch {epoch}, sample {sample} of {n}: one step with this sample’s gradient.',
    'formula.at.batch': 'Epoch {epoch}, update {step}: one step with the mean gradient over {m} samples.',
    'formula.none': 'No update yet: take a step and the numbers of the update appear here.',
    'formula.diverged':
      'The run stopped in epoch {epoch} when its numbers overflowed; this is its last finite update.',
    'formula.overflow': 'These numbers have overflowed: the learning rate is too large for this data.',
    'formula.rule': 'Update rule',
    'formula.gradient': 'Gradient',
    'formula.sample': 'Sample',
    'formula.update': 'This update',
  },
  {
    'formula.title': '代入数值的更新',
    'formula.at.gd': '第 {epoch} 个 epoch:用全部 {n} 个样本的平均梯度更新一次。',
    'formula.at.sgd': '第 {epoch} 个 epoch,第 {sample} / {n} 个样本:用这个样本的梯度更新一次。',
    'formula.at.batch': '第 {epoch} 个 epoch,第 {step} 次更新:用 {m} 个样本的平均梯度更新一次。',
    'formula.none': '还没有更新:走一步之后,这里会显示代入数值的更新。',
    'formula.diverged': '训练在第 {epoch} 个 epoch 因数值溢出而停止;这里是最后一次有限的更新。',
    'formula.overflow': '这些数值已经溢出:对这组数据来说学习率太大了。',
    'formula.rule': '更新规则',
    'formula.gradient': '梯度',
    'formula.sample': '样本',
    'formula.update': '本次更新',
  },
);
