import type { z } from 'zod';
import { type Diagnostic, diagnostic } from '../diagnostics.js';

type Path = Array<string | number>;

/**
 * Where a parsed value holds a number JavaScript cannot hold exactly: beyond ±2^53 − 1
 * (`99999999999999999999999` in place of a count reads as 1e23, not that count) or not finite
 * (`1e309`). Such a number is not what the capture said, so it must not reach a rule as if it
 * were. Walks without recursion, so a deep value cannot exhaust the stack.
 */
export function findInexactNumbers(value: unknown): Path[] {
  if (!holdsInexactNumber(value)) return [];
  const found: Path[] = [];
  const stack: Array<{ node: unknown; path: Path }> = [{ node: value, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: Path };
    if (typeof node === 'number') {
      if (inexact(node)) found.push(path);
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) stack.push({ node: item, path: [...path, key] });
    }
  }
  return found;
}

const inexact = (n: number) => !Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER;

/** The walk of every parse: no paths kept, so a clean value allocates only the stack. */
function holdsInexactNumber(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'number') {
      if (inexact(node)) return true;
    } else if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' || typeof item === 'number') stack.push(item);
    } else if (node !== null && typeof node === 'object') {
      for (const key in node) {
        const item = (node as Record<string, unknown>)[key];
        if (typeof item === 'object' || typeof item === 'number') stack.push(item);
      }
    }
  }
  return false;
}

/**
 * Makes a parsed value honest about numbers it could not read exactly: the record (array
 * item) holding one is dropped with a warning naming its line; a number outside any record
 * is removed when the schema allows it to be absent. When the value still does not match its
 * schema, the file is unreadable: the parser's empty value and an error. Only runs when
 * `findInexactNumbers` found something, so the common path costs one walk of the value.
 */
export function dropInexactNumbers<T>(
  parser: { id: string; schema: z.ZodType<T>; empty: () => T },
  value: T,
  paths: Path[],
  file: string | undefined,
): { value: T; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const removals = new Map<unknown[], Set<number>>();
  for (const path of paths) {
    const at = lastArrayStep(value, path);
    const where = path.join('.');
    if (at) {
      const item = at.array[at.index] as { line?: unknown } | undefined;
      const line = typeof item?.line === 'number' && Number.isSafeInteger(item.line) && item.line > 0 ? item.line : undefined;
      const indexes = removals.get(at.array) ?? new Set<number>();
      removals.set(at.array, indexes.add(at.index));
      diagnostics.push(diagnostic('warning', 'number-out-of-range', `a number too large to read exactly (at ${where}); that entry is left out`, { file, line }));
    } else {
      removeKey(value, path);
      diagnostics.push(diagnostic('warning', 'number-out-of-range', `a number too large to read exactly (at ${where}) is left out`, { file }));
    }
  }
  for (const [array, indexes] of removals) {
    for (const index of [...indexes].sort((a, b) => b - a)) array.splice(index, 1);
  }
  if (parser.schema.safeParse(value).success) return { value, diagnostics };
  const message = `${parser.id}: a number too large to read exactly stands where the file's structure needs one (${paths.map((p) => p.join('.')).join(', ')}); the file could not be read`;
  return { value: parser.empty(), diagnostics: [diagnostic('error', 'number-out-of-range', message, { file })] };
}

function lastArrayStep(root: unknown, path: Path): { array: unknown[]; index: number } | undefined {
  let node = root;
  let last: { array: unknown[]; index: number } | undefined;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === 'number') last = { array: node, index: step };
    node = (node as Record<string | number, unknown>)[step];
  }
  return last;
}

function removeKey(root: unknown, path: Path): void {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (key !== undefined) delete node[key];
}
