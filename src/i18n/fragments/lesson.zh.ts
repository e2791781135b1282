import type { Translation } from '../fragment';
import type { lessonMessages } from './lesson';

/**
 * 简体中文 for `lessonMessages` (lesson.ts): exactly its keys, loaded only with the Chinese catalog.
 * Written from the lecture's own words (穷举法、负梯度方向、学习率、cost 与 loss), not translated.
 */
export const lessonMessagesZh: Translation<typeof lessonMessages> = {
  'lesson.label': '课程',
  'lesson.count': '第 {k} / {n} 幕',
  'lesson.announce': '第 {k} / {n} 幕：{title}',
  'lesson.previous': '上一幕',
  'lesson.next': '下一幕',
  'lesson.leave': '退出课程',
  'lesson.tryIt': '自己试试',
  'lesson.tryItHint': '退出课程，当前的所有设置保持不变',
  'lesson.run.search': '重新穷举',
  'lesson.run.step': '走一步',
  'lesson.run.stepSample': '前进一个样本',
  'lesson.run.play': '运行看看',

  'lesson.scene.task.title': '任务：求出 w',
  'lesson.scene.task.body':
    '训练集只有三个点：x_data = {xs}，y_data = {ys}。模型是线性模型 ŷ = x·w，训练就是找到让预测值最接近 y 的 w。和课上一样，先猜一个初始权重 w = {w0}。',
  'lesson.scene.task.do': '看每个点到直线的竖直距离：cost 就是这些距离平方的平均，w = {w0} 时为 {cost}。',

  'lesson.scene.search.title': '老办法：穷举法',
  'lesson.scene.search.body':
    '上一讲用穷举法，把网格上的 w 逐个试一遍：{first}、{second}、…、{last}，共 {count} 个值，每个值都要在全部数据上算一次 cost。如果有两个参数，同样的网格要算 {count}² = {squared} 次；十个参数就是 {count}¹⁰ = {tenth} 次。',
  'lesson.scene.search.do':
    '看这 {count} 次计算逐点画出来：cost 最小的是 w = {best}。梯度下降只要 {gdSteps} 步就能达到同样的精度。',

  'lesson.scene.gradient.title': '梯度：哪边是下坡',
  'lesson.scene.gradient.body':
    '不必把每个 w 都试一遍，只要看当前位置 cost 的斜率。梯度就是损失函数对参数的偏导数，课上的 gradient() 对全部数据求 2·x·(x·w − y) 的平均：w = {w0} 时为 {grad}。梯度为负，说明 w 变大时 cost 变小，所以 w 应该往大走。',
  'lesson.scene.gradient.do': '在 GD 的损失曲面图上找到 w = {w0} 处的切线：它的斜率就是这个梯度。',

  'lesson.scene.step.title': '沿负梯度走一步',
  'lesson.scene.step.body':
    '梯度下降沿着梯度的反方向更新参数：w = w − lr × 梯度。用课上的学习率算一步：w = {w0} − {lr} × ({grad}) = {w1}，正是课程代码打印的第一行。',
  'lesson.scene.step.do': '点击“走一步”，看 GD 的公式：w 从 {w0} 变成 {w1}。',

  'lesson.scene.epochs.title': '训练 {epochs} 个 epoch',
  'lesson.scene.epochs.body':
    '课上的循环把这一步重复 {epochs} 次。一开始 cost 下降很快，越往后越慢，因为坡越来越缓，步子也跟着变小。训练结束时 w = {w}，模型预测 ŷ({x}) = {predict}。',
  'lesson.scene.epochs.do': '看 GD 一行行打印输出，损失曲线渐渐变平。',

  'lesson.scene.rate1.title': '学习率决定步长',
  'lesson.scene.rate1.body': '学习率控制每一步走多远。课上用的是 {lectureLr}，这里取 {lr}，大了十倍。',
  'lesson.scene.rate1.do': '先做出预测，再点击“运行看看”。',
  'lesson.scene.rate2.title': '步子再大一些',
  'lesson.scene.rate2.body': '现在是 {lr}，又翻了一倍。步子太长，w 可能一步就跨过碗底。',
  'lesson.scene.rate2.do': '先做出预测，再点击“运行看看”。',
  'lesson.scene.rate3.title': '再大一点点',
  'lesson.scene.rate3.body':
    '现在是 {lr}，只比上一幕多一点。如果每一步落脚的地方都比出发时离碗底更远，会怎样？',
  'lesson.scene.rate3.do': '先做出预测，再点击“运行看看”。',

  'lesson.scene.sgd.title': '随机梯度下降：每个样本更新一次',
  'lesson.scene.sgd.body':
    '随机梯度下降每次只拿一个训练数据，用它的梯度 2·x·(x·w − y) 立即更新 w：每个 epoch 更新 {n} 次，{epochs} 个 epoch 共 {updates} 次，而梯度下降只更新 {epochs} 次。',
  'lesson.scene.sgd.do': '点击“前进一个样本”（Shift+→），看 SGD 每更新一次就打印一行 grad。',

  'lesson.scene.versus.title': 'GD 与 SGD 并排比较',
  'lesson.scene.versus.body':
    '真实数据总有噪声：这里 {n} 个点散落在 y = 2x 附近。梯度下降每个 epoch 用全部数据更新一次，平稳下滑；随机梯度下降每个 epoch 更新 {n} 次，每次被一个带噪声的点牵着走，在谷底附近来回折返，而且每个 epoch 都重新打乱样本顺序。',
  'lesson.scene.versus.do': '比较两条损失曲线，以及两边的“更新次数”。',

  'lesson.scene.summary.title': '小结：轮到你了',
  'lesson.scene.summary.body':
    '梯度下降沿负梯度方向更新参数，不必遍历所有可能的参数值，能快速缩小参数搜索范围。学习率决定步长：太小收敛慢，太大会来回震荡甚至发散。随机梯度下降每个样本更新一次：步数更多、每步更省，也更随机。',
  'lesson.scene.summary.do': '点击“自己试试”，退出课程，保留当前设置继续探索。',

  'lesson.task.figure': '训练数据的三个点和直线 ŷ = {w}·x；虚线是误差，cost 就是它们平方的平均。',
  'lesson.task.line': 'ŷ = {w}·x',
  'lesson.task.cost': 'cost = {cost}',

  'lesson.search.figure':
    '穷举法：w 从 {first} 到 {last} 共 {count} 个值，逐个计算 cost 并画出；以及参数变多时网格计算量的增长，与梯度下降所需步数的对比。',
  'lesson.search.title': '穷举法',
  'lesson.search.progress': '已计算 {done} / {count} 次',
  'lesson.search.best': '最小：cost({w}) = {cost}',
  'lesson.search.growth': '达到与最优值相差 {tolerance} 以内，需要遍历数据的次数（对数坐标）',
  'lesson.search.parameters': '{n} 个参数',
  'lesson.search.parametersW': '1 个参数：ŷ = x·w',
  'lesson.search.parametersWb': '2 个参数：ŷ = x·w + b',
  'lesson.search.grid': '网格：{count}',
  'lesson.search.gd': 'GD（学习率 {lr}）：{steps} 步',
  'lesson.search.gdAll': 'GD：每一步同时更新全部 {n} 个参数',
  'lesson.search.days': '每秒算十亿次也要约 {days} 天',

  'lesson.gradient.heading': 'w = {w} 时的 gradient(x_data, y_data)',
  'lesson.step.heading': '更新一步',
  'lesson.step.printed': '课程代码打印',
  'lesson.sgd.heading': '第一个 epoch 结束时，课程的 SGD 代码打印',
  'lesson.sgd.loss':
    '这个 loss 只是最后一个样本更新之后的 loss(x, y)：{loss}。同一个 w 在全部 {n} 个样本上的 cost 是 {cost}，代码并没有打印它。',

  'lesson.question.legend': '预测：学习率为 {lr} 时，w 会怎样变化？',
  'lesson.outcome.smooth': '一路向 w* = {target} 靠近，不会越过它',
  'lesson.outcome.oscillating': '在 w* = {target} 两侧来回跳，越跳越近',
  'lesson.outcome.diverges': '在 w* = {target} 两侧来回跳，越跳越远',
  'lesson.outcome.one-step': '一步就落在 w* = {target}',
  'lesson.outcome.stalls': '在同样两个值之间来回跳',
  'lesson.reveal.marker': '实际结果',
  'lesson.reveal.yours': '你的预测',
  'lesson.reveal.result': '你的预测：{choice}。实际结果：{outcome}。',
  'lesson.reveal.noChoice': '没有选择预测。实际结果：{outcome}。',
  'lesson.reveal.waiting': '运行到结束后揭晓答案。',
  'lesson.reveal.why.smooth':
    '每个 epoch，w 到 w* 的距离都乘以 {factor}：介于 0 和 1 之间，所以 w 从一侧逐渐逼近。',
  'lesson.reveal.why.oscillating':
    '每个 epoch，w 到 w* 的距离都乘以 {factor}：是负数，所以每次都跳到另一侧；但绝对值小于 1，所以摆幅越来越小。',
  'lesson.reveal.why.diverges':
    '每个 epoch，w 到 w* 的距离都乘以 {factor}：绝对值大于 1，所以每次摆动都比上一次更大。',
  'lesson.reveal.why.one-step': '每个 epoch，w 到 w* 的距离都乘以 {factor}：第一步就落在 w* 上。',
  'lesson.reveal.why.stalls':
    '每个 epoch，w 到 w* 的距离都乘以 {factor}：绝对值正好是 1，所以 w 始终不会更近。',
};
