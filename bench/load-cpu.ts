/// <reference types="node" />
// node --expose-gc --import tsx bench/load-cpu.ts <dir> [--runs n] [--stream-threshold bytes] [--workers n] [--stream-in-worker true|false] [--share true|false] [--digest]
// CPU time (process.cpuUsage: user + system, every thread of this process) and wall time of
// loadSnapshot alone, repeated, from a collected heap; peak RSS of each run; system time and minor page faults (fresh pages). For decisions on a
// shared machine, where wall times swing with the other processes and CPU time does not.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadSnapshot } from '../src/node/load-snapshot.js';
import { collectGarbage, peakRss, resetPeakRss, threadCpuMs } from './memory.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' }, 'stream-threshold': { type: 'string' }, workers: { type: 'string', default: '0' }, digest: { type: 'boolean', default: false }, 'stream-in-worker': { type: 'string' }, share: { type: 'string' } } });
const dir = positionals[0]!;
for (let run = 0; run < Number(values.runs); run++) {
  await collectGarbage();
  resetPeakRss();
  const threads = sampleThreads();
  const cpu = process.cpuUsage();
  const faults = process.resourceUsage().minorPageFault;
  const mainThreadBefore = threadCpuMs();
  const started = performance.now();
  const loaded = await loadSnapshot(dir, { workers: Number(values.workers), ...(values['stream-in-worker'] ? { streamInWorker: values['stream-in-worker'] === 'true' } : {}), ...(values.share ? { shareStreamedFile: values.share === 'true' } : {}), ...(values['stream-threshold'] ? { streamThresholdBytes: Number(values['stream-threshold']) } : {}) });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const minorFaults = process.resourceUsage().minorPageFault - faults;
  const perThread = threads.stop();
  const mainThread = threadCpuMs();
  const line: Record<string, unknown> = { run, wallMs: Math.round(wallMs), cpuMs: Math.round((used.user + used.system) / 1000), userMs: Math.round(used.user / 1000), systemMs: Math.round(used.system / 1000), minorFaults, mainThreadCpuMs: Math.round(mainThread - mainThreadBefore), peakRssMB: Math.round(peakRss() / 2 ** 20), pods: loaded.snapshot.pods.length, diagnostics: loaded.diagnostics.length };
  line.threadsCpuMs = perThread;
  if (values.digest) {
    // Piece by piece: the whole snapshot is longer than one string can hold from scale ≈ 0.3.
    const hash = createHash('sha256').update(JSON.stringify(loaded.diagnostics));
    for (const [key, value] of Object.entries(loaded.snapshot)) {
      hash.update(key);
      if (Array.isArray(value)) for (const element of value) hash.update(JSON.stringify(element));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) hash.update(`${k}${JSON.stringify(v)}`);
      else hash.update(JSON.stringify(value) ?? '');
    }
    line.digest = hash.digest('hex').slice(0, 16);
  }
  process.stdout.write(`${JSON.stringify(line)}\n`);
}


/**
 * CPU of each thread of this process over a load (Linux: /proc/self/task), sampled every 100 ms so a
 * worker thread that ends before the load does is counted: the largest threads first, by name.
 */
function sampleThreads(): { stop: () => Record<string, number> } {
  const read = () => {
    const out = new Map<string, { name: string; ms: number }>();
    try {
      for (const tid of readdirSync('/proc/self/task')) {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(tid, { name, ms: (Number(fields[11]) + Number(fields[12])) * 10 });
      }
    } catch {
      // not Linux
    }
    return out;
  };
  const start = read();
  const last = new Map(start);
  const timer = setInterval(() => {
    for (const [tid, t] of read()) last.set(tid, t);
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      for (const [tid, t] of read()) last.set(tid, t);
      const byName: Record<string, number> = {};
      for (const [tid, t] of last) {
        const ms = t.ms - (start.get(tid)?.ms ?? 0);
        if (ms > 0) byName[`${t.name}#${tid}`] = ms;
      }
      return Object.fromEntries(Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 6));
    },
  };
}
