import type { Diagnostic } from '../diagnostics.js';
import type { Snapshot } from './schema.js';

/** One file of a snapshot: its path relative to the snapshot root, and its content. */
export interface SnapshotFile {
  path: string;
  bytes?: Uint8Array;
  text?: string;
}

export interface BuiltSnapshot {
  snapshot: Snapshot;
  diagnostics: Diagnostic[];
}
