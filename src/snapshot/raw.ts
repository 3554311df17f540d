/**
 * Tolerant accessors for raw (untyped) Kubernetes JSON: a field of the wrong
 * type reads as absent instead of throwing, so one odd object cannot stop a load.
 */
export type Raw = Record<string, unknown>;

export function rec(value: unknown): Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
}

export function arr(value: unknown): Raw[] {
  return Array.isArray(value) ? value.map(rec) : [];
}

/** `arr(value).map(each)` in one pass, without the intermediate array (hot reducers: every pod). */
export function mapArr<T>(value: unknown, each: (item: Raw) => T): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = new Array(value.length);
  for (let k = 0; k < value.length; k++) out[k] = each(rec(value[k]));
  return out;
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(str).filter((s): s is string => s !== undefined) : [];
}

/**
 * The map of every object without labels, annotations, data …: one object instead of one each (~56
 * bytes, and one more object for every garbage collection while the snapshot lives: ~200,000 Events
 * alone hold two). Frozen: nothing writes into a loaded object's maps, and nothing may.
 */
const emptyMap: Record<string, string> = Object.freeze({}) as Record<string, string>;

export function stringMap(value: unknown): Record<string, string> {
  let out: Record<string, string> | undefined;
  const object = rec(value);
  // Object.keys, not Object.entries: one array per map instead of one per entry (labels and annotations of every object).
  for (const k of Object.keys(object)) {
    const s = str(object[k]);
    if (s !== undefined) (out ??= {})[k] = s;
  }
  return out ?? emptyMap;
}

/**
 * Copies only defined values, so optional schema fields stay absent rather than `undefined`.
 * Into a new object, when there is one to leave out: `delete` turns an object into a slow
 * dictionary, for every later read of it (hundreds of thousands of reduced objects).
 */
export function defined<T extends Record<string, unknown>>(object: T): T {
  let hasUndefined = false;
  for (const key in object) {
    if (object[key] === undefined) {
      hasUndefined = true;
      break;
    }
  }
  if (!hasUndefined) return object;
  const out: Record<string, unknown> = {};
  for (const key in object) if (object[key] !== undefined) out[key] = object[key];
  return out as T;
}
