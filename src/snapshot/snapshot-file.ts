import type { Diagnostic } from '../diagnostics.js';
import type { Snapshot } from './schema.js';

/** One file of a snapshot: its path relative to the snapshot root, and its content. */
export interface SnapshotFile {
  path: string;
  bytes?: Uint8Array;
  text?: string;
  /**
   * Reads the same bytes again, synchronously (a loader that can: the Node entry, from the file).
   * A large node output given this is not held by the snapshot: its text is read again when a
   * rule needs it (lazy-text.ts). Throws when the file cannot be read or has changed.
   */
  readAgain?: () => Uint8Array;
}

export interface BuiltSnapshot {
  snapshot: Snapshot;
  diagnostics: Diagnostic[];
}
