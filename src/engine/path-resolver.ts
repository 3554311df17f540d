/**
 * Plain dot paths (`uncovered.0.cidr`) instead of json-rules-engine's default
 * JSONPath: faster, and a rule file can never evaluate an expression.
 */
export function resolvePath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of splitPath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

export const validPath = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
