import type { Translation } from '../fragment';
import type { pythonMessages } from './python';

/** 简体中文 for `pythonMessages` (python.ts): exactly its keys, loaded only with the Chinese catalog. */
export const pythonMessagesZh: Translation<typeof pythonMessages> = {
  'python.output.label': '{file} 的输出',
  'python.output.lines': '已输出行数:{count}',
  'python.output.running': '训练中…',
  'python.output.diverged':
    'Downhill 在第 {epoch} 轮停止了这次训练:数值超出了双精度浮点数的最大值。' +
    '课程代码也无法继续:其中的 (y_pred - y)**2 会抛出 OverflowError(若用正确舍入的平方,则会输出 inf 和 nan)。',
  'python.output.copy': '复制输出',
  'python.output.copied': '已复制 {count} 行。',
  'python.output.download': '下载输出',
  'python.code.label': '{file}(已填入当前设置)',
  'python.code.copy': '复制代码',
  'python.code.copied': '已复制 {file}。',
  'python.code.download': '下载代码',
  'python.code.note':
    '用 python3 运行:输出与“Python 输出”中显示的完全一致。即使没有安装 matplotlib 也会输出全部内容,并提示如何显示图像。',
  'python.code.modelNote': '课程代码只训练 ŷ = w·x,你的模型中的 b 不在其中。',
  'python.copyFailed': '此处无法使用剪贴板,请改用下载按钮。',
  'python.downloaded': '已保存 {file}。',
  'python.downloads': '{run} 的 Python 文件下载',
};
