import { fragment } from '../fragment';

/** Messages of the export menu: the loss chart as an image, each run's history as CSV. */
export const exportMessages = fragment(
  {
    'export.label': 'Export',
    'export.png': 'Chart as PNG',
    'export.svg': 'Chart as SVG',
    'export.csv.gd': 'GD history (CSV)',
    'export.csv.sgd': 'SGD history (CSV)',
    'export.csv.minibatch': 'Mini-batch history (CSV)',
    'export.csvHint':
      'One row per epoch: epoch, w, the loss as the lecture prints it, the cost on all data, diverged.',
    'export.saved': 'Saved {file}.',
    'export.working': 'Drawing {file}…',
    'export.noChart': 'The chart is not drawn yet, so there is nothing to export.',
    'export.failed': 'Could not save {file}: {reason}',
  },
  {
    'export.label': '导出',
    'export.png': '图表存为 PNG',
    'export.svg': '图表存为 SVG',
    'export.csv.gd': 'GD 训练记录(CSV)',
    'export.csv.sgd': 'SGD 训练记录(CSV)',
    'export.csv.minibatch': '小批量训练记录(CSV)',
    'export.csvHint': '每个 epoch 一行:epoch、w、课程代码打印的 loss、全部数据上的 cost、是否发散。',
    'export.saved': '已保存 {file}。',
    'export.working': '正在生成 {file}…',
    'export.noChart': '图表还没有绘制出来,暂时无法导出。',
    'export.failed': '无法保存 {file}:{reason}',
  },
);
