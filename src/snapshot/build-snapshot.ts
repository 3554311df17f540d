import type { Diagnostic } from '../diagnostics.js';
import { type ArchiveLimits, isArchiveName, readArchive } from './archive/read-archive.js';
import { archiveRootFolder } from './archive/archive-root.js';
import { planImport } from './import/plan-import.js';
import type { BuiltSnapshot, SnapshotFile } from './snapshot-file.js';
import { SnapshotBuilder, normalizePath } from './snapshot-builder.js';

export type { BuiltSnapshot, SnapshotFile } from './snapshot-file.js';

export interface BuildSnapshotOptions {
  /** Limits for `.tar.gz` / `.tgz` / `.tar` files among `files` (entry count, expanded size). */
  archiveLimits?: ArchiveLimits;
}

/**
 * Builds a typed Snapshot from files laid out as in snapshot.md, or from a capture
 * people already have (a `kubectl cluster-info dump` tree or stream, a troubleshoot.sh
 * support bundle — also as one `.tar.gz`). Pure: the caller reads the files
 * (kube-netdoctor/node does, so can a browser). A file that cannot be read becomes a
 * diagnostic; every other file is still used. To add files one at a time, use SnapshotBuilder.
 */
export function buildSnapshot(files: readonly SnapshotFile[], options: BuildSnapshotOptions = {}): BuiltSnapshot {
  const builder = new SnapshotBuilder();
  const expanded = expandArchives(files, options.archiveLimits, (d) => builder.addDiagnostics(...d));
  addPlanned(builder, expanded);
  return builder.finish();
}

/** Adds files to a builder in path order, each with the role its capture's layout gives it. */
export function addPlanned(builder: SnapshotBuilder, files: readonly SnapshotFile[]): void {
  const plan = planImport(files.map((f) => normalizePath(f.path)));
  for (const file of sortFiles(files)) builder.addFile(file, plan.roleOf(normalizePath(file.path)));
}

/** Archives among the files replaced by their entries (paths relative to the archive's folder). */
export function expandArchives(files: readonly SnapshotFile[], limits: ArchiveLimits | undefined, report: (d: Diagnostic[]) => void): SnapshotFile[] {
  const out: SnapshotFile[] = [];
  for (const file of files) {
    const path = normalizePath(file.path);
    if (!isArchiveName(path) || !file.bytes) {
      out.push(file);
      continue;
    }
    const read = readArchive(path, file.bytes, limits);
    report(read.diagnostics);
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    // A snapshot folder archived whole (`snap/nodes.json`) reads as the folder would.
    const root = archiveRootFolder(read.files.map((f) => f.path));
    for (const entry of read.files) out.push({ ...entry, path: folder + (root ? entry.path.slice(root.length) : entry.path) });
  }
  return out;
}

/** The order buildSnapshot reads files in (by normalised path), which fixes the order of objects. */
export function sortFiles<T extends { path: string }>(files: readonly T[]): T[] {
  // Paths equal once normalised (`a.json`, `./a.json`) fall back to the raw path, so no input order shows through.
  return [...files].sort((a, b) => normalizePath(a.path).localeCompare(normalizePath(b.path)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
