import type { Translation } from '../fragment';
import type { shortcutsMessages } from './shortcuts';

/** 简体中文 for `shortcutsMessages` (shortcuts.ts): exactly its keys, loaded only with the Chinese catalog. */
export const shortcutsMessagesZh: Translation<typeof shortcutsMessages> = {
  'classroom.shortcutsIntro':
    '无论焦点在哪里，这些按键都可用，只有在输入框中打字时除外。用 Tab 键移到的控件保留它自己的按键：滑块的方向键和 Home/End、单选按钮和标签页的方向键、按钮的 Enter、复选框的空格。用鼠标点击或手指轻触过的控件不保留任何按键。',
  'classroom.shortcutsClose': '关闭',
  'classroom.shortcutsKey': '按键',
  'classroom.shortcutsAction': '操作',
  'classroom.key.space': '空格',
  'classroom.key.escape': 'Esc',
  'classroom.key.pageDown': 'PageDown',
  'classroom.key.pageUp': 'PageUp',
  'classroom.shortcut.play': '播放 / 暂停',
  'classroom.shortcut.step': '前进一个 epoch',
  'classroom.shortcut.stepSample': '前进一个样本(SGD)',
  'classroom.shortcut.runToEnd': '运行到结束',
  'classroom.shortcut.reset': '重置',
  'classroom.shortcut.lr': '学习率升高 / 降低一档',
  'classroom.shortcut.present': '开启 / 关闭演示模式',
  'classroom.shortcut.sheet': '本快捷键列表',
  'classroom.shortcut.clicker': '前进一个 epoch；课程中为下一幕（演示翻页笔）',
  'classroom.shortcut.clickerBack': '课程中回到上一幕',
  'classroom.shortcut.leave': '关闭本列表，或退出演示模式',
};
