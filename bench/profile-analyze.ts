/// <reference types="node" />
// node --expose-gc --import tsx bench/profile-analyze.ts <dir> <out.cpuprofile>
// CPU profile of analyze() alone (the first after loadSnapshot), through node:inspector, for the
// "where the analysis spends" summaries in docs/performance.md.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { analyze } from '../src/analyze.js';
import { loadSnapshot } from '../src/node/load-snapshot.js';
import { collectGarbage } from './memory.js';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) throw new Error('usage: profile-analyze.ts <snapshot dir> <out.cpuprofile>');
const loaded = await loadSnapshot(dir);
await collectGarbage();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });
await session.post('Profiler.start');
const cpu = process.cpuUsage();
const started = performance.now();
const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
const wallMs = performance.now() - started;
const used = process.cpuUsage(cpu);
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
process.stdout.write(`${JSON.stringify({ wallMs: Math.round(wallMs), cpuMs: Math.round((used.user + used.system) / 1000), findings: report.findings.length })}\n`);
