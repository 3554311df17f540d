/// <reference types="node" />
import type { Worker } from 'node:worker_threads';
import type { Reduced } from '../snapshot/reduce-object.js';
import type { FileMessage, FileTask } from './file-task.js';
import { StagedObjects } from './list-item-sink.js';
import { startObjectWorker } from './object-pool.js';

/**
 * One large object file (pods.json) read in a worker thread while this thread reads the files
 * before it: the worker cuts, parses and reduces it (file-task.ts) and posts the reduced objects,
 * which are staged here as they arrive and handed to the builder when the load reaches the file,
 * so objects keep the order of a load in one thread. `result()` is undefined when the worker
 * could not read the file cleanly (another layout, a broken file) or could not start or died:
 * the caller then reads it in this thread, with its diagnostics.
 */
export class FileInWorker {
  readonly #worker: Worker;
  readonly #result: Promise<StagedObjects | undefined>;

  private constructor(worker: Worker, task: FileTask) {
    this.#worker = worker;
    const staged = new StagedObjects();
    this.#result = new Promise((resolve) => {
      worker.on('message', (message: FileMessage) => {
        if (message.kind === 'objects') return staged.addReduced(JSON.parse(message.json) as Reduced[]);
        if (!message.ok) return resolve(undefined);
        staged.addNotes(message);
        resolve(staged);
      });
      worker.on('error', () => resolve(undefined));
      worker.on('exit', () => resolve(undefined));
    });
    worker.postMessage(task);
  }

  /** Starts reading `path` (`file` in the snapshot) in a worker; undefined when no worker can start. */
  static start(path: string, file: string, inFileOrder = false): FileInWorker | undefined {
    try {
      return new FileInWorker(startObjectWorker(), { kind: 'file', path, file, inFileOrder });
    } catch {
      return undefined;
    }
  }

  result(): Promise<StagedObjects | undefined> {
    return this.#result;
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
