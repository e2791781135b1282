/** Messages of the shortcut sheet (?): loaded with it, after the first paint. */
export const shortcutsMessages = {
  'classroom.shortcutsIntro':
    'These keys work whatever has focus, except while typing in a field. A control reached with Tab keeps its own keys: the arrows and Home/End on a slider, the arrows on radio buttons and tabs, Enter on a button, Space on a checkbox. A control you clicked or tapped keeps none.',
  'classroom.shortcutsClose': 'Close',
  'classroom.shortcutsKey': 'Key',
  'classroom.shortcutsAction': 'Action',
  'classroom.key.space': 'Space',
  'classroom.key.escape': 'Esc',
  'classroom.key.pageDown': 'PageDown',
  'classroom.key.pageUp': 'PageUp',
  'classroom.shortcut.play': 'Play / pause',
  'classroom.shortcut.step': 'Step one epoch',
  'classroom.shortcut.stepSample': 'Step one sample (SGD)',
  'classroom.shortcut.runToEnd': 'Run to end',
  'classroom.shortcut.reset': 'Reset',
  'classroom.shortcut.lr': 'Learning rate up / down one notch',
  'classroom.shortcut.present': 'Presentation mode on / off',
  'classroom.shortcut.sheet': 'This list of shortcuts',
  'classroom.shortcut.clicker': 'Step one epoch; in a lesson, the next scene (a presenter’s clicker)',
  'classroom.shortcut.clickerBack': 'In a lesson, the previous scene',
  'classroom.shortcut.leave': 'Close this list, or leave presentation mode',
} as const;
