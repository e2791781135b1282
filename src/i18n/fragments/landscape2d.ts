import { fragment } from '../fragment';

/** Messages of the landscape2d feature: cost(w, b) as a contour map with the run's path on it. */
export const landscape2dMessages = fragment(
  {
    'landscape2d.title': 'Loss landscape: cost(w, b)',
    'landscape2d.caption':
      'Lines join (w, b) of equal cost around the lowest point θ*. The arrow shows the direction of −∇cost at the current point; its length is scaled to be readable.',
    'landscape2d.description':
      'A contour map of cost(w, b) = mean((x·w + b − y)²), w across and b up, shaded deeper toward the minimum θ*. Dots joined by a line mark (w, b) after each epoch, the ball is the current (w, b), and the arrow points along −∇cost, the way gradient descent steps.',
    'landscape2d.descriptionSteps':
      'A thinner line follows every update of the latest epochs: each uses only part of the data, so the path zig-zags across the valley.',
    'landscape2d.wAxis': 'w',
    'landscape2d.bAxis': 'b',
    'landscape2d.optimumMark': 'θ*',
    'landscape2d.startMark': 'θ₀',
    'landscape2d.current': '(w, b) = ({w}, {b})',
    'landscape2d.cost': 'cost = {value}',
    'landscape2d.gradient': '∇cost = ({w}, {b})',
    'landscape2d.optimum': 'θ* = ({w}, {b})',
    'landscape2d.offChart': '(w, b) = ({w}, {b}) is off the chart.',
    'landscape2d.pathClipped': 'Part of the path is off the chart.',
    'landscape2d.legendContours': 'lines of equal cost',
    'landscape2d.legendPath': '(w, b) after each epoch',
    'landscape2d.legendStepsSgd': 'each one-sample update (latest epochs)',
    'landscape2d.legendStepsBatch': 'each mini-batch update (latest epochs)',
    'landscape2d.legendArrow': '−∇cost: direction only, length scaled',
    'landscape2d.legendOptimum': 'θ*: the least-squares fit',
  },
  {
    'landscape2d.title': '损失曲面:cost(w, b)',
    'landscape2d.caption':
      '每条线连接 cost 相等的 (w, b),围绕最低点 θ*。箭头表示当前点处 −∇cost 的方向,长度经过缩放以便阅读。',
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
    'landscape2d.offChart': '(w, b) = ({w}, {b}) 超出了图的范围。',
    'landscape2d.pathClipped': '路径有一部分超出了图的范围。',
    'landscape2d.legendContours': '等 cost 线',
    'landscape2d.legendPath': '每个 epoch 之后的 (w, b)',
    'landscape2d.legendStepsSgd': '每次单样本更新(最近几个 epoch)',
    'landscape2d.legendStepsBatch': '每次小批量更新(最近几个 epoch)',
    'landscape2d.legendArrow': '−∇cost:只表示方向,长度经过缩放',
    'landscape2d.legendOptimum': 'θ*:最小二乘解',
  },
);
