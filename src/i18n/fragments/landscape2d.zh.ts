import type { Translation } from '../fragment';
import type { landscape2dMessages } from './landscape2d';

/** 简体中文 for `landscape2dMessages` (landscape2d.ts): exactly its keys, loaded only with the Chinese catalog. */
export const landscape2dMessagesZh: Translation<typeof landscape2dMessages> = {
  'landscape2d.title': '损失曲面:cost(w, b)',
  'landscape2d.description':
    'cost(w, b) = mean((x·w + b − y)²) 的等高线图:横轴为 w,纵轴为 b,越靠近最小点 θ* 颜色越深。连线的圆点是每个 epoch 之后的 (w, b),小球是当前的 (w, b),箭头沿 −∇cost,即梯度下降前进的方向。',
  'landscape2d.descriptionSteps':
    '一条较细的线跟随最近几个 epoch 的每一次更新:每次只用一部分数据,所以路径在山谷两侧来回折返。',
  'landscape2d.wAxis': 'w',
  'landscape2d.bAxis': 'b',
  'landscape2d.optimumMark': 'θ*',
  'landscape2d.startMark': 'θ₀',
  'landscape2d.current': '(w, b) = ({w}, {b})',
  'landscape2d.cost': 'cost = {value}',
  'landscape2d.gradient': '∇cost = ({w}, {b})',
  'landscape2d.optimum': 'θ* = ({w}, {b})',
  'landscape2d.nextStep': '下一步 Δw = {w}, Δb = {b}',
  'landscape2d.descriptionNextStep':
    '一支与该次训练同色的虚线箭头从小球指向下一次更新将到达的位置,按实际比例绘制:这就是它的速度或自适应步长在起作用。',
  'landscape2d.offChart': '(w, b) = ({w}, {b}) 超出了图的范围。',
  'landscape2d.pathClipped': '路径有一部分超出了图的范围。',
  'landscape2d.legendContours': '等 cost 线',
  'landscape2d.legendPath': '每个 epoch 之后的 (w, b)',
  'landscape2d.legendStepsSgd': '每次单样本更新(最近几个 epoch)',
  'landscape2d.legendStepsBatch': '每次小批量更新(最近几个 epoch)',
  'landscape2d.legendArrow': '−∇cost:只表示方向,长度经过缩放',
  'landscape2d.legendNextStep': '下一次更新,按实际比例',
  'landscape2d.legendOptimum': 'θ*:最小二乘解',
};
