/// <reference types="node" />
// node --expose-gc --import tsx bench/stream-cpu.ts <pods.json> [--split] [--runs n]
// CPU time of streaming one object file into a builder (streamObjectFile alone), through the
// kubectl-layout cutter (default) or JsonListSplitter (--split); peak RSS of the process.
import { parseArgs } from 'node:util';
import { streamObjectFile } from '../src/node/stream-objects.js';
import { SnapshotBuilder } from '../src/snapshot/snapshot-builder.js';
import { collectGarbage, peakRss, resetPeakRss } from './memory.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '1' }, split: { type: 'boolean', default: false } } });
for (let run = 0; run < Number(values.runs); run++) {
  await collectGarbage();
  resetPeakRss();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const builder = new SnapshotBuilder();
  await streamObjectFile(positionals[0]!, 'pods.json', builder, { cutAtKubectlBoundaries: !values.split });
  const built = builder.finish();
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ mode: values.split ? 'split' : 'cut', run, wallMs: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), peakRssMB: Math.round(peakRss() / 2 ** 20), heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20), pods: built.snapshot.pods.length })}\n`);
}
