// Offers text as a file download, or many files as one .zip: how the editor hands flow and article files
// back for the repository (fflate: a small, maintained zip writer; the browser has none).
import { strToU8, zipSync } from 'fflate';

export interface TextFile {
  /** The path inside the archive, e.g. knowledge-base/<id>.md. */
  name: string;
  text: string;
}

/** The files in one .zip, their paths kept: unpacked, a folder as the repository has it. */
export function zipFiles(files: readonly TextFile[]): Uint8Array<ArrayBuffer> {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.text)])), { level: 6 });
}

export function downloadZip(fileName: string, files: readonly TextFile[]): void {
  downloadBlob(fileName, new Blob([zipFiles(files)], { type: 'application/zip' }));
}

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The click has started the download synchronously; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
