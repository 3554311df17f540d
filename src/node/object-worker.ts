/// <reference types="node" />
/**
 * Entry of loadSnapshot's worker threads: reads ranges of JSON object files for the pool
 * (object-pool.ts), or a whole streamed object file (file-in-worker.ts), into reduced objects and
 * posts them back; or parses large node outputs ahead of the analysis (prepare-outputs.ts). Built as its own entry (tsup.config.ts), so the package's dist/ holds it beside
 * the chunks that start it.
 */
import { parentPort } from 'node:worker_threads';
import { type FileTask, runFileTask } from './file-task.js';
import { type PrepareTask, runPrepareTask } from './prepare-task.js';
import { type RangeResult, type RangeTask, type WireResult, readRange } from './object-ranges.js';

parentPort?.on('message', (task: RangeTask | FileTask | PrepareTask) => {
  if ('kind' in task && task.kind === 'prepare') {
    runPrepareTask(task, (message) => task.port.postMessage(message));
    // Done: the thread ends (what it posted stays queued on the main thread's port).
    task.port.close();
    parentPort!.close();
    return;
  }
  if ('kind' in task && task.kind === 'file') {
    void runFileTask(task, (message) => parentPort!.postMessage(message));
    return;
  }
  const range = task as RangeTask;
  let result: RangeResult | WireResult;
  try {
    const read = readRange(range);
    // The objects cross as one JSON string: the main thread parses it in a fraction of what a structured clone costs it.
    result = read.clean ? { ...read, objects: JSON.stringify(read.objects) } : read;
  } catch {
    result = { id: range.id, clean: false };
  }
  parentPort!.postMessage(result);
});
