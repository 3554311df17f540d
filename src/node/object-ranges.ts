/**
 * What a worker does with one range of a JSON object file (object-worker.ts), kept apart from
 * the thread so it can be tested and run in-thread. The first range (the file's head and its
 * first items) goes through JsonListSplitter, which checks exactly that it ends between two
 * items of the List's `items`. Every later range starts between two items, so wrapped as
 * `{"items":[` … `]}` it is one JSON document for one native JSON.parse, no byte scanned in
 * JavaScript; it holds whole items only if that parses to exactly the wrapper's `items`, with
 * as many items as boundaries the range holds plus one. Each item then goes through readObject.
 *
 * The result is "clean" only when everything in it could be read without a word to say: any
 * item without a kind, any malformed byte, invalid UTF-8, or a range that turns out not to be
 * whole List items makes the caller load the file the ordinary way instead, so every diagnostic
 * comes from one place.
 */
import { readObject } from '../snapshot/read-objects.js';
import type { Reduced } from '../snapshot/reduce-object.js';
import { JsonListSplitter } from './json-list-splitter.js';

export interface RangeTask {
  id: number;
  /** Path of the file in the snapshot (as objects' sources name it). */
  file: string;
  bytes: Uint8Array;
  /** The range does not start the file: it is wrapped as `{"items":[` … */
  wrapHead: boolean;
  /** The range does not end the file: … `]}`. */
  wrapTail: boolean;
}

export type RangeResult = { id: number; clean: true; objects: Reduced[]; skeleton: string } | { id: number; clean: false };
/** A clean result as a worker posts it: the objects as JSON. */
export type WireResult = { id: number; clean: true; objects: string; skeleton: string };

export const rangeHead = '{"items":[';
/** Where one List item ends and the next begins, as `kubectl get -o json` prints a List (items at 8 spaces). */
export const itemBoundary = '\n        },\n        {';
export const rangeTail = ']}';
const head = new TextEncoder().encode(rangeHead);
const tail = new TextEncoder().encode(rangeTail);
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readRange(task: RangeTask): RangeResult {
  return task.wrapHead ? readLaterRange(task) : readFirstRange(task);
}

function readLaterRange(task: RangeTask): RangeResult {
  const { id, file } = task;
  let doc: unknown;
  let text: string;
  try {
    text = utf8.decode(task.bytes);
    doc = JSON.parse(`${rangeHead}${text}${task.wrapTail ? rangeTail : ''}`);
  } catch {
    return { id, clean: false };
  }
  const { items, ...rest } = (doc ?? {}) as { items?: unknown };
  if (!Array.isArray(items) || (task.wrapTail && Object.keys(rest).length > 0) || items.length !== boundaries(text) + 1) return { id, clean: false };
  const objects: Reduced[] = [];
  for (let index = 0; index < items.length; index++) {
    const read = readObject(items[index], { file, index });
    if ('diagnostic' in read) return { id, clean: false };
    objects.push(read.object);
  }
  // The skeleton as the splitter gives it: the wrapper's emptied `items`, then what closes the file.
  const after = JSON.stringify(rest);
  return { id, clean: true, objects, skeleton: `${rangeHead}]${after === '{}' ? '}' : `,${after.slice(1)}`}` };
}

/** Item boundaries in the range's text (a native string search: no byte loop in JavaScript). */
function boundaries(text: string): number {
  let count = 0;
  for (let at = text.indexOf(itemBoundary); at !== -1; at = text.indexOf(itemBoundary, at + itemBoundary.length)) count++;
  return count;
}

function readFirstRange(task: RangeTask): RangeResult {
  const { id, file } = task;
  const objects: Reduced[] = [];
  let clean = true;
  const splitter = new JsonListSplitter((bytes, index) => {
    if (!clean) return;
    try {
      const read = readObject(JSON.parse(utf8.decode(bytes)), { file, index });
      if ('diagnostic' in read) clean = false;
      else objects.push(read.object);
    } catch {
      clean = false;
    }
  });
  if (task.wrapHead) splitter.push(head);
  splitter.push(task.bytes);
  if (task.wrapTail) splitter.push(tail);
  const end = splitter.end();
  if (!clean || end.state !== 'done' || end.problem || !end.skeleton || end.items === 0 || end.items !== objects.length) return { id, clean: false };
  let skeleton: string;
  try {
    skeleton = utf8.decode(end.skeleton);
  } catch {
    return { id, clean: false };
  }
  // Cut where no List item ends (a file not laid out as kubectl prints), the items would not close here.
  if (task.wrapTail && !skeleton.endsWith(`[${rangeTail}`)) return { id, clean: false };
  if (task.wrapHead && !skeleton.startsWith(`${rangeHead}]`)) return { id, clean: false };
  return { id, clean: true, objects, skeleton };
}
