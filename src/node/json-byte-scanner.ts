/**
 * The byte-level half of JsonListSplitter (which holds one): where strings
 * end (stepping over escapes), how deep the brackets nest, and which line a
 * byte is on, carried across chunk boundaries. It knows nothing of the List's
 * `items`; the splitter does. Pure byte work, no Node APIs.
 */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;

export class JsonByteScanner {
  /** Current line (1-based); JSON strings hold no raw newline, so every `\n` outside them counts. */
  line = 1;
  depth = 0;
  inString = false;
  /** The previous chunk ended in a backslash inside a string: the next chunk's first byte is escaped. */
  pendingEscape = false;
  /** Position of the next backslash in the current chunk (-1: none left), for the string scan. */
  nextBackslash = -1;

  /**
   * The index of the quote that closes the string `from` is in, stepping over
   * escapes (\" and \\); the chunk's length if the string goes on past it
   * (with `pendingEscape` set when the chunk ends in a backslash).
   */
  closingQuote(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    let i = from;
    for (;;) {
      if (this.nextBackslash !== -1 && this.nextBackslash < i) this.nextBackslash = chunk.indexOf(BACKSLASH, i);
      const quote = chunk.indexOf(QUOTE, i);
      if (this.nextBackslash !== -1 && (quote === -1 || this.nextBackslash < quote)) {
        i = this.nextBackslash + 2;
        if (i > n) this.pendingEscape = true;
        if (i >= n) return n;
        continue;
      }
      return quote === -1 ? n : quote;
    }
  }

  /**
   * The hot loop: inside an item (depth 3 and more) only strings, brackets and
   * newlines matter. Returns at the bracket that closes back to depth 2 (left
   * for push() to handle), or at the end of the chunk.
   */
  skipNested(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    let depth = this.depth;
    let line = this.line;
    let i = from;
    for (; i < n; i++) {
      const c = chunk[i];
      if (c === QUOTE) {
        i = this.closingQuote(chunk, i + 1);
        if (i >= n) {
          this.inString = true;
          break;
        }
      } else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (depth === 3) break;
        depth--;
      } else if (c === 0x0a) line++;
    }
    this.depth = depth;
    this.line = line;
    return i;
  }
}

export function sameBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

export function concat(pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of pieces) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
