/// <reference types="node" />
import { closeSync, openSync, readSync } from 'node:fs';
import { filesUnder } from './files-under.js';

/**
 * Reads every file under `dir` once, so the measured phases find it in the page cache as the
 * yardstick (parse-baseline.ts, which times JSON.parse alone, never the disk) does. Without it the
 * first load of a process pays for whatever the machine evicted since the last run: on the 2-core,
 * 24 GiB machines here the kernel kept 3.6–5.2 GB of file pages, less than scales 0.5 and 1 together,
 * and the first scale-1 load then took 1–4 s more. Returns the time and bytes of the read, printed
 * by the bench as `warmRead`, so a cold cache still shows (a read well under 1 s per GB was cached).
 */
export function warmPageCache(dir: string): { ms: number; bytes: number } {
  const started = performance.now();
  const buffer = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  for (const file of filesUnder(dir)) bytes += readAll(file, buffer);
  return { ms: performance.now() - started, bytes };
}

function readAll(file: string, buffer: Buffer): number {
  const fd = openSync(file, 'r');
  try {
    let total = 0;
    for (let n = readSync(fd, buffer, 0, buffer.length, null); n > 0; n = readSync(fd, buffer, 0, buffer.length, null)) total += n;
    return total;
  } finally {
    closeSync(fd);
  }
}
