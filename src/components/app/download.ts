/**
 * Saving text from the page: a file download through a Blob URL. (Copying is clipboard.ts's: only the
 * Python views copy, and they load after the first paint, while the downloads are on the first page.)
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
