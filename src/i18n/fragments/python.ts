/**
 * Messages of the "Python, side by side" views: the script's printout and the script itself. They load
 * with the views; the download buttons, on the first page, have theirs in en.ts.
 */
export const pythonMessages = {
  'python.output.label': 'What {file} prints',
  'python.output.lines': 'Lines printed: {count}',
  'python.output.running': 'still training…',
  'python.output.diverged':
    'Downhill stopped this run in epoch {epoch} (the lecture’s epoch: {lectureEpoch}), where its numbers overflow the largest double. {ending}',
  'python.output.divergedScript':
    'Downhill stopped this run in epoch {epoch} (epoch: {lectureEpoch} as its script counts), where its numbers overflow the largest double. {ending}',
  'python.output.overflowCost':
    'The lecture’s script fails in epoch {epoch} (the lecture’s epoch: {lectureEpoch}) before printing anything for it: cost() squares y_pred - y for x = {x} with **2, ' +
    'and Python’s ** raises OverflowError when the result is too large for a double (×, + and − just give inf).',
  'python.output.overflowLoss':
    'The lecture’s script fails in epoch {epoch} (the lecture’s epoch: {lectureEpoch}) right after the grad line for x = {x}: loss() squares y_pred - y with **2, ' +
    'and Python’s ** raises OverflowError when the result is too large for a double (×, + and − just give inf).',
  'python.output.runsOn':
    'The lecture’s script does not fail: none of its (y_pred - y)**2 is too large for a double ' +
    '(only ** raises OverflowError; ×, + and − give inf or nan without an error), so it prints on to its last line.',
  'python.output.stopsAtNonFinite':
    'Its script squares with d*d, which gives inf instead of raising OverflowError: it prints on through inf and nan ' +
    'and stops after the first line that shows one.',
  'python.output.runsOnNonFinite':
    'Its script squares with d*d, which gives inf instead of raising OverflowError, and none of the numbers it prints ' +
    'is inf or nan: it prints on to its last line.',
  'python.output.copy': 'Copy output',
  'python.output.copied': 'Copied {count} lines.',
  'python.code.label': '{file} with the current settings',
  'python.code.copy': 'Copy code',
  'python.code.copied': 'Copied {file}.',
  'python.code.note':
    'Run it with python3: it prints exactly what “Python output” shows. Without matplotlib it still prints everything and tells you how to get the plot.',
  'python.code.flavour': 'Script',
  'python.code.plain': 'Python',
  'python.code.torch': 'PyTorch',
  'python.code.torchNote':
    'The same run in PyTorch: autograd computes the gradient and torch.optim makes the update, in float64. Run it with ' +
    'python3 and PyTorch: it prints the same lines, the numbers agreeing to about 12 significant digits (autograd sums in its own order).',
  'python.copyFailed': 'The clipboard is not available here; use the download button instead.',
} as const;
