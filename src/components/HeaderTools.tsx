/** Language, theme, presentation mode, copy link, shortcuts (being built). */
export function HeaderTools() {
  return null;
}
