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

/**
 * The fast way through a large List as `kubectl get -o json` prints it: items at 8 spaces, so one
 * item ends and the next begins at `\n        },\n        {` — a raw newline is never inside a JSON
 * string, so these bytes are structure. They are found with native searches (Buffer.lastIndexOf on
 * each read, String.indexOf on its text), never a JavaScript loop over the bytes, and each item is
 * parsed by JSON.parse on its own (without its `metadata.managedFields` where managed-fields-cut.ts proves that exact).
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
  const item = (piece: string): boolean => {
    let value: unknown;
    try {
      value = parseItemWithoutManagedFields(piece);
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
      if (reads === 0 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) return false;
      const atEnd = bytesRead === 0;
      while (owned && !stopping && base + filled > owned.end()) stopping = !owned.extend();
      // The other reader's share starts at the first item starting at or after the end of this one's.
      const stop = owned && stopping && !atEnd ? buffer.subarray(0, filled).indexOf(boundaryBytes, Math.max(0, owned.end() - base - (itemBoundary.length - 1))) : -1;
      const last = atEnd ? -1 : stop !== -1 ? stop : buffer.subarray(0, filled).lastIndexOf(boundaryBytes);
      if (!atEnd && last === -1) {
        if (filled > maxCarryBytes) return false;
        carried = filled;
        continue;
      }
      // Whole items up to the last boundary's `}`; the next item, from its `{`, waits for the next read.
      let text: string;
      try {
        text = utf8.decode(buffer.subarray(0, atEnd ? filled : last + 10));
      } catch {
        return false;
      }
      if (!atEnd) {
        buffer.copyWithin(0, last + itemBoundary.length - 1, filled);
        base += last + itemBoundary.length - 1;
        carried = filled - (last + itemBoundary.length - 1);
      }
      let at = 0;
      if (head === undefined) {
        const key = text.indexOf(firstItem);
        if (key === -1 || key > headBytes || text.indexOf('"items"') !== key + 5) return false;
        head = text.slice(0, key + itemsKey.length);
        try {
          headDoc = JSON.parse(`${head}]}`);
        } catch {
          return false;
        }
        at = key + firstItem.length - 1;
      }
      // At the end of the file, the last item ends where the items do; the rest of the document follows.
      const close = atEnd ? text.lastIndexOf(lastItemEnd) : text.length - 10;
      if (close < at) return false;
      for (let cut = nextBoundary(text, at); cut !== -1 && cut < close; cut = nextBoundary(text, at)) {
        if (!item(text.slice(at, cut + 10))) return false;
        at = cut + itemBoundary.length - 1;
      }
      if (!item(text.slice(at, close + 10))) return false;
      if (stop !== -1) {
        if (sink.deferred > 0) return false;
        options.onStop?.(index);
        return true;
      }
      if (!atEnd) continue;
      let doc: unknown;
      try {
        doc = JSON.parse(`${head}${text.slice(close + 10)}`);
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
 * The next item boundary at or after `from`. A multi-character String.indexOf over indented JSON
 * runs at ~1.7 ns a byte (its skip table gains little where spaces abound); a search for the
 * boundary's `}` alone is a native memchr, and checking the bytes around each `}` costs less.
 */
export function nextBoundary(text: string, from: number): number {
  for (let close = text.indexOf('}', from + 9); close !== -1; close = text.indexOf('}', close + 1)) {
    if (text.charCodeAt(close + 1) === 0x2c && text.startsWith(itemBoundary, close - 9)) return close - 9;
  }
  return -1;
}
