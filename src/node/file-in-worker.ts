/// <reference types="node" />
import type { Worker } from 'node:worker_threads';
import type { Reduced } from '../snapshot/reduce-object.js';
import type { FileMessage, FileTask, StoppedAt } from './file-task.js';
import { ItemChunks } from './item-chunks.js';
import { joinShares, readItemsFromEnd } from './items-from-end.js';
import { StagedObjects } from './list-item-sink.js';
import { SharedValueDecoder } from './shared-values.js';
import { startObjectWorker } from './object-pool.js';

/**
 * One large object file (pods.json) read in a worker thread while this thread reads the files
 * before it: the worker cuts, parses and reduces it (file-task.ts) and posts the reduced objects,
 * which are staged here as they arrive and handed to the builder when the load reaches the file,
 * so objects keep the order of a load in one thread. When the load reaches it, this thread reads
 * the file's chunks from the end until it meets the worker (`complete()`, item-chunks.ts), so both
 * finish together. The result is undefined when the file could not be read cleanly that way
 * (another layout, a broken file) or the worker could not start or died: the caller then reads it
 * in this thread, with its diagnostics.
 */
export class FileInWorker {
  readonly #worker: Worker;
  readonly #task: FileTask;
  readonly #chunks: ItemChunks | undefined;
  readonly #result: Promise<StagedObjects | undefined>;
  #stopped: StoppedAt | undefined;
  #takenFromEnd = 0;

  private constructor(worker: Worker, task: FileTask, chunks: ItemChunks | undefined) {
    this.#worker = worker;
    this.#task = task;
    this.#chunks = chunks;
    const staged = new StagedObjects();
    const shared = new SharedValueDecoder();
    this.#result = new Promise((resolve) => {
      worker.on('message', (message: FileMessage) => {
        if (message.kind === 'objects') return staged.addReduced(decodeObjects(message, shared));
        if (!message.ok) return resolve(undefined);
        staged.addNotes(message);
        this.#stopped = message.stopped;
        resolve(staged);
      });
      worker.on('error', () => resolve(undefined));
      worker.on('exit', () => resolve(undefined));
    });
    worker.postMessage(chunks ? { ...task, chunks: { shared: chunks.shared, chunkBytes: chunks.chunkBytes } } : task);
  }

  /**
   * Starts reading `path` (`file` in the snapshot) in a worker; undefined when no worker can start.
   * With `size` (the file's), the worker reads it from the front and leaves the rest to `complete()`.
   */
  static start(path: string, file: string, inFileOrder = false, shared?: { size: number; chunkBytes?: number }): FileInWorker | undefined {
    try {
      return new FileInWorker(startObjectWorker(), { kind: 'file', path, file, inFileOrder }, shared ? ItemChunks.forFile(shared.size, shared.chunkBytes) : undefined);
    } catch {
      return undefined;
    }
  }

  /** What the worker read, alone: the whole file unless `complete()` took chunks from its end. */
  result(): Promise<StagedObjects | undefined> {
    return this.#result;
  }

  /** Reads chunks from the end in this thread until the worker has the next one, then the whole file's objects, in order. */
  async complete(): Promise<StagedObjects | undefined> {
    if (!this.#chunks) return this.#result;
    const fromEnd = await readItemsFromEnd(this.#task.path, this.#task.file, this.#chunks).catch(() => 'failed' as const);
    this.#takenFromEnd = typeof fromEnd === 'object' ? fromEnd.objects.length : 0;
    return joinShares(this.#task.file, await this.#result, this.#stopped, fromEnd);
  }

  /** Items this thread read from the end of the file in `complete()`. */
  get takenFromEnd(): number {
    return this.#takenFromEnd;
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  /**
   * The worker, for another task once this file is read (prepare-outputs.ts: already started, its
   * modules loaded), no longer this object's; call instead of `close()`.
   */
  handOver(): Worker {
    this.#worker.removeAllListeners();
    return this.#worker;
  }
}

/** A batch of reduced objects as the worker sent it, its shared values put back (shared-values.ts). */
export function decodeObjects(message: { json: string; shared: string }, shared: SharedValueDecoder): Reduced[] {
  shared.add(message.shared);
  const objects = JSON.parse(message.json) as Reduced[];
  for (const object of objects) shared.decode(object as unknown as Record<string, unknown>);
  return objects;
}
