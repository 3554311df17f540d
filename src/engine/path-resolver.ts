/**
 * Plain dot paths (`uncovered.0.cidr`) instead of json-rules-engine's default
 * JSONPath: faster, and a rule file can never evaluate an expression.
 */
export function resolvePath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of splitPathOnce(path)) {
    if (current === null || typeof current !== 'object' || forbiddenKeys.has(key)) return undefined;
    // Own properties only: a path never reaches Object.prototype or a function.
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Keys through which a path could reach an object's prototype chain. */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True when no segment of the path is `__proto__`, `constructor` or `prototype`. */
export function isSafePath(path: string): boolean {
  return !splitPath(path).some((key) => forbiddenKeys.has(key));
}

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

export const validPath = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

// A catalog has a few hundred distinct paths, each resolved once per condition evaluated (~200,000 at scale 1).
const splitPaths = new Map<string, readonly string[]>();
const maxSplitPaths = 10_000;

/** splitPath, remembered: the caller must not modify the array. */
function splitPathOnce(path: string): readonly string[] {
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = splitPath(path);
    if (splitPaths.size < maxSplitPaths) splitPaths.set(path, keys);
  }
  return keys;
}
