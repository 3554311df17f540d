/// <reference types="node" />
/**
 * Reading a snapshot's file again after the load, only while it is still the file loaded (same size
 * and modification time): the lazy node outputs' `readAgain` (load-snapshot.ts) and the worker that
 * parses large node outputs ahead of the analysis (prepare-outputs.ts). Each thread has its own buffer.
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SnapshotError } from '../errors.js';
import { changedSinceLoad } from '../snapshot/lazy-text.js';

/** The file's bytes, if it is still the one loaded; else throws SnapshotError. Valid until this thread's next read. */
export function readSameFile(full: string, path: string, size: number, mtimeMs: number): Uint8Array {
  return sameFile(full, path, size, mtimeMs, (fd) => readInto(fd, size));
}

/**
 * The buffer files are read again into (a view of it is valid until the next read; the snapshot's
 * readers decode it at once): a fresh 5 MB Buffer per `ipvsadm` read was external memory V8 counted
 * until a scavenge freed it, and 20 of them started a Mark-Compact of the whole heap during the
 * analysis ("external memory pressure"). Held weakly: a collection after the analysis frees it.
 */
let rereadBuffer: WeakRef<Buffer> | undefined;

/** The file's bytes (up to its end, one byte past `size` at most: a longer file reads as changed). */
function readInto(fd: number, size: number): Uint8Array {
  let buffer = rereadBuffer?.deref();
  if (!buffer || buffer.length < size + 1) rereadBuffer = new WeakRef((buffer = Buffer.allocUnsafeSlow(size + 1)));
  let n = 0;
  for (let read = -1; read !== 0 && n < buffer.length; n += read) read = readSync(fd, buffer, n, buffer.length - n, n);
  return buffer.subarray(0, n);
}

/** `read` over the file if it is still the one loaded (same size and modification time); else throws. */
export function sameFile<T>(full: string, path: string, size: number, mtimeMs: number, read: (fd: number) => T): T {
  let fd;
  try {
    fd = openSync(full, 'r');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'error';
    throw new SnapshotError('unreadable', `cannot read the file again (${code}): keep the snapshot directory in place until the analysis ends`, { file: path, cause });
  }
  try {
    const now = fstatSync(fd);
    if (now.size !== size || now.mtimeMs !== mtimeMs) throw new SnapshotError('changed', changedSinceLoad, { file: path });
    return read(fd);
  } finally {
    closeSync(fd);
  }
}

/** One buffer for every plain-ASCII check: read chunk by chunk, nothing held, no new pages to fault in. */
let chunk: Buffer | undefined;

/** `isPlainAscii` (decode-text.ts) of a whole file, by Node's native checks over 1 MiB chunks: ~7 ms for 35 MB. */
export function plainAscii(fd: number): boolean {
  chunk ??= Buffer.allocUnsafe(1024 * 1024);
  for (let at = 0; ; ) {
    const n = readSync(fd, chunk, 0, chunk.length, at);
    if (n === 0) return true;
    const bytes = n === chunk.length ? chunk : chunk.subarray(0, n);
    if (!isAscii(bytes) || bytes.indexOf(13) !== -1) return false;
    at += n;
  }
}
