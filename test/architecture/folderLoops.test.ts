// The house's dependencies point one way (README, folder map): no two top-level folders of src/ import
// each other, directly or round a longer loop. Type-only imports count: a type is a dependency too.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The top-level folder of src/ a path is in ('' for src/main.tsx and the like). */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split(/[\\/]/);
  return parts.length > 1 ? (parts[0] ?? '') : '';
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Folder → the folders its files import (relative imports inside src/ only). */
function folderGraph(files: string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const target = resolve(dirname(file), m[1] ?? m[2] ?? '');
      if (relative(SRC, target).startsWith('..')) continue;
      const to = folderOf(target.endsWith('.ts') || target.endsWith('.tsx') ? target : `${target}/x`);
      if (to === from || to === '' || from === '') continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
    }
  }
  return graph;
}

/** The loops of a graph: its strongly connected components of more than one node (Tarjan). */
function loopsOf(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) loops.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return loops;
}

describe('the folders of src/', () => {
  it('finds a loop when two folders import each other', () => {
    const graph = new Map([
      ['flows', new Set(['calls'])],
      ['calls', new Set(['flows'])],
      ['operator', new Set(['calls'])],
    ]);
    expect(loopsOf(graph)).toEqual([['calls', 'flows']]);
  });

  it('import one another in one direction only: no folder-level loop', () => {
    expect(loopsOf(folderGraph(sourceFiles(SRC)))).toEqual([]);
  });
});
