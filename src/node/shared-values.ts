/**
 * Reduced objects cross from the worker thread as JSON (file-task.ts → file-in-worker.ts), and the
 * main thread's JSON.parse of them is on the load's critical path. Most of a pod's fields repeat
 * across the pods of one workload — labels, annotations, containers, their statuses, nodeSelector,
 * tolerations, and the namespace, owner and node names, strings the main thread would otherwise hold
 * once per pod — so each distinct value crosses once: the worker replaces it by a number (the order
 * in which it was first seen in the file), sends the new values beside the batch, and the main thread
 * puts the one parsed value back into every object that had it. The main thread parses and keeps
 * fewer objects; the snapshot's values are the same (shared, never mutated once loaded). The pods the
 * main thread reads itself (items-from-end.ts) share their values the same way (SharedValueInterner).
 */
export const sharedFields = ['labels', 'annotations', 'containers', 'containerStatuses', 'nodeSelector', 'tolerations', 'namespace', 'ownerName', 'nodeName'] as const;

/**
 * Numbers for the distinct values of each shared field, by their JSON text. A value is first compared
 * with the same field's value in the object before (sameJson): consecutive pods are mostly of one
 * workload (kubectl lists them by namespace and name), and the comparison costs a fraction of the
 * JSON.stringify it saves (1.3–2.7 µs for a pod's labels, containers or tolerations).
 */
class DistinctValues {
  readonly #ids = new Map<string, number>();
  readonly #last: Array<{ value: unknown; id: number } | undefined> = [];

  /** The value's number and, the first time it is seen, its JSON text; undefined when it is no JSON (a function, a symbol). */
  idOf(field: number, value: unknown): { id: number; fresh?: string } | undefined {
    const last = this.#last[field];
    if (last !== undefined && sameJson(value, last.value)) return { id: last.id };
    const json = JSON.stringify(value);
    if (json === undefined) return undefined;
    let id = this.#ids.get(json);
    const fresh = id === undefined;
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(json, id);
    }
    this.#last[field] = { value, id };
    return fresh ? { id, fresh: json } : { id };
  }
}

/** The worker's side: one per file. */
export class SharedValueEncoder {
  readonly #distinct = new DistinctValues();
  #fresh: string[] = [];

  /**
   * Replaces each shared field's value by its number, in place (the object is about to be sent):
   * every value there, whatever its type, so every number the decoder meets there is one of these.
   */
  encode(object: Record<string, unknown>): void {
    for (let f = 0; f < sharedFields.length; f++) {
      const field = sharedFields[f]!;
      const value = object[field];
      if (value === undefined) continue;
      const seen = this.#distinct.idOf(f, value);
      if (seen === undefined) continue; // a function or symbol: not JSON, left for JSON.stringify to drop as before
      if (seen.fresh !== undefined) this.#fresh.push(seen.fresh);
      object[field] = seen.id;
    }
  }

  /** The values first seen since the last call, as one JSON array in the order of their numbers. */
  takeFresh(): string {
    const text = `[${this.#fresh.join(',')}]`;
    this.#fresh = [];
    return text;
  }
}

/** The main thread's side: one per file, fed the messages in the order they were sent. */
export class SharedValueDecoder {
  readonly #values: unknown[] = [];

  add(fresh: string): void {
    for (const value of JSON.parse(fresh) as unknown[]) this.#values.push(value);
  }

  /** Puts the values back where the encoder put their numbers. */
  decode(object: Record<string, unknown>): void {
    for (const field of sharedFields) {
      const id = object[field];
      if (typeof id === 'number') object[field] = this.#values[id];
    }
  }
}

/**
 * For objects reduced in this thread (the pods the main thread reads from the end of the worker's
 * file): each shared field's object or array replaced by the first one equal to it as JSON, so the
 * snapshot keeps one of each, as it does for the worker's pods (~1.5 KB of heap a pod → ~0.7 KB).
 */
export class SharedValueInterner {
  readonly #distinct = new DistinctValues();
  readonly #values: unknown[] = [];

  intern(object: Record<string, unknown>): void {
    for (let f = 0; f < sharedFields.length; f++) {
      const field = sharedFields[f]!;
      const value = object[field];
      if (value === null || (typeof value !== 'object' && typeof value !== 'string')) continue;
      const seen = this.#distinct.idOf(f, value);
      if (seen === undefined) continue;
      if (seen.fresh !== undefined) this.#values.push(value);
      object[field] = this.#values[seen.id];
    }
  }
}

/**
 * Whether JSON.stringify writes the same text for `a` and `b`, decided without writing it: the same
 * structure of plain objects and arrays, keys in the same order, primitives `===` (0 and -0 both
 * write `0`). False for anything else (undefined, functions, class instances, a toJSON), which is
 * then compared by its text: false is always safe.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === null || typeof a !== 'object') return a === b && (a === null || typeof a === 'string' || typeof a === 'boolean' || typeof a === 'number');
  if (b === null || typeof b !== 'object') return false;
  const proto = Object.getPrototypeOf(a) as unknown;
  if (proto !== Object.getPrototypeOf(b)) return false;
  if (proto === Array.prototype) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (!sameJson(x[k], y[k])) return false;
    return true;
  }
  if (proto !== Object.prototype || 'toJSON' in a) return false;
  if (a === b) return true;
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (key !== others[k] || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
