/**
 * A large List file shared by two threads: its bytes in fixed chunks, each claimed once, by the
 * worker from the front or by the main thread from the end (Atomics over a SharedArrayBuffer), so
 * both finish at about the same time whatever else each had to do. A chunk owns the items whose
 * first byte (the `{` after kubectl's item boundary) lies in it: the two readers meet at an item
 * boundary found in the bytes, and their items add up to the file's, in order.
 */
export const fromFront = 1;
export const fromEnd = 2;
/** Bytes per chunk: ~25 ms of work, so the readers meet within one chunk of the balance. */
export const defaultChunkBytes = 4 * 1024 * 1024;

export class ItemChunks {
  readonly #claims: Int32Array;

  constructor(
    readonly shared: SharedArrayBuffer,
    readonly chunkBytes: number,
  ) {
    this.#claims = new Int32Array(shared);
  }

  /** The chunks of a file of `size` bytes, the first already the worker's (it holds the List's head). */
  static forFile(size: number, chunkBytes = defaultChunkBytes): ItemChunks {
    const chunks = new ItemChunks(new SharedArrayBuffer(4 * Math.max(1, Math.ceil(size / chunkBytes))), chunkBytes);
    chunks.#claims[0] = fromFront;
    return chunks;
  }

  get count(): number {
    return this.#claims.length;
  }

  /** Claims chunk `k` for `by`; false when it is out of range or the other reader has it. */
  claim(k: number, by: typeof fromFront | typeof fromEnd): boolean {
    return k >= 0 && k < this.#claims.length && Atomics.compareExchange(this.#claims, k, 0, by) === 0;
  }

  /** The front reader's share: it owns item starts before `end`, and asks for the next chunk when it gets there. */
  front(): OwnedRange {
    let end = this.chunkBytes;
    return {
      end: () => end,
      extend: () => {
        if (!this.claim(end / this.chunkBytes, fromFront)) return false;
        end += this.chunkBytes;
        return true;
      },
    };
  }
}

/** Item starts (file byte offsets) below `end()` are this reader's; `extend()` claims the next chunk, false when it is the other reader's. */
export interface OwnedRange {
  end(): number;
  extend(): boolean;
}
