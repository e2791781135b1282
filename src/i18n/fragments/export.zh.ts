import type { Translation } from '../fragment';
import type { exportMessages } from './export';

/** 简体中文 for `exportMessages` (export.ts): exactly its keys, loaded only with the Chinese catalog. */
export const exportMessagesZh: Translation<typeof exportMessages> = {
  'export.label': '导出',
  'export.png': '图表存为 PNG',
  'export.svg': '图表存为 SVG',
  'export.csv': '{run} 训练记录(CSV)',
  'export.csvHint':
    '每个 epoch 一行：epoch（从 1 开始计数，与 Downhill 一致）、lecture_epoch（从 0 开始，与课程代码打印的一致）、w、课程代码打印的 loss、全部数据上的 cost、是否发散。',
  'export.saved': '已保存 {file}。',
  'export.working': '正在生成 {file}…',
  'export.noChart': '图表还没有绘制出来,暂时无法导出。',
  'export.failed': '无法保存 {file}:{reason}',
};
