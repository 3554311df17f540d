import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import type { SnapshotFile } from '../snapshot-file.js';
import { gunzipLimited, isGzip } from './gunzip.js';
import { readTarEntries } from './tar.js';

export interface ArchiveLimits {
  /** Most entries read from one archive (default 100,000). */
  maxEntries?: number;
  /** Most bytes the archive may expand to (default 1 GiB). */
  maxExpandedBytes?: number;
}

export const defaultArchiveLimits: Required<ArchiveLimits> = { maxEntries: 100_000, maxExpandedBytes: 1024 * 1024 * 1024 };

/** `.tar.gz`, `.tgz` or `.tar` by name. */
export function isArchiveName(path: string): boolean {
  return /\.(tar\.gz|tgz|tar)$/i.test(path);
}

/**
 * Reads a `.tar.gz` / `.tgz` / `.tar` into files (paths inside the archive). Limits are
 * enforced as diagnostics, never by throwing: an archive that expands past
 * `maxExpandedBytes` is not read, entries past `maxEntries` are dropped, and an entry
 * whose path is absolute or climbs out with `..` is skipped. Pure; runs in a browser.
 */
export function readArchive(name: string, bytes: Uint8Array, limits: ArchiveLimits = {}): { files: SnapshotFile[]; diagnostics: Diagnostic[] } {
  const { maxEntries, maxExpandedBytes } = { ...defaultArchiveLimits, ...limits };
  const diagnostics: Diagnostic[] = [];
  let tar = bytes;
  if (isGzip(bytes)) {
    const inflated = gunzipLimited(bytes, maxExpandedBytes);
    if ('error' in inflated) {
      const code = inflated.error === 'too-large' ? 'archive-too-large' : 'archive-corrupt';
      diagnostics.push(diagnostic('error', code, `archive not read: ${inflated.message}`, { file: name }));
      return { files: [], diagnostics };
    }
    tar = inflated.bytes;
  } else if (bytes.length > maxExpandedBytes) {
    diagnostics.push(diagnostic('error', 'archive-too-large', `archive not read: larger than ${maxExpandedBytes} bytes`, { file: name }));
    return { files: [], diagnostics };
  }
  const { entries, problem } = readTarEntries(tar);
  if (problem) diagnostics.push(diagnostic('error', 'archive-corrupt', `${problem.message}; entries before it were read`, { file: name }));
  const files: SnapshotFile[] = [];
  let skippedLinks = 0;
  let counted = 0;
  for (const entry of entries) {
    if (entry.type === 'directory') continue;
    if (++counted > maxEntries) {
      diagnostics.push(diagnostic('error', 'archive-too-many-entries', `archive has more than ${maxEntries} entries; the rest were not read`, { file: name }));
      break;
    }
    const path = safePath(entry.path);
    if (path === undefined) {
      diagnostics.push(diagnostic('error', 'archive-unsafe-path', `entry "${entry.path}" points outside the archive (absolute or ..); skipped`, { file: name }));
      continue;
    }
    if (entry.type === 'symlink') {
      skippedLinks++;
      continue;
    }
    if (entry.type !== 'file') continue;
    files.push({ path, bytes: tar.subarray(entry.offset, entry.offset + entry.size) });
  }
  if (skippedLinks > 0) diagnostics.push(diagnostic('info', 'archive-links-skipped', `${skippedLinks} links in the archive not followed (their targets are read where they are)`, { file: name }));
  return { files, diagnostics };
}

/** The entry's path with `./` and empty segments removed, or undefined when it is absolute or climbs out. */
export function safePath(path: string): string | undefined {
  const normal = path.replace(/\\/g, '/');
  if (normal.startsWith('/') || /^[A-Za-z]:/.test(normal)) return undefined;
  const parts = normal.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..') || parts.length === 0) return undefined;
  return parts.join('/');
}
