/// <reference types="node" />
/**
 * Entry of a worker thread of the object-file pool (object-pool.ts): reads ranges of JSON object
 * files into reduced objects and posts them back. Built as its own entry (tsup.config.ts), so the
 * package's dist/ holds it beside the chunks that start it.
 */
import { parentPort } from 'node:worker_threads';
import { type RangeResult, type RangeTask, type WireResult, readRange } from './object-ranges.js';

parentPort?.on('message', (task: RangeTask) => {
  let result: RangeResult | WireResult;
  try {
    const read = readRange(task);
    // The objects cross as one JSON string: the main thread parses it in a fraction of what a structured clone costs it.
    result = read.clean ? { ...read, objects: JSON.stringify(read.objects) } : read;
  } catch {
    result = { id: task.id, clean: false };
  }
  parentPort!.postMessage(result);
});
