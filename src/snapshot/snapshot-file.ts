import type { Diagnostic } from '../diagnostics.js';
import type { UnreadSource } from './lazy-text.js';
import type { Snapshot } from './schema.js';

/** One file of a snapshot: its path relative to the snapshot root, and its content. */
export interface SnapshotFile {
  path: string;
  bytes?: Uint8Array;
  text?: string;
  /**
   * Reads the same bytes again, synchronously (a loader that can: the Node entry, from the file).
   * A large node output given this is not held by the snapshot: its text is read again when a
   * rule needs it (lazy-text.ts). Throws when the file cannot be read or has changed. The bytes
   * may be overwritten by the next `readAgain` of any file (the Node entry reads into one buffer):
   * decode them before reading again.
   */
  readAgain?: () => Uint8Array;
  /**
   * Given with `readAgain` and without `bytes` or `text`: the loader has not read the file, only its
   * size and first bytes (`headBytes` of decode-text.ts, or all of a smaller file). A node output of
   * a known command is then read, decoded and masked when a rule first reads it (lazy-text.ts); any
   * other file is read here through `readAgain`. `isPlainAscii` answers `isPlainAscii` of
   * decode-text.ts for the whole file without holding it (throws as `readAgain` does); `prepared`
   * hands over a parse of the file made ahead, elsewhere (`UnreadSource.prepared`, lazy-text.ts).
   */
  unread?: { size: number; head: Uint8Array; isPlainAscii?: () => boolean; prepared?: UnreadSource['prepared'] };
}

export interface BuiltSnapshot {
  snapshot: Snapshot;
  diagnostics: Diagnostic[];
}
