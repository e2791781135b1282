import type { Translation } from '../fragment';
import type { formulaMessages } from './formula';

/** 简体中文 for `formulaMessages` (formula.ts): exactly its keys, loaded only with the Chinese catalog. */
export const formulaMessagesZh: Translation<typeof formulaMessages> = {
  'formula.title': '代入数值的更新',
  'formula.at.gd': '第 {epoch} 个 epoch（课程代码打印为 {line}）：用全部 {n} 个样本的平均梯度更新一次。',
  'formula.at.sgd':
    '第 {epoch} 个 epoch（课程代码打印为 {line}），第 {sample} / {n} 个样本：用这个样本的梯度更新一次。',
  'formula.at.batch': '第 {epoch} 个 epoch，第 {step} 次更新：用 {m} 个样本的平均梯度更新一次。',
  'formula.at.batchOfOne': '第 {epoch} 个 epoch，第 {step} 次更新：只用一个样本的梯度更新一次。',
  'formula.none': '还没有更新：走一步之后，这里会显示代入数值的更新。',
  'formula.diverged': '训练在第 {epoch} 个 epoch 因数值溢出而停止；这里是最后一次有限的更新。',
  'formula.overflow': '这些数值已经溢出：对这组数据来说学习率太大了。',
  'formula.rule': '更新规则',
  'formula.gradient': '梯度',
  'formula.sample': '样本',
  'formula.update': '本次更新',
};
