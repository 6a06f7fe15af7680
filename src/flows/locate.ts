// Finds where a flow issue's path ("steps[3].options[0].next") is in the file's text, so the editor and
// tools can point at the line. Only for text that is valid JSON; a missing key points at its parent.

import { lineColumn } from './restore.ts';

type Key = string | number;

/** ["steps", 3, "options", 0, "next"] from "steps[3].options[0].next". */
export function parsePath(path: string): Key[] {
  const keys: Key[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    keys.push(m[2] === undefined ? (m[1] ?? '') : Number(m[2]));
  return keys;
}

class Scanner {
  constructor(
    private readonly text: string,
    public pos = 0,
  ) {}

  ws(): void {
    while (/\s/.test(this.text.charAt(this.pos))) this.pos++;
  }

  peek(): string {
    this.ws();
    return this.text.charAt(this.pos);
  }

  /** Reads a JSON string token and returns its value. */
  string(): string {
    const start = this.pos;
    this.pos++; // opening quote
    while (this.pos < this.text.length && this.text.charAt(this.pos) !== '"') {
      this.pos += this.text.charAt(this.pos) === '\\' ? 2 : 1;
    }
    this.pos++; // closing quote
    return JSON.parse(this.text.slice(start, this.pos)) as string; // a JSON string token parses to a string
  }

  skipValue(): void {
    const c = this.peek();
    if (c === '"') {
      this.string();
      return;
    }
    if (c === '{' || c === '[') {
      let depth = 0;
      do {
        const ch = this.text.charAt(this.pos);
        if (ch === '"') {
          this.string();
          continue;
        }
        if (ch === '{' || ch === '[') depth++;
        if (ch === '}' || ch === ']') depth--;
        this.pos++;
      } while (depth > 0 && this.pos < this.text.length);
      return;
    }
    while (this.pos < this.text.length && !/[\s,}\]]/.test(this.text.charAt(this.pos))) this.pos++;
  }

  /** Moves to the member `key` of the object here; returns the key's offset, or null. */
  member(key: Key): number | null {
    if (this.peek() !== '{' || typeof key !== 'string') return null;
    this.pos++;
    while (this.peek() === '"') {
      const at = this.pos;
      const name = this.string();
      this.peek();
      this.pos++; // colon
      if (name === key) return at;
      this.skipValue();
      if (this.peek() === ',') this.pos++;
    }
    return null;
  }

  /** Moves to element `index` of the array here; returns its offset, or null. */
  element(index: Key): number | null {
    if (this.peek() !== '[' || typeof index !== 'number') return null;
    this.pos++;
    for (let i = 0; this.peek() !== ']' && this.pos < this.text.length; i++) {
      if (i === index) return this.pos;
      this.skipValue();
      if (this.peek() === ',') this.pos++;
    }
    return null;
  }
}

/**
 * Line and column (1-based) of the place a path names: a member's key, an element's start. When the
 * path goes further than the file does (a missing field), the deepest existing place is returned.
 */
export function locatePath(text: string, path: string): { line: number; column: number } {
  const scanner = new Scanner(text.replace(/^\uFEFF/, ''));
  scanner.ws();
  let found = scanner.pos;
  for (const key of parsePath(path)) {
    const save = scanner.pos;
    const at = typeof key === 'number' ? scanner.element(key) : scanner.member(key);
    if (at === null) {
      scanner.pos = save;
      break;
    }
    found = at;
  }
  return lineColumn(text.replace(/^\uFEFF/, ''), found);
}
