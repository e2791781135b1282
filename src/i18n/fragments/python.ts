/** Messages of the "Python, side by side" views: the script's printout and the script itself. */
export const pythonMessages = {
  'python.output.label': 'What {file} prints',
  'python.output.lines': 'Lines printed: {count}',
  'python.output.running': 'still training…',
  'python.output.diverged':
    'Downhill stopped this run in epoch {epoch}, where its numbers overflow the largest double. ' +
    'The lecture’s script gets no further: its (y_pred - y)**2 raises OverflowError ' +
    '(with a correctly rounded square it would print inf and nan instead).',
  'python.output.copy': 'Copy output',
  'python.output.copied': 'Copied {count} lines.',
  'python.output.download': 'Download output',
  'python.code.label': '{file} with the current settings',
  'python.code.copy': 'Copy code',
  'python.code.copied': 'Copied {file}.',
  'python.code.download': 'Download code',
  'python.code.note':
    'Run it with python3: it prints exactly what “Python output” shows. Without matplotlib it still prints everything and tells you how to get the plot.',
  'python.code.modelNote': 'The lecture’s script trains ŷ = w·x only; the b of your model is not in it.',
  'python.copyFailed': 'The clipboard is not available here; use the download button instead.',
  'python.downloaded': 'Saved {file}.',
  'python.downloads': '{run} as Python: downloads',
} as const;
