/// <reference types="node" />
import { open } from 'node:fs/promises';
import { itemKindOfList, typedKind } from '../snapshot/read-objects.js';
import type { Reduced } from '../snapshot/reduce-object.js';
import { readObjectSafely } from '../snapshot/snapshot-builder.js';
import { fromEnd, type ItemChunks } from './item-chunks.js';
import { closeOffset, firstItem as firstItemText, headBytes, lastItemEnd, nextBoundaryIn, startOffset } from './kubectl-list-cutter.js';
import type { StoppedAt } from './file-task.js';
import { type ItemTally, ListItemSink, type StagedObjects } from './list-item-sink.js';
import { parseItemWithoutManagedFields } from './managed-fields-cut.js';
import { SharedValueInterner } from './shared-values.js';

const itemsKey = Buffer.from('"items"');
const firstItem = Buffer.from(firstItemText);
const lastItemEndBytes = Buffer.from(lastItemEnd);
const tailBytes = 1024 * 1024;
/** Bytes read past a chunk's end for its last item at first (an item is ~14 KB). */
const overreadBytes = 256 * 1024;

/** Items read from the end of a List (file order), their sources without their index (`withIndexes` adds it). */
export interface ItemsFromEnd {
  objects: Reduced[];
  tally: ItemTally;
  /** The document with its items emptied: the List's head and what follows its items. */
  doc: Record<string, unknown>;
}

/**
 * The main thread's share of a List the worker reads from the front (item-chunks.ts): chunks claimed
 * from the end until the worker has the next one, each cut at kubectl's item boundaries found in its
 * bytes, each item decoded on its own and parsed (without managedFields where proven exact) and reduced as the worker would (list-item-sink.ts).
 * 'none' when it claimed nothing (the head or the end is not kubectl's layout: the worker reads it
 * all, or fails); 'failed' when a claimed chunk holds anything but clean items of a known kind (a
 * syntax error, invalid UTF-8, an item without kind, an unreadable object): the file is then read
 * again in this thread, whose diagnostics say what is wrong where.
 */
export async function readItemsFromEnd(path: string, file: string, chunks: ItemChunks): Promise<ItemsFromEnd | 'none' | 'failed'> {
  const utf8 = new TextDecoder('utf-8', { fatal: true }); // drops a leading byte order mark, as the worker's decoder does
  const handle = await open(path, 'r');
  // One buffer for every chunk (the texts are copies): no fresh pages to fault in for each.
  let reused = Buffer.allocUnsafe(0);
  const readAt = async (position: number, length: number, reuse = false): Promise<Buffer> => {
    if (reuse && reused.length < length) reused = Buffer.allocUnsafe(length);
    const buffer = reuse ? reused.subarray(0, Math.max(0, length)) : Buffer.allocUnsafe(Math.max(0, length));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  };
  try {
    const size = (await handle.stat()).size;
    const headRead = await readAt(0, Math.min(size, headBytes + firstItem.length));
    const key = headRead.indexOf(firstItem);
    if (key === -1 || headRead.indexOf(itemsKey) !== key + 5) return 'none';
    const tailFrom = Math.max(0, size - tailBytes);
    const tailRead = await readAt(tailFrom, size - tailFrom);
    const end = tailFrom + tailRead.lastIndexOf(lastItemEndBytes);
    if (end < tailFrom || end <= key + firstItem.length) return 'none';
    let head: string;
    let doc: unknown;
    let listKind: string | undefined;
    try {
      head = utf8.decode(headRead.subarray(0, key + firstItem.length - 10));
      listKind = itemKindOfList(typedKind(JSON.parse(`${head}]}`)));
      doc = JSON.parse(`${head}${utf8.decode(tailRead.subarray(end - tailFrom + 10))}`);
    } catch {
      return 'none';
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'none';

    const { chunkBytes } = chunks;
    const taken: Reduced[][] = [];
    const tally: ItemTally = { offered: 0, read: 0, untypedByHint: 0, kinds: [] };
    const kinds = new Set<string>();
    // Repeated values (labels, containers …) kept once, as the worker's pods keep them (shared-values.ts).
    const interner = new SharedValueInterner();
    for (let k = chunks.count - 1; k >= 1 && chunks.claim(k, fromEnd); k--) {
      const objects: Reduced[] = [];
      const add = (bytes: Buffer): boolean => {
        let value: unknown;
        try {
          value = parseItemWithoutManagedFields(utf8.decode(bytes));
        } catch {
          return false;
        }
        const kind = typedKind(value) ?? listKind;
        if (kind === undefined) return false;
        const read = readObjectSafely(value, listKind === undefined ? { file } : { file, listKind });
        if ('diagnostic' in read) return false;
        interner.intern(read.object as unknown as Record<string, unknown>);
        objects.push(read.object);
        kinds.add(kind);
        return true;
      };
      if (!(await chunkItems(k * chunkBytes, Math.min((k + 1) * chunkBytes, end), end, add))) return 'failed';
      taken.push(objects);
    }
    const objects = taken.reverse().flat();
    tally.offered = tally.read = objects.length;
    tally.kinds = [...kinds];
    return { objects, tally, doc: doc as Record<string, unknown> };
  } finally {
    await handle.close();
  }

  /**
   * Hands `each` the bytes of every item starting in [from, to), from its `{` to its `}` (the last
   * up to the next boundary, or to the end of the items), to be decoded on its own: a text of ~14 KB
   * is collected young. False when `each` refuses one.
   */
  async function chunkItems(from: number, to: number, end: number, each: (item: Buffer) => boolean): Promise<boolean> {
    if (from >= to) return true;
    const readFrom = from - startOffset;
    for (let extra = overreadBytes; ; extra *= 4) {
      const readTo = Math.min(to + extra, end + closeOffset);
      const bytes = await readAt(readFrom, readTo - readFrom, true);
      const first = nextBoundaryIn(bytes, 0);
      if (first === -1 || readFrom + first + startOffset >= to) return true;
      const next = nextBoundaryIn(bytes, to - readFrom - startOffset);
      if (next === -1 && readTo < end + closeOffset) continue;
      const last = next === -1 ? end - readFrom : next;
      for (let start = first + startOffset; ; ) {
        const cut = nextBoundaryIn(bytes, start);
        const stop = cut === -1 || cut >= last ? last : cut;
        if (!each(bytes.subarray(start, stop + closeOffset))) return false;
        if (stop === last) return true;
        start = stop + startOffset;
      }
    }
  }
}

/** The items' sources with their index in the List, once the items before them are counted. */
export function withIndexes(objects: Reduced[], first: number): Reduced[] {
  objects.forEach((object, k) => {
    const source = (object as { source: { file: string; object?: string } }).source;
    (object as { source: unknown }).source = { file: source.file, object: [source.object, ' (items[', first + k, '])'].join('') }; // one flat string (read-objects.ts)
  });
  return objects;
}

/**
 * The whole file from the two shares: what the front reader staged (and where it stopped, if it did)
 * and what readItemsFromEnd read. Undefined when they do not fit (either failed, or this thread read
 * items though the front reader read to the end): the file is then read again in one thread.
 */
export function joinShares(file: string, front: StagedObjects | undefined, stopped: StoppedAt | undefined, fromEnd: ItemsFromEnd | 'none' | 'failed'): StagedObjects | undefined {
  if (!front || fromEnd === 'failed') return undefined;
  // The front reader read to the end: the chunks taken from the end held no item.
  if (!stopped) return fromEnd === 'none' || fromEnd.objects.length === 0 ? front : undefined;
  if (fromEnd === 'none') return undefined;
  front.addReduced(withIndexes(fromEnd.objects, stopped.items));
  const sink = new ListItemSink(file, front);
  sink.addTally(stopped.tally);
  sink.addTally(fromEnd.tally);
  sink.finish(stopped.items + fromEnd.objects.length, fromEnd.doc);
  return front;
}
