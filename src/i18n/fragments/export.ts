/** Messages of the export menu: the loss chart as an image, each run's history as CSV. */
export const exportMessages = {
  'export.label': 'Export',
  'export.png': 'Chart as PNG',
  'export.svg': 'Chart as SVG',
  'export.csv': '{run} history (CSV)',
  'export.csvHint':
    'One row per epoch: epoch (counted from 1, as Downhill counts), lecture_epoch (from 0, as the lecture prints it), w, the loss as the lecture prints it, the cost on all data, diverged.',
  'export.saved': 'Saved {file}.',
  'export.working': 'Drawing {file}…',
  'export.noChart': 'The chart is not drawn yet, so there is nothing to export.',
  'export.failed': 'Could not save {file}: {reason}',
} as const;
