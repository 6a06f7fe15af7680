// Reads a file the user picked (a flow, a workstation's calls) as UTF-8 text, the one rule for every import:
// the size is checked before a byte is read, and text that is not valid UTF-8 is refused, never guessed at.
// The command-line tools and the build plugins decode files on disk with the same decodeUtf8.

export type FileProblem = 'tooBig' | 'utf16' | 'binary' | 'notUtf8' | 'unreadable';
/** A path on disk may also name a folder or a device, which is never read. */
export type DiskProblem = FileProblem | 'notAFile';

export type ReadTextResult = { ok: true; text: string } | { ok: false; problem: FileProblem };

/** A flow file: the largest shipped flow is 13 KB; a flow at the step limit stays far below 1 MB. */
export const FLOW_FILE_MAX_BYTES = 1024 * 1024;

/**
 * A workstation's calls: a finished call takes about 8 KB in the file, and an export puts at most 5,000
 * calls (~40 MB) in one file, so every export fits; the import parses and checks it in the supervisor's
 * worker, off the page.
 */
export const EXCHANGE_FILE_MAX_BYTES = 64 * 1024 * 1024;

/** An article file: its body may hold 200 KB (kb/parse.ts); the largest shipped article is 4 KB. */
export const ARTICLE_FILE_MAX_BYTES = 1024 * 1024;

/** Decodes bytes as strict UTF-8 (a UTF-8 byte-order mark is dropped), naming what else they look like. */
export function decodeUtf8(bytes: Uint8Array): ReadTextResult {
  const [b0, b1] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return { ok: false, problem: 'utf16' };
  // No text file holds a NUL byte; UTF-16 without a mark and binary files are full of them.
  if (bytes.includes(0)) return { ok: false, problem: 'binary' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // Mostly a file saved in windows-1251 by an old editor.
    return { ok: false, problem: 'notUtf8' };
  }
}

export async function readTextFile(file: Blob, maxBytes: number): Promise<ReadTextResult> {
  if (file.size > maxBytes) return { ok: false, problem: 'tooBig' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  return decodeUtf8(bytes);
}
