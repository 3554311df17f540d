/// <reference types="node" />
// node --expose-gc --import tsx bench/file-cpu.ts <file.json> [--runs n]
// One object file read whole (readFile, decode, JSON.parse, reduce) against streamed (kubectl-list-cutter),
// alternately, in CPU time of the process; the peak RSS of each.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { streamObjectFile } from '../src/node/stream-objects.js';
import { SnapshotBuilder } from '../src/snapshot/snapshot-builder.js';
import { collectGarbage, peakRss, resetPeakRss } from './memory.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });
const path = positionals[0]!;
const file = basename(path);
for (let run = 0; run < Number(values.runs); run++) {
  for (const mode of ['whole', 'streamed'] as const) {
    await collectGarbage();
    resetPeakRss();
    const cpu = process.cpuUsage();
    const builder = new SnapshotBuilder();
    if (mode === 'whole') builder.addFile({ path: file, bytes: await readFile(path) });
    else await streamObjectFile(path, file, builder);
    const built = builder.finish();
    const used = process.cpuUsage(cpu);
    process.stdout.write(`${JSON.stringify({ mode, run, cpuMs: Math.round((used.user + used.system) / 1000), peakRssMB: Math.round(peakRss() / 2 ** 20), diagnostics: built.diagnostics.length })}\n`);
  }
}
