/// <reference types="node" />
/**
 * What the worker of prepare-outputs.ts does: for each large node output a prepared parse applies to
 * (prepared-parses.ts), what a rule's first read of it on the main thread would do — read it again
 * while it is still the file loaded, decode, mask (lazy-text.ts `firstRead`, as `Unread.read`) — and the parse, posted
 * back. Files are claimed one by one in a shared status array, from the last registered, so the main
 * thread, which asks from the first, parses itself whatever the worker has not begun, and waits only
 * for a file the worker is reading. Kept apart from the thread so it can be tested in-thread.
 */
import type { MessagePort } from 'node:worker_threads';
import { preparedParses, type PreparedCommand } from '../facts/prepared-parses.js';
import { firstRead, type PreparedParse } from '../snapshot/lazy-text.js';
import { readSameFile } from './read-again.js';

export interface PrepareFile {
  /** Where to read it. */
  full: string;
  /** Its path in the snapshot (the builder's, normalised): the parse's `file`. */
  path: string;
  /** Size and modification time when it was loaded. */
  size: number;
  mtimeMs: number;
  command: PreparedCommand;
}

export interface PrepareTask {
  kind: 'prepare';
  files: PrepareFile[];
  /** One Int32 per file: PrepareStatus. */
  status: SharedArrayBuffer;
  /** Where results go; the main thread takes them with receiveMessageOnPort. */
  port: MessagePort;
}

/** A file's state in the shared status array. */
export const PrepareStatus = {
  /** Nobody has begun it. */
  free: 0,
  /** The worker is reading and parsing it. */
  working: 1,
  /** The worker posted its message (a prepared parse, or that it could not). */
  posted: 2,
  /** The main thread claimed it (parses it itself) or took its message. */
  mainThread: 3,
} as const;

export type PrepareMessage = { slot: number; ok: true; prepared: PreparedParse } | { slot: number; ok: false };

/** Runs the task: every file not claimed by the main thread, last first. */
export function runPrepareTask(task: Omit<PrepareTask, 'port'>, post: (message: PrepareMessage) => void): void {
  const status = new Int32Array(task.status);
  for (let slot = task.files.length - 1; slot >= 0; slot--) {
    if (Atomics.compareExchange(status, slot, PrepareStatus.free, PrepareStatus.working) !== PrepareStatus.free) continue;
    try {
      post(prepareOne(task.files[slot]!, slot));
    } catch {
      // Not readable as loaded, or a result that cannot cross (structured clone): the main thread reads it.
      post({ slot, ok: false });
    } finally {
      Atomics.store(status, slot, PrepareStatus.posted);
      Atomics.notify(status, slot);
    }
  }
}

function prepareOne(file: PrepareFile, slot: number): PrepareMessage {
  const read = firstRead(readSameFile(file.full, file.path, file.size, file.mtimeMs), file.size, file.path);
  if (read === undefined) return { slot, ok: false };
  const { text, masked, decoded } = read;
  const result = preparedParses[file.command](text, { file: file.path });
  return { slot, ok: true, prepared: { length: text.length, masked, decoded, result } };
}
