/**
 * Cuts a JSON `List` (`{"apiVersion": …, "items": [ {…}, {…} ], "kind": "List", …}`)
 * fed as byte chunks into its items, one byte range per item, without ever
 * holding the whole file: `kubectl get pods -A -o json` of a large cluster is
 * longer than the longest string V8 can hold, so it cannot go through
 * JSON.parse whole. Each item is then parsed on its own by JSON.parse, which
 * is native and several times faster than a JavaScript token-by-token parser.
 *
 * Only the structure is tracked (strings, nesting and line numbers in
 * json-byte-scanner.ts; the top-level `items` key, item boundaries and the
 * rest of the document here); JSON.parse validates each item and the rest of
 * the document (the "skeleton": the file with `items` emptied).
 *
 * Pure byte work, no Node APIs, so it runs wherever Uint8Array does.
 */
import { BACKSLASH, JsonByteScanner, QUOTE, concat, sameBytes } from './json-byte-scanner.js';

export type SplitterState = 'start' | 'object' | 'done' | 'unsupported' | 'failed';

export interface SplitEnd {
  state: SplitterState;
  /** Items emitted. */
  items: number;
  /** The document without its items (`"items": []`), when it closed properly. */
  skeleton?: Uint8Array;
  /** Why the document is incomplete or malformed, with the line to point at. */
  problem?: { line: number; message: string };
}

export type ItemHandler = (bytes: Uint8Array, index: number, line: number) => void;

const ITEMS = [0x69, 0x74, 0x65, 0x6d, 0x73]; // "items"

export class JsonListSplitter {
  state: SplitterState = 'start';
  /** Strings, nesting depth and line numbers; a field rather than a base class, which measured slower. */
  readonly #bytes = new JsonByteScanner();
  /** At depth 1: whether the next string is a key, the bytes of the key being read, and whether the last key was "items". */
  #expectKey = false;
  #key: number[] | undefined;
  #lastKeyIsItems = false;
  #inItems = false;
  #itemsSeen = false;
  /** The current item: where it starts in this chunk (-1: none), its first line, its bytes from earlier chunks. */
  #itemStart = -1;
  #itemLine = 0;
  #itemPieces: Uint8Array[] = [];
  #itemIsScalar = false;
  #items = 0;
  #skeleton: Uint8Array[] = [];
  #problem: SplitEnd['problem'];

  constructor(private readonly onItem: ItemHandler) {}

  /** Current line (1-based). */
  get line(): number {
    return this.#bytes.line;
  }

  /** The skeleton read so far, e.g. to learn a `PodList`'s kind before its items. */
  skeletonSoFar(): Uint8Array {
    return concat(this.#skeleton);
  }

  push(chunk: Uint8Array): void {
    const scan = this.#bytes;
    if (this.state === 'done') return this.#checkTrailing(chunk, 0);
    if (this.state === 'unsupported' || this.state === 'failed') return;
    const n = chunk.length;
    let i = 0;
    let skeletonFrom = this.#inItems ? -1 : 0;
    let keyFrom = 0;
    if (this.#itemStart !== -1) this.#itemStart = 0; // an item carried over from the previous chunk
    scan.nextBackslash = chunk.indexOf(BACKSLASH);
    if (scan.pendingEscape) {
      scan.pendingEscape = false;
      i = 1;
    }
    for (; i < n; i++) {
      if (scan.inString) {
        // Jump to the closing quote, stepping over escapes (\" and \\).
        i = scan.closingQuote(chunk, i);
        if (i >= n) break;
        scan.inString = false;
        if (this.#key) {
          this.#lastKeyIsItems = sameBytes([...this.#key, ...chunk.subarray(keyFrom, i)], ITEMS);
          this.#key = undefined;
        } else if (this.#inItems && scan.depth === 2 && this.#itemStart !== -1) {
          this.#endItem(chunk, i);
        }
        continue;
      }
      if (scan.depth >= 3) {
        i = scan.skipNested(chunk, i);
        if (i >= n) break;
      }
      const c = chunk[i]!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        if (c === 0x0a) scan.line++;
        if (this.#itemIsScalar) this.#endItem(chunk, i - 1);
        continue;
      }
      if (this.state === 'start') {
        if (c !== 0x7b) {
          this.state = 'unsupported';
          return;
        }
        this.state = 'object';
      }
      if (this.#inItems && scan.depth === 2 && this.#itemStart === -1 && c !== 0x2c && c !== 0x5d) {
        this.#itemStart = i;
        this.#itemLine = scan.line;
        this.#itemIsScalar = c !== 0x7b && c !== 0x5b && c !== QUOTE;
        if (this.#itemIsScalar) continue;
      }
      switch (c) {
        case QUOTE:
          scan.inString = true;
          if (scan.depth === 1 && this.#expectKey) {
            this.#key = [];
            keyFrom = i + 1;
          }
          break;
        case 0x7b: // {
        case 0x5b: // [
          if (scan.depth === 1 && c === 0x5b && this.#lastKeyIsItems && !this.#itemsSeen) {
            this.#itemsSeen = true;
            this.#inItems = true;
            this.#skeleton.push(chunk.slice(skeletonFrom, i + 1));
            skeletonFrom = -1;
          }
          scan.depth++;
          if (scan.depth === 1) this.#expectKey = true;
          break;
        case 0x7d: // }
        case 0x5d: // ]
          if (this.#itemIsScalar) this.#endItem(chunk, i - 1);
          scan.depth--;
          if (this.#inItems && scan.depth === 2 && this.#itemStart !== -1) this.#endItem(chunk, i);
          else if (this.#inItems && scan.depth === 1) {
            this.#inItems = false;
            skeletonFrom = i;
          } else if (scan.depth === 0) {
            this.state = 'done';
            this.#skeleton.push(chunk.slice(skeletonFrom, i + 1));
            return this.#checkTrailing(chunk, i + 1);
          } else if (scan.depth < 0) {
            return this.#fail('unbalanced closing bracket');
          }
          break;
        case 0x2c: // ,
          if (this.#itemIsScalar) this.#endItem(chunk, i - 1);
          if (scan.depth === 1) this.#expectKey = true;
          break;
        case 0x3a: // :
          if (scan.depth === 1) this.#expectKey = false;
          break;
      }
    }
    if (skeletonFrom >= 0 && skeletonFrom < n) this.#skeleton.push(chunk.slice(skeletonFrom, n));
    if (this.#itemStart !== -1 && this.#itemStart < n) this.#itemPieces.push(chunk.slice(this.#itemStart, n));
    if (this.#key && scan.inString) this.#key.push(...chunk.subarray(keyFrom, Math.min(n, keyFrom + ITEMS.length + 1)));
  }

  end(): SplitEnd {
    const scan = this.#bytes;
    if (this.state === 'object') {
      const inItem = this.#itemStart !== -1;
      this.#problem ??= {
        line: inItem ? this.#itemLine : scan.line,
        message: inItem
          ? `file ends on line ${scan.line} inside items[${this.#items}], which starts here (truncated?); the ${this.#items} items before it were read`
          : `file ends on line ${scan.line} before the JSON document is closed (truncated?); ${this.#items} items were read`,
      };
    }
    const end: SplitEnd = { state: this.state, items: this.#items };
    if (this.state === 'done') end.skeleton = concat(this.#skeleton);
    if (this.#problem) end.problem = this.#problem;
    return end;
  }

  /** Emits the item that ends at `last` (inclusive) of this chunk. */
  #endItem(chunk: Uint8Array, last: number): void {
    let bytes = chunk.subarray(this.#itemStart, last + 1);
    if (this.#itemPieces.length > 0) {
      this.#itemPieces.push(bytes);
      bytes = concat(this.#itemPieces);
      this.#itemPieces = [];
    }
    this.#itemStart = -1;
    this.#itemIsScalar = false;
    this.onItem(bytes, this.#items++, this.#itemLine);
  }

  #checkTrailing(chunk: Uint8Array, from: number): void {
    const scan = this.#bytes;
    for (let k = from; k < chunk.length; k++) {
      const c = chunk[k];
      if (c === 0x0a) scan.line++;
      else if (c !== 0x20 && c !== 0x0d && c !== 0x09) return this.#fail('unexpected content after the end of the JSON document');
    }
  }

  #fail(message: string): void {
    const scan = this.#bytes;
    this.state = 'failed';
    this.#problem = { line: scan.line, message };
  }
}
