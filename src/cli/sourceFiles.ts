// Reads flow and article files from disk for the command-line tools and the build plugins: never throws,
// whatever the path holds (a folder named like a file, a device, a link that loops, bytes not in UTF-8).
// Text is decoded by the one decoder the editor's import uses, so all three refuse the same files.
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8, type DiskProblem } from '../services/readTextFile.ts';

export type DiskText = { ok: true; text: string } | { ok: false; problem: DiskProblem };

/** The text of a file, checked for size before a byte is read. */
export function readDiskText(path: string, maxBytes: number): DiskText {
  let size: number;
  try {
    const stat = statSync(path);
    // A folder, a pipe or a device is never read: a pipe would block, /dev/zero would never end.
    if (!stat.isFile()) return { ok: false, problem: 'notAFile' };
    size = stat.size;
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (size > maxBytes) return { ok: false, problem: 'tooBig' };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? decoded : { ok: false, problem: decoded.problem };
}

/** A folder (or a link to one) is skipped even when named like a file; a broken link is listed, to be reported. */
function isFolder(dir: string, entry: Dirent): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, entry.name)).isDirectory();
  } catch {
    return false;
  }
}

/** Names of the entries of `dir` that pass `accept` and are not folders, sorted; null when it cannot be listed. */
export function listFileNames(dir: string, accept: (name: string) => boolean): string[] | null {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  return entries
    .filter((e) => accept(e.name) && !isFolder(dir, e))
    .map((e) => e.name)
    .sort();
}
