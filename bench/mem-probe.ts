/// <reference types="node" />
// node --expose-gc --import tsx bench/mem-probe.ts <snapshot-dir> [--report out.json]
// Where the memory goes in one load + analyse: RSS, heap and external at points, the resident
// high-water mark of each phase (VmHWM, reset between them), RSS sampled over time from another
// thread, and which captured node-output files the analysis read (by size).
import { writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { analyze } from '../src/analyze.js';
import { loadSnapshot } from '../src/node/load-snapshot.js';
import type { TextFile } from '../src/snapshot/schema.js';
import { textLength } from '../src/snapshot/lazy-text.js';
import { collectGarbage, peakRss, resetPeakRss } from './memory.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { report: { type: 'string' }, 'one-thread': { type: 'boolean', default: false } } });
const dir = positionals[0];
if (!dir) throw new Error('usage: mem-probe.ts <snapshot-dir>');
const mb = (n: number) => Math.round(n / 1e6);

function point(label: string): void {
  const m = process.memoryUsage();
  const h = getHeapStatistics();
  process.stderr.write(`${label}: rss ${mb(m.rss)} MB, heapUsed ${mb(m.heapUsed)} MB, heapTotal ${mb(m.heapTotal)} MB, external ${mb(m.external)} MB (arrayBuffers ${mb(m.arrayBuffers)}), malloced ${mb(h.malloced_memory)} MB, peak so far ${mb(peakRss())} MB\n`);
}

// RSS every 100 ms from another thread: the main thread is busy in synchronous work most of the time.
const sampler = new Worker(
  `const { readFileSync } = require('node:fs'); const { parentPort } = require('node:worker_threads');
   const samples = []; const t0 = Date.now();
   const timer = setInterval(() => { const kb = /VmRSS:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]; samples.push([Date.now() - t0, Number(kb) * 1024]); }, 100);
   parentPort.on('message', (m) => { if (m === 'stop') { clearInterval(timer); parentPort.postMessage(samples); } else parentPort.postMessage(Date.now() - t0); });`,
  { eval: true },
);
const now = () => new Promise<number>((resolve) => { sampler.once('message', resolve); sampler.postMessage('t'); });

await collectGarbage();
point('start');
resetPeakRss();
const tLoad = await now();
const loaded = await loadSnapshot(dir, values['one-thread'] ? { streamInWorker: false } : {});
const loadPeak = peakRss();
const tAnalyze = await now();
point('after load');
const texts: TextFile[] = [];
for (const outputs of Object.values(loaded.snapshot.nodeOutputs)) texts.push(...Object.values(outputs.commands), ...outputs.cni, ...Object.values(outputs.logs));
const textChars = texts.reduce((sum, f) => sum + textLength(f), 0);
process.stderr.write(`node-output texts: ${texts.length} files, ${mb(textChars)} M chars\n`);
resetPeakRss();
const cpu = process.cpuUsage();
const ruleStarts: Array<[number, string]> = [];
const t0 = Date.now() - (await now());
const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics, onProgress: (p) => ruleStarts.push([Date.now() - t0, p.ruleId]) });
const analyzePeak = peakRss();
const analyzeCpu = process.cpuUsage(cpu);
const tEnd = await now();
point('after analyze');
const samples = await new Promise<Array<[number, number]>>((resolve) => { sampler.once('message', resolve); sampler.postMessage('stop'); });
await sampler.terminate();
const inPhase = (from: number, to: number) => samples.filter(([t]) => t >= from && t <= to).map(([, r]) => r);
const maxOf = (list: number[]) => list.reduce((a, b) => Math.max(a, b), 0);
process.stderr.write(`load: ${tAnalyze - tLoad} ms, VmHWM ${mb(loadPeak)} MB, sampled max ${mb(maxOf(inPhase(tLoad, tAnalyze)))} MB\n`);
process.stderr.write(`analyze: ${tEnd - tAnalyze} ms (CPU ${Math.round((analyzeCpu.user + analyzeCpu.system) / 1000)} ms), VmHWM ${mb(analyzePeak)} MB, sampled max ${mb(maxOf(inPhase(tAnalyze, tEnd)))} MB\n`);
const unread = new Set(report.diagnostics.filter((d) => d.code === 'unread-file').map((d) => d.file));
const byCommand = new Map<string, { files: number; chars: number; unread: number; unreadChars: number }>();
for (const f of texts) {
  const command = f.file.replace(/^nodes\/[^/]+\//, '').replace(/^cni\/.*/, 'cni/*').replace(/^logs\/.*/, 'logs/*');
  const e = byCommand.get(command) ?? { files: 0, chars: 0, unread: 0, unreadChars: 0 };
  e.files++;
  e.chars += textLength(f);
  if (unread.has(f.file)) {
    e.unread++;
    e.unreadChars += textLength(f);
  }
  byCommand.set(command, e);
}
for (const [command, e] of [...byCommand].sort((a, b) => b[1].chars - a[1].chars)) {
  process.stderr.write(`  ${command}: ${e.files} files, ${(e.chars / 1e6).toFixed(1)} M chars; unread ${e.unread} (${(e.unreadChars / 1e6).toFixed(1)} M chars)\n`);
}
const ruleAt = (t: number) => ruleStarts.filter(([s]) => s <= t).at(-1)?.[1] ?? '(before the rules)';
const byRule = new Map<string, number>();
for (const [t, r] of samples) if (t >= tAnalyze && t <= tEnd) byRule.set(ruleAt(t), Math.max(byRule.get(ruleAt(t)) ?? 0, r));
process.stderr.write(`highest RSS while each rule ran: ${[...byRule].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([id, r]) => `${id} ${mb(r)}`).join(', ')}\n`);
process.stderr.write(`rss over time (s: MB): ${samples.filter((_, i) => i % 10 === 0).map(([t, r]) => `${(t / 1000).toFixed(0)}:${mb(r)}`).join(' ')}\n`);
if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 1));
process.stderr.write(`findings ${report.findings.length}, diagnostics ${report.diagnostics.length}\n`);
const rereads = (globalThis as unknown as { rereads?: Map<string, number> }).rereads;
if (rereads) process.stderr.write(`read again: ${[...rereads].map(([p, n]) => `${p.replace(/^nodes\/cn-hangzhou\./, '')} ×${n}`).join(', ')}\n`);
