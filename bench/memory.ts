/// <reference types="node" />
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Peak resident memory of one phase in a process that runs several: Linux
 * keeps the high-water mark (VmHWM) per process and lets it be reset by
 * writing 5 to /proc/self/clear_refs. Elsewhere falls back to the process's
 * lifetime peak (ru_maxrss), which can only overstate.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function peakRss(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Collects garbage between phases when run with --expose-gc, and waits for V8
 * to hand the freed pages back to the system (it unmaps them in a background
 * task), so one phase's leftovers do not count against the next one's peak.
 */
export async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  gc();
}

/** CPU time of the calling thread alone, in ms, from /proc (user + system ticks, 100 a second); NaN elsewhere. */
export function threadCpuMs(): number {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
