import type { Translation } from '../fragment';
import type { pythonMessages } from './python';

/** 简体中文 for `pythonMessages` (python.ts): exactly its keys, loaded only with the Chinese catalog. */
export const pythonMessagesZh: Translation<typeof pythonMessages> = {
  'python.output.label': '{file} 的输出',
  'python.output.lines': '已输出行数:{count}',
  'python.output.running': '训练中…',
  'python.output.diverged':
    'Downhill 在第 {epoch} 个 epoch（课程输出中的 epoch: {lectureEpoch}）停止了这次训练：数值超出了双精度浮点数的最大值。{ending}',
  'python.output.divergedScript':
    'Downhill 在第 {epoch} 个 epoch（按它的代码计数为 epoch: {lectureEpoch}）停止了这次训练：数值超出了双精度浮点数的最大值。{ending}',
  'python.output.overflowCost':
    '课程代码在第 {epoch} 个 epoch（课程输出中的 epoch: {lectureEpoch}）还没输出这一轮就出错了：cost() 用 **2 计算 x = {x} 处 y_pred - y 的平方，' +
    '结果超出了双精度浮点数的范围，Python 的 ** 因此抛出 OverflowError（×、+、− 溢出时只会得到 inf，不会报错）。',
  'python.output.overflowLoss':
    '课程代码在第 {epoch} 个 epoch（课程输出中的 epoch: {lectureEpoch}）输出 x = {x} 的 grad 行后就出错了：loss() 用 **2 计算 y_pred - y 的平方，' +
    '结果超出了双精度浮点数的范围，Python 的 ** 因此抛出 OverflowError（×、+、− 溢出时只会得到 inf，不会报错）。',
  'python.output.runsOn':
    '课程代码不会出错：它的 (y_pred - y)**2 都没有超出双精度浮点数的范围' +
    '（只有 ** 会抛出 OverflowError；×、+、− 溢出时只会得到 inf 或 nan，不会报错），因此会一直输出到最后一行。',
  'python.output.stopsAtNonFinite':
    '它的代码用 d*d 计算平方，溢出时得到 inf 而不会抛出 OverflowError：它会继续输出经过 inf 和 nan 的各行，' +
    '在第一次出现 inf 或 nan 的那一行之后停止。',
  'python.output.runsOnNonFinite':
    '它的代码用 d*d 计算平方，溢出时得到 inf 而不会抛出 OverflowError；它输出的数都不是 inf 或 nan，因此会一直输出到最后一行。',
  'python.output.copy': '复制输出',
  'python.output.copied': '已复制 {count} 行。',
  'python.code.label': '{file}(已填入当前设置)',
  'python.code.copy': '复制代码',
  'python.code.copied': '已复制 {file}。',
  'python.code.note':
    '用 python3 运行:输出与“Python 输出”中显示的完全一致。即使没有安装 matplotlib 也会输出全部内容,并提示如何显示图像。',
  'python.code.flavour': '代码',
  'python.code.plain': 'Python',
  'python.code.torch': 'PyTorch',
  'python.code.torchNote':
    '同一次训练的 PyTorch 版本：用 autograd 计算梯度，用 torch.optim 更新参数，全部为 float64。用 python3 和 PyTorch 运行，' +
    '输出的各行相同，数值约有 12 位有效数字一致（autograd 按自己的顺序求和）。',
  'python.copyFailed': '此处无法使用剪贴板,请改用下载按钮。',
};
