import type { Translation } from '../fragment';
import type { regimeMessages } from './regime';

/** 简体中文 for `regimeMessages` (regime.ts): exactly its keys, loaded only with the Chinese catalog. */
export const regimeMessagesZh: Translation<typeof regimeMessages> = {
  'regime.smooth': '平稳收敛',
  'regime.oscillating': '来回振荡，但收敛',
  'regime.oneStep': '一步到达 {target}',
  'regime.oneEpoch': '一个 epoch 内到达 {target}',
  'regime.diverges': '发散',
  'regime.stalls': '既不收敛也不发散',
  'regime.adaptive': '会边走边调整自己的步长',
  'regime.shortAdaptive': '{run}：{words} · 没有固定的学习率上限',
  'regime.factorAdaptive': '对它来说，没有哪个学习率是固定的稳定上限。',
  'regime.why.adaptive':
    '它把每一步都除以梯度的“滑动大小”，所以不论山谷陡还是平，步长都大约是 α：请观察小球旁步长的变化，而不是看一个固定的倍数。',

  'regime.short': '{run}：{words} · 每个 epoch ×{factor}',
  'regime.shortUnbounded': '{run}：{words} · 无限增大',
  'regime.full': '学习率 α = {lr} 时，{run} {words}。',
  'regime.factor': '与 {target} 的距离每个 epoch 乘以 {factor}。',
  'regime.factorUnbounded': '与 {target} 的距离会无限增大。',

  'regime.why.smooth.step': '每一步都朝谷底走了一段，但还没到谷底就停下，所以从一侧逐渐逼近 {target}。',
  'regime.why.smooth.epoch':
    '每个 epoch 的几次更新合起来朝谷底走了一段，但没有越过谷底，所以从一侧逐渐逼近 {target}。',
  'regime.why.oscillating.step':
    '每一步都冲过了谷底，但冲过的距离比出发时离谷底的距离小，所以在 {target} 两侧来回摆动，越来越近。',
  'regime.why.oscillating.epoch':
    '每个 epoch 结束时都越过谷底落到另一侧，但比开始时离谷底更近，所以在 {target} 两侧来回摆动，越来越近。',
  'regime.why.oneStep': '这一步的长度恰好等于到谷底的距离：一步就停在谷底，那里梯度为 0，之后便不再移动。',
  'regime.why.oneEpoch':
    '一个 epoch 的几次更新合起来恰好走完到谷底的全部距离；谷底处梯度为 0，之后的更新不会再移动它。',
  'regime.why.overshootGrows.step': '每一步冲过谷底的距离都比出发时离谷底的距离还大，所以摆动一步比一步大。',
  'regime.why.overshootGrows.epoch':
    '每个 epoch 结束时都越过谷底落到另一侧，而且比开始时离谷底更远，所以摆动一个 epoch 比一个 epoch 大。',
  'regime.why.driftsAway': '每个 epoch 结束时都比开始时离谷底更远，所以越走越远。',
  'regime.why.bounces.step': '每一步冲过谷底的距离恰好等于出发时离谷底的距离，所以会在两个点之间永远来回跳。',
  'regime.why.bounces.epoch':
    '每个 epoch 结束时都越过谷底落到另一侧，离谷底的距离和开始时完全一样，所以会在两个点之间永远来回跳。',
  'regime.why.standsStill': '这些更新没有让它离 {target} 更近：与 {target} 的距离始终和开始时一样。',
};
