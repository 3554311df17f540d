/// <reference types="node" />
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RangeResult, RangeTask, WireResult } from './object-ranges.js';
import type { Reduced } from '../snapshot/reduce-object.js';

/**
 * A pool of worker threads that read ranges of JSON object files (object-worker.ts), one per
 * core. Workers start on first use; tasks go to whichever is free. Where the worker file cannot
 * start (a bundler that did not copy it, a runtime without threads) `start` returns undefined and
 * the loader reads in-thread, as it always can.
 */
export class ObjectPool {
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: Array<{ task: RangeTask; transfer: ArrayBuffer[] }> = [];
  readonly #pending = new Map<number, (result: RangeResult) => void>();
  #failed = false;

  private constructor(size: number, url: URL) {
    for (let k = 0; k < size; k++) {
      const worker = startWorker(url);
      worker.on('message', (wire: WireResult | RangeResult) => {
        const result: RangeResult = wire.clean && typeof wire.objects === 'string' ? { ...wire, objects: JSON.parse(wire.objects) as Reduced[] } : (wire as RangeResult);
        this.#pending.get(result.id)?.(result);
        this.#pending.delete(result.id);
        this.#next(worker);
      });
      worker.on('error', () => this.#fail());
      worker.on('exit', (code) => code !== 0 && this.#fail());
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  /** A pool of `size` workers (default: the machine's available parallelism), or undefined when none can start. */
  static start(size = availableParallelism()): ObjectPool | undefined {
    try {
      return new ObjectPool(Math.max(1, size), workerUrl());
    } catch {
      return undefined;
    }
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Reads one range in a worker; a worker that dies answers "not clean", so the caller reads the file itself. */
  run(task: RangeTask): Promise<RangeResult> {
    if (this.#failed) return Promise.resolve({ id: task.id, clean: false });
    return new Promise((resolve) => {
      this.#pending.set(task.id, resolve);
      // The bytes move to the worker (the caller hands over a buffer of its own): no copy.
      const transfer = [task.bytes.buffer as ArrayBuffer];
      const worker = this.#idle.pop();
      if (worker) worker.postMessage(task, transfer);
      else this.#queue.push({ task, transfer });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #next(worker: Worker): void {
    const queued = this.#queue.shift();
    if (queued) worker.postMessage(queued.task, queued.transfer);
    else this.#idle.push(worker);
  }

  #fail(): void {
    this.#failed = true;
    // Queued tasks are pending too: every caller hears "not clean" and reads its file itself.
    for (const [id, resolve] of this.#pending) resolve({ id, clean: false });
    this.#pending.clear();
    this.#queue.splice(0);
  }
}

/**
 * The worker file beside this module: `object-worker.js` / `.cjs` in the built package, the
 * TypeScript source when running from source (tests, tsx), which Node cannot load by itself.
 */
function workerUrl(): URL {
  const here = moduleUrl();
  const ext = /\.(c?js|mjs|ts)$/.exec(here)?.[1] ?? 'js';
  return new URL(`./object-worker.${ext}`, here);
}

function moduleUrl(): string {
  // In the CommonJS build import.meta is not available; tsup's shim gives its URL (tsup.config.ts: shims).
  return import.meta.url;
}

/** A worker thread on object-worker.ts (throws when it cannot start). */
export function startObjectWorker(): Worker {
  return startWorker(workerUrl());
}

function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  // From source: register tsx in the worker first (its ESM hooks reach the worker only this way on Node 20).
  const script = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(script, { eval: true });
}
