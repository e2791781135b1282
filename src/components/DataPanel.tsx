/** The data: a plot with the fitted lines, a table editor and presets (being built). */
export function DataPanel() {
  return null;
}
