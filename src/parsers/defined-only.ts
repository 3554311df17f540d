/**
 * A copy without the keys whose value is undefined, so a parsed record has
 * its optional fields absent rather than present-but-undefined (what the zod
 * schemas, JSON output and exact test assertions expect).
 */
export function definedOnly<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
