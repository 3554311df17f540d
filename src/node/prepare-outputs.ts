/// <reference types="node" />
/**
 * The analysis's second core: the largest node outputs the facts parse (prepared-parses.ts: 20 ×
 * 5 MB of `ipvsadm` at scale 1, the Windows HNS dumps) are read, decoded, masked and parsed by the
 * worker thread that read pods.json (prepare-task.ts), from the end of the load on, while this
 * thread analyses. A fact
 * that reaches such a file takes the worker's result when it is there, waits when the worker is
 * in the middle of that very file, and otherwise reads and parses it itself, as without the
 * worker — so a worker that is slow, cannot start or dies changes no result, only the time.
 * Results cross by structured clone (typed arrays, Maps, plain objects: the parses' values).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, type Worker, receiveMessageOnPort } from 'node:worker_threads';
import { isPreparedCommand } from '../facts/prepared-parses.js';
import type { PreparedParse, UnreadSource } from '../snapshot/lazy-text.js';
import { type PrepareFile, type PrepareMessage, PrepareStatus, type PrepareTask } from './prepare-task.js';

/** Larger files are left to the thread that asks (a hostile 1 GB `ipvsadm` is not read twice). */
export const prepareMaxBytes = 64 * 1024 * 1024;

/** How long a fact waits for the file the worker is reading before reading it itself (a worker that died). */
const waitMs = 10_000;

export class OutputPreparer {
  readonly #files: PrepareFile[] = [];
  readonly #results = new Map<number, PrepareMessage>();
  #status: Int32Array | undefined;
  #port: MessagePort | undefined;

  /** A hook for the file's `prepared` (lazy-text.ts), or undefined when no prepared parse applies to it. */
  register(file: Omit<PrepareFile, 'command'>, command: string): UnreadSource['prepared'] {
    if (!isPreparedCommand(command) || file.size > prepareMaxBytes) return undefined;
    const slot = this.#files.push({ ...file, command }) - 1;
    return (asked) => (asked === command ? this.#take(slot) : undefined);
  }

  /**
   * Starts the work over the files registered in `worker`, the load's (already started, its modules
   * loaded), when there are any and a second core to run it; false when not started (`worker` is
   * then still the caller's). Never a new worker: one started from source (tsx) spends a second of
   * both cores loading modules, more than it saves, and a load whose snapshot is never analysed (a
   * second load of the same directory, in the bench) would leave one working for nobody.
   */
  start(worker: Worker): boolean {
    if (this.#files.length === 0 || availableParallelism() < 2) return false;
    try {
      const status = new SharedArrayBuffer(4 * this.#files.length);
      const { port1, port2 } = new MessageChannel();
      // Neither keeps the process alive: a program that never analyses exits as before.
      worker.unref();
      port1.unref();
      // A worker that fails leaves its files unclaimed or posted as failed: they are read here.
      worker.on('error', () => {});
      const task: PrepareTask = { kind: 'prepare', files: this.#files, status, port: port2 };
      worker.postMessage(task, [port2]);
      this.#status = new Int32Array(status);
      this.#port = port1;
      return true;
    } catch {
      // The worker is gone: every file is read where it is asked for.
      return false;
    }
  }

  #take(slot: number): PreparedParse | undefined {
    const status = this.#status;
    if (!status) return undefined;
    const was = Atomics.compareExchange(status, slot, PrepareStatus.free, PrepareStatus.mainThread);
    if (was === PrepareStatus.free || was === PrepareStatus.mainThread) return undefined;
    if (was === PrepareStatus.working) Atomics.wait(status, slot, PrepareStatus.working, waitMs);
    if (Atomics.compareExchange(status, slot, PrepareStatus.posted, PrepareStatus.mainThread) !== PrepareStatus.posted) return undefined;
    for (let received = receiveMessageOnPort(this.#port!); received; received = receiveMessageOnPort(this.#port!)) {
      const message = received.message as PrepareMessage;
      this.#results.set(message.slot, message);
    }
    const message = this.#results.get(slot);
    this.#results.delete(slot);
    return message?.ok ? message.prepared : undefined;
  }
}

