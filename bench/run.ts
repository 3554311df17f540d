/// <reference types="node" />
// npm run bench [-- --quick] [--seed <n>] [--scales 0.1,0.5,1] [--proxy-mode both|iptables|ipvs] [--exclude-rules id,id] [--no-naive]
// One process: for each scale, generate (or reuse) the snapshot, then measure
// plain JSON.parse of its JSON files, loadSnapshot, and analyze.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze } from '../src/analyze.js';
import { builtinRules } from '../src/catalog/builtin-catalog.js';
import { loadSnapshot } from '../src/node/load-snapshot.js';
import type { Report } from '../src/findings/schema.js';
import type { Snapshot } from '../src/snapshot/schema.js';
import type { ProxyMode } from './gen/plan.js';
import { type GeneratedSnapshot, defaultOutDir, generateSnapshot, generatorVersion, manifestPath } from './generate.js';
import { collectGarbage, peakRssBytes, resetPeakRss } from './memory.js';
import { naiveRunMs } from './naive.js';
import { parseBaselineMs } from './parse-baseline.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, seed: { type: 'string', default: '42' }, scales: { type: 'string' }, naive: { type: 'boolean', default: true }, 'exclude-rules': { type: 'string' }, 'proxy-mode': { type: 'string', default: 'both' } }, allowNegative: true });
const proxyMode = values['proxy-mode'] as ProxyMode;
const excluded = new Set(values['exclude-rules']?.split(',') ?? []);
const only = excluded.size > 0 ? builtinRules().map((r) => r.id).filter((id) => !excluded.has(id)) : undefined;
const seed = Number(values.seed);
const scales = values.scales ? values.scales.split(',').map(Number) : values.quick ? [0.1, 0.5] : [0.1, 0.5, 1];
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

function generated(scale: number): GeneratedSnapshot {
  const dir = defaultOutDir(scale, seed, proxyMode);
  if (existsSync(manifestPath(dir)) && existsSync(dir)) {
    const manifest = JSON.parse(readFileSync(manifestPath(dir), 'utf8')) as GeneratedSnapshot;
    if (manifest.generatorVersion === generatorVersion && manifest.scale === scale && manifest.seed === seed && (manifest.proxyMode ?? 'both') === proxyMode) return manifest;
  }
  process.stderr.write(`generating scale ${scale} into ${dir} …\n`);
  return generateSnapshot({ scale, seed, dir, proxyMode });
}

const objectCount = (s: Snapshot) =>
  s.nodes.length + s.pods.length + s.services.length + s.endpoints.length + s.configMaps.length + s.events.length + s.ingresses.length + s.workloads.length + s.networkPolicies.length + s.namespaces.length + s.secrets.length + s.others.length;

const sameSubject = (f: Report['findings'][number], e: GeneratedSnapshot['expected'][number]) =>
  f.ruleId === e.ruleId && f.messageId === e.messageId && f.subject.kind === e.subject.kind && f.subject.name === e.subject.name && (f.subject.namespace ?? '') === (e.subject.namespace ?? '');

for (const scale of scales) {
  const manifest = generated(scale);
  collectGarbage();
  const parseMs = await parseBaselineMs(manifest.dir);
  collectGarbage();
  resetPeakRss();
  let started = performance.now();
  const loaded = await loadSnapshot(manifest.dir);
  const loadMs = performance.now() - started;
  started = performance.now();
  const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics, ...(only ? { only } : {}) });
  const analyzeMs = performance.now() - started;
  const peak = peakRssBytes();
  const found = manifest.expected.filter((e) => report.findings.some((f) => sameSubject(f, e))).length;
  print({
    scale,
    ...(proxyMode === 'both' ? {} : { proxyMode }),
    objects: objectCount(loaded.snapshot),
    inputBytes: manifest.inputBytes,
    parseMs: Math.round(parseMs),
    loadMs: Math.round(loadMs),
    analyzeMs: Math.round(analyzeMs),
    ratio: Number((analyzeMs / parseMs).toFixed(3)),
    peakRssBytes: peak,
    findings: report.findings.length,
    expectedFindingsFound: found,
    expectedFindings: manifest.expected.length,
    otherFindings: report.findings.filter((f) => !manifest.expected.some((e) => sameSubject(f, e))).map((f) => `${f.ruleId}/${f.messageId} ${f.subject.kind} ${f.subject.namespace ? `${f.subject.namespace}/` : ''}${f.subject.name}`).slice(0, 5),
    rules: report.summary.rules,
    ...(excluded.size > 0 ? { excludedRules: [...excluded] } : {}),
    loadDiagnostics: loaded.diagnostics.length,
    heapUsedBytes: process.memoryUsage().heapUsed,
  });
  if (scale === 0.1 && values.naive) {
    const naive = await naiveRunMs(loaded.snapshot);
    print({ naive: true, scale, objects: naive.objects, engineRuns: naive.runs, naiveMs: Math.round(naive.ms), indexedAnalyzeMs: Math.round(analyzeMs), speedup: Number((naive.ms / analyzeMs).toFixed(1)), msPerObject: Number((naive.ms / naive.objects).toFixed(3)) });
  }
}
