// Visual check: a screenshot compared against a committed reference with a small tolerance (pixelmatch).
// A missing reference is written (and the check passes); SUFLER_UPDATE_SCREENSHOTS=1 rewrites them all.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const DIR = join(import.meta.dirname, '__screenshots__');
/** Share of pixels allowed to differ: antialiasing and subpixel text shift by a pixel between runs. */
const TOLERANCE = 0.002;

export interface Compared {
  name: string;
  /** null when the reference was written now. */
  differing: number | null;
  size: string;
}

export function compareToReference(name: string, png: Buffer): Compared {
  const file = join(DIR, `${name}.png`);
  const actual = PNG.sync.read(png);
  const size = `${actual.width}×${actual.height}`;
  if (!existsSync(file) || process.env.SUFLER_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
    return { name, differing: null, size };
  }
  const expected = PNG.sync.read(readFileSync(file));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(join(DIR, `${name}.actual.png`), png);
    throw new Error(
      `${name}: ${size}, the reference is ${expected.width}×${expected.height} (actual written beside it)`,
    );
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: 0.1,
  });
  if (differing > actual.width * actual.height * TOLERANCE) {
    writeFileSync(join(DIR, `${name}.actual.png`), png);
    writeFileSync(join(DIR, `${name}.diff.png`), PNG.sync.write(diff));
  }
  return { name, differing, size };
}

export const withinTolerance = (c: Compared): boolean => {
  const [w, h] = c.size.split('×').map(Number);
  return c.differing === null || c.differing <= (w ?? 0) * (h ?? 0) * TOLERANCE;
};
