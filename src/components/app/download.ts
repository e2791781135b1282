/**
 * Saving and copying text from the page: a file download through a Blob URL, and the clipboard with a
 * fallback for browsers (or insecure origins) that do not offer navigator.clipboard.
 */

/** Saves `text` as a file called `fileName`, as if the person had followed a download link. */
export function downloadText(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers; a moment later it is safe.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/**
 * Puts `text` on the clipboard: navigator.clipboard where there is one, otherwise (or when it refuses)
 * a selected off-screen textarea and the copy command. Resolves to whether the text got there.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, insecure origin, document not focused): try the old way.
  }
  return copyWithSelection(text);
}

function copyWithSelection(text: string): boolean {
  if (typeof document.execCommand !== 'function') return false;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  area.style.opacity = '0';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus();
  }
}
