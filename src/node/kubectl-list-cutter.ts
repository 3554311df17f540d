/// <reference types="node" />
import { open } from 'node:fs/promises';
import type { OwnedRange } from './item-chunks.js';
import type { ListItemSink } from './list-item-sink.js';
import { parseItemWithoutManagedFields } from './managed-fields-cut.js';

const itemsKey = '\n    "items": [';
export const firstItem = `${itemsKey}\n        {`;
export const itemBoundary = '\n        },\n        {';
export const lastItemEnd = '\n        }\n    ]';
/** Bytes read at a time: larger reads measured no faster, and their texts raised the peak RSS by half (large-object space). */
const defaultReadBytes = 1024 * 1024;
/** No item boundary in this many bytes, or no items key in the first of them: not kubectl's layout. */
const maxCarryBytes = 64 * 1024 * 1024;
export const headBytes = 1024 * 1024;
export const boundaryBytes = Buffer.from(itemBoundary);
const firstItemBytes = Buffer.from(firstItem);
const itemsBytes = Buffer.from('"items"');
const lastItemEndBytes = Buffer.from(lastItemEnd);
/** From a boundary's first byte: just past the `}` that ends the item before it, and the `{` that starts the next. */
export const closeOffset = 10;
export const startOffset = itemBoundary.length - 1;

/**
 * The fast way through a large List as `kubectl get -o json` prints it: items at 8 spaces, so one
 * item ends and the next begins at `\n        },\n        {` — a raw newline is never inside a JSON
 * string, so these bytes are structure. They are found in the bytes read with native searches
 * (Buffer.lastIndexOf on each read, a memchr for `}`), never a JavaScript loop over the bytes, and
 * each item is decoded and parsed by JSON.parse on its own (without its `metadata.managedFields` where managed-fields-cut.ts proves that exact).
 *
 * Why the items are exactly the ones JsonListSplitter would cut: the head (up to the `[` of the
 * first `"items"` key, which occurs nowhere before) parses with `]}` added, so that `[` is the
 * value of the root object's `items`; every piece between two cuts parses as one JSON value, so
 * its first `{` closes at its last `}` and the cut lies between two items; and the document with
 * its items emptied parses. A valid document cut at its items' boundaries. Anything else — a piece
 * that does not parse (malformed, truncated), another layout (compact, 2-space, tabs, CRLF),
 * UTF-16, invalid UTF-8 — and this returns false having given the sink nothing it keeps: the caller
 * stages the sink's output and reads the file again with JsonListSplitter, whose diagnostics
 * (file, line) are the ones to give.
 */
export interface CutOptions {
  /** Bytes read at a time. */
  readBytes?: number;
  /** Give up (return false) rather than add items out of the file's order (untyped items of a List whose kind is not yet known), as a file read whole never does. */
  inFileOrder?: boolean;
  /**
   * Read only the items that start in this range of the file (item-chunks.ts): when the next chunk is
   * the other reader's, stop after the last item that starts before it, call `onStop` with the
   * number of items read, and return true without finishing the sink (the other reader has the rest).
   */
  owned?: OwnedRange;
  onStop?: (items: number) => void;
}

export async function cutKubectlList(path: string, sink: ListItemSink, options: CutOptions = {}): Promise<boolean> {
  const readBytes = options.readBytes ?? defaultReadBytes;
  const utf8 = new TextDecoder('utf-8', { fatal: true }); // drops a leading byte order mark, as the splitter's path does
  const handle = await open(path, 'r');
  let head: string | undefined;
  let headDoc: unknown;
  let index = 0;
  /**
   * One item, from its `{` to its `}`, decoded on its own: a text of ~14 KB is collected young, where
   * one text per 1 MiB read went to V8's large-object space, fresh pages faulted in for each.
   */
  const item = (bytes: Buffer): boolean => {
    let value: unknown;
    try {
      value = parseItemWithoutManagedFields(utf8.decode(bytes));
    } catch {
      return false;
    }
    sink.item(value, index++, () => headDoc);
    return true;
  };
  try {
    // One buffer for every read: what is left of an item after the last boundary moves to its front.
    let buffer = Buffer.allocUnsafe(2 * readBytes);
    let carried = 0;
    /** File offset of buffer[0]. */
    let base = 0;
    const owned = options.owned;
    /** The next chunk is the other reader's: stop at the first item starting in it. */
    let stopping = false;
    for (let reads = 0; ; reads++) {
      if (buffer.length < carried + readBytes) buffer = Buffer.concat([buffer.subarray(0, carried)], 2 * (carried + readBytes));
      const { bytesRead } = await handle.read(buffer, carried, readBytes, null);
      const filled = carried + bytesRead;
      const bytes = buffer.subarray(0, filled);
      if (reads === 0 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
      const atEnd = bytesRead === 0;
      while (owned && !stopping && base + filled > owned.end()) stopping = !owned.extend();
      // The other reader's share starts at the first item starting at or after the end of this one's.
      const stop = owned && stopping && !atEnd ? nextBoundaryIn(bytes, Math.max(0, owned.end() - base - startOffset)) : -1;
      const last = atEnd ? -1 : stop !== -1 ? stop : bytes.lastIndexOf(boundaryBytes);
      if (!atEnd && last === -1) {
        if (filled > maxCarryBytes) return false;
        carried = filled;
        continue;
      }
      // Whole items up to the last boundary's `}`; the next item, from its `{`, waits for the next read.
      let at = 0;
      if (head === undefined) {
        const key = bytes.indexOf(firstItemBytes);
        if (key === -1 || key > headBytes || bytes.indexOf(itemsBytes) !== key + 5) return false;
        try {
          head = utf8.decode(bytes.subarray(0, key + itemsKey.length));
          headDoc = JSON.parse(`${head}]}`);
        } catch {
          return false;
        }
        at = key + firstItem.length - 1;
      }
      // At the end of the file, the last item ends where the items do; the rest of the document follows.
      const close = atEnd ? bytes.lastIndexOf(lastItemEndBytes) : last;
      if (close < at) return false;
      for (let cut = nextBoundaryIn(bytes, at); cut !== -1 && cut < close; cut = nextBoundaryIn(bytes, at)) {
        if (!item(bytes.subarray(at, cut + closeOffset))) return false;
        at = cut + startOffset;
      }
      if (!item(bytes.subarray(at, close + closeOffset))) return false;
      if (stop !== -1) {
        if (sink.deferred > 0) return false;
        options.onStop?.(index);
        return true;
      }
      if (!atEnd) {
        buffer.copyWithin(0, last + startOffset, filled);
        base += last + startOffset;
        carried = filled - (last + startOffset);
        continue;
      }
      let doc: unknown;
      try {
        doc = JSON.parse(`${head}${utf8.decode(bytes.subarray(close + closeOffset))}`);
      } catch {
        return false;
      }
      if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return false;
      if (options.inFileOrder && sink.deferred > 0) return false;
      sink.finish(index, doc as Record<string, unknown>);
      return true;
    }
  } finally {
    await handle.close();
  }
}

/**
 * The next item boundary (its first byte) starting at or after `from` in `bytes`, or -1. A search for
 * the whole boundary (Buffer.indexOf, Boyer-Moore-Horspool) runs at ~1.7 ns a byte over indented JSON,
 * where spaces defeat its skips; a search for the boundary's `}` alone is a native memchr
 * (~0.15 ns a byte), and checking the bytes around each `},` costs less.
 */
export function nextBoundaryIn(bytes: Buffer, from: number): number {
  for (let close = bytes.indexOf(0x7d, from + 9); close !== -1; close = bytes.indexOf(0x7d, close + 1)) {
    if (bytes[close + 1] === 0x2c && isBoundaryAt(bytes, close - 9)) return close - 9;
  }
  return -1;
}

function isBoundaryAt(bytes: Buffer, at: number): boolean {
  if (at + boundaryBytes.length > bytes.length) return false;
  for (let k = 0; k < boundaryBytes.length; k++) if (bytes[at + k] !== boundaryBytes[k]) return false;
  return true;
}
