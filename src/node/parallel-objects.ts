/// <reference types="node" />
import { open } from 'node:fs/promises';
import type { Reduced } from '../snapshot/reduce-object.js';
import type { SnapshotBuilder } from '../snapshot/snapshot-builder.js';
import { type RangeResult, type RangeTask, itemBoundary, rangeHead, rangeTail } from './object-ranges.js';

/** Runs range tasks: the worker pool (object-pool.ts), or anything with its shape. */
export interface RangeRunner {
  readonly size: number;
  run(task: RangeTask): Promise<RangeResult>;
}

/**
 * Where one List item ends and the next begins, as `kubectl get -o json` prints a List: items
 * at 8 spaces. A raw newline is never inside a JSON string, so these bytes are structure; the
 * worker checks that each cut really falls between two items (object-ranges.ts).
 */
const boundary = Buffer.from(itemBoundary);
/** Bytes read per step; a range is what lies before the last item boundary in them. */
export const defaultRangeBytes = 8 * 1024 * 1024;
/** No boundary in this many bytes: not laid out as kubectl prints (one line, other indent): read it the ordinary way. */
const maxRangeBytes = 64 * 1024 * 1024;

/**
 * Reads a JSON object file through the worker pool: the file is cut into ranges of whole List
 * items at the boundaries above, each range is parsed and reduced in a worker, and the reduced
 * objects are added in file order with their indexes in the whole List, so the snapshot is the
 * same as reading the file in-thread. Adds nothing and returns false when the file is not such a
 * List or anything in it needs a diagnostic: the caller then reads it the ordinary way.
 */
export async function readObjectFileInParallel(pool: RangeRunner, path: string, file: string, builder: SnapshotBuilder, chunkBytes = defaultRangeBytes): Promise<boolean> {
  const tasks: Array<Promise<RangeResult>> = [];
  const submit = (task: RangeTask) => tasks.push(pool.run(task));
  const handle = await open(path, 'r');
  try {
    let carry = new Uint8Array(0);
    for (let first = true; ; ) {
      const buffer = new Uint8Array(carry.length + chunkBytes);
      buffer.set(carry);
      const { bytesRead } = await handle.read(buffer, carry.length, chunkBytes, null);
      const filled = carry.length + bytesRead;
      if (first && !looksLikeKubectlList(buffer.subarray(0, Math.min(filled, 4096)))) return false;
      if (bytesRead === 0) {
        submit({ id: tasks.length, file, bytes: buffer.subarray(0, filled), wrapHead: !first, wrapTail: false });
        break;
      }
      const at = Buffer.from(buffer.buffer, 0, filled).lastIndexOf(boundary);
      if (at < 0) {
        if (filled > maxRangeBytes) return false;
        carry = buffer.subarray(0, filled);
        continue;
      }
      carry = buffer.slice(at + boundary.length - 1, filled);
      submit({ id: tasks.length, file, bytes: buffer.subarray(0, at + 10), wrapHead: !first, wrapTail: true });
      first = false;
      // Keep a few ranges per worker in flight, not the whole file.
      if (tasks.length > 2 * pool.size) await tasks[tasks.length - 2 * pool.size - 1];
    }
  } finally {
    await handle.close();
  }
  const results = await Promise.all(tasks);
  const objects = inFileOrder(results);
  if (!objects) return false;
  builder.addReducedObjects(objects);
  return true;
}

/** Every range's objects with their index in the whole List; undefined unless every range was clean and the List closes. */
function inFileOrder(results: RangeResult[]): Reduced[] | undefined {
  if (!results.every((r) => r.clean)) return undefined;
  const clean = results as Array<Extract<RangeResult, { clean: true }>>;
  const skeleton = clean.length === 1 ? clean[0]!.skeleton : `${clean[0]!.skeleton.slice(0, -rangeTail.length)}${clean.at(-1)!.skeleton.slice(rangeHead.length)}`;
  let doc: unknown;
  try {
    doc = JSON.parse(skeleton);
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== 'object' || !Array.isArray((doc as { items?: unknown }).items)) return undefined;
  const out: Reduced[] = [];
  for (const { objects } of clean) {
    const base = out.length;
    for (let k = 0; k < objects.length; k++) {
      const object = objects[k]!;
      if (base > 0) {
        // The worker numbered the items of its range from 0: say where they are in the file.
        const local = ` (items[${k}])`;
        if (!object.source.object?.endsWith(local)) return undefined;
        object.source = { ...object.source, object: `${object.source.object.slice(0, -local.length)} (items[${base + k}])` };
      }
      out.push(object);
    }
  }
  return out;
}

/** A JSON object in UTF-8 without a byte order mark, and not a `kubectl cluster-info dump` stream (which the builder splits). */
function looksLikeKubectlList(head: Uint8Array): boolean {
  const text = Buffer.from(head.buffer, head.byteOffset, head.length).toString('latin1');
  return /^\s*\{/.test(text) && !/^\s*\{\s*"kind"\s*:\s*"NodeList"/.test(text);
}
