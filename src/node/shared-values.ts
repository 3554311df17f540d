/**
 * Reduced objects cross from the worker thread as JSON (file-task.ts → file-in-worker.ts), and the
 * main thread's JSON.parse of them is on the load's critical path. Most of a pod's fields repeat
 * across the pods of one workload — labels, annotations, containers, their statuses, nodeSelector,
 * tolerations — so each distinct value crosses once: the worker replaces it by a number (the order
 * in which it was first seen in the file), sends the new values beside the batch, and the main thread
 * puts the one parsed value back into every object that had it. The main thread parses and keeps
 * fewer objects; the snapshot's values are the same (shared, never mutated once loaded).
 */
export const sharedFields = ['labels', 'annotations', 'containers', 'containerStatuses', 'nodeSelector', 'tolerations'] as const;

/** The worker's side: one per file. */
export class SharedValueEncoder {
  readonly #ids = new Map<string, number>();
  #fresh: string[] = [];

  /**
   * Replaces each shared field's value by its number, in place (the object is about to be sent):
   * every value there, whatever its type, so every number the decoder meets there is one of these.
   */
  encode(object: Record<string, unknown>): void {
    for (const field of sharedFields) {
      const value = object[field];
      if (value === undefined) continue;
      const json = JSON.stringify(value);
      if (json === undefined) continue; // a function or symbol: not JSON, left for JSON.stringify to drop as before
      let id = this.#ids.get(json);
      if (id === undefined) {
        id = this.#ids.size;
        this.#ids.set(json, id);
        this.#fresh.push(json);
      }
      object[field] = id;
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
