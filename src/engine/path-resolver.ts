/**
 * Plain dot paths (`uncovered.0.cidr`) instead of json-rules-engine's default
 * JSONPath: faster, and a rule file can never evaluate an expression.
 */
export function resolvePath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of splitPath(path)) {
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
