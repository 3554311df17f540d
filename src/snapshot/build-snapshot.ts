import type { BuiltSnapshot, SnapshotFile } from './snapshot-file.js';
import { SnapshotBuilder, normalizePath } from './snapshot-builder.js';

export type { BuiltSnapshot, SnapshotFile } from './snapshot-file.js';

/**
 * Builds a typed Snapshot from files laid out as in snapshot.md. Pure: the
 * caller reads the files (kube-netdoctor/node does, so can a browser). A file
 * that cannot be read becomes a diagnostic; every other file is still used.
 * To add files or parsed objects one at a time, use SnapshotBuilder.
 */
export function buildSnapshot(files: readonly SnapshotFile[]): BuiltSnapshot {
  const builder = new SnapshotBuilder();
  for (const file of sortFiles(files)) builder.addFile(file);
  return builder.finish();
}

/** The order buildSnapshot reads files in (by normalised path), which fixes the order of objects. */
export function sortFiles<T extends { path: string }>(files: readonly T[]): T[] {
  // Paths equal once normalised (`a.json`, `./a.json`) fall back to the raw path, so no input order shows through.
  return [...files].sort((a, b) => normalizePath(a.path).localeCompare(normalizePath(b.path)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
