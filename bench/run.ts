/// <reference types="node" />
// npm run bench [-- --quick] [--seed <n>] [--scales 0.1,0.5,1] [--proxy-mode both|iptables|ipvs] [--provider ack|iks] [--windows-nodes <fraction or count>] [--exclude-rules id,id] [--no-naive] [--no-cli] [--cli-built] [--workers <n>] [--no-one-thread] [--no-warm]
// One process: for each scale, generate (or reuse) the snapshot, then measure
// plain JSON.parse of its JSON files, loadSnapshot, and analyze; then the CLI
// end to end on the same directory, in a child process.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { analyze } from '../src/analyze.js';
import { builtinRules } from '../src/catalog/builtin-catalog.js';
import { loadSnapshot } from '../src/node/load-snapshot.js';
import type { Report } from '../src/findings/schema.js';
import type { Snapshot } from '../src/snapshot/schema.js';
import type { Provider, ProxyMode } from './gen/plan.js';
import { type GeneratedSnapshot, defaultOutDir, defaultWindowsNodes, generateSnapshot, generatorVersion, manifestPath } from './generate.js';
import { runCli } from './cli-run.js';
import { collectGarbage, peakRss, resetPeakRss, threadCpuMs } from './memory.js';
import { naiveRunMs } from './naive.js';
import { parseBaselineMs } from './parse-baseline.js';
import { warmPageCache } from './warm-cache.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, seed: { type: 'string', default: '42' }, scales: { type: 'string' }, naive: { type: 'boolean', default: true }, cli: { type: 'boolean', default: true }, 'cli-built': { type: 'boolean', default: false }, workers: { type: 'string', default: String(availableParallelism()) }, 'exclude-rules': { type: 'string' }, 'proxy-mode': { type: 'string', default: 'both' }, provider: { type: 'string', default: 'ack' }, 'windows-nodes': { type: 'string' }, 'one-thread': { type: 'boolean', default: true }, warm: { type: 'boolean', default: true } }, allowNegative: true });
const proxyMode = values['proxy-mode'] as ProxyMode;
const provider = values.provider as Provider;
if (!['ack', 'iks'].includes(provider)) throw new Error(`--provider ack|iks, not ${provider}`);
const windowsNodes = values['windows-nodes'] === undefined ? defaultWindowsNodes(provider) : Number(values['windows-nodes']);
if (!(windowsNodes >= 0) || (provider === 'iks' && windowsNodes > 0)) throw new Error('--windows-nodes takes a fraction or a count (IKS: 0, it has no Windows nodes)');
const excluded = new Set(values['exclude-rules']?.split(',') ?? []);
const catalog = builtinRules().filter((r) => !excluded.has(r.id));
const only = excluded.size > 0 ? catalog.map((r) => r.id) : undefined;
const seed = Number(values.seed);
const scales = values.scales ? values.scales.split(',').map(Number) : values.quick ? [0.1, 0.5] : [0.1, 0.5, 1];
const workers = Number(values.workers);
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

function generated(scale: number): GeneratedSnapshot {
  const dir = defaultOutDir(scale, seed, proxyMode, provider, windowsNodes);
  if (existsSync(manifestPath(dir)) && existsSync(dir)) {
    const manifest = JSON.parse(readFileSync(manifestPath(dir), 'utf8')) as GeneratedSnapshot;
    if (manifest.generatorVersion === generatorVersion && manifest.scale === scale && manifest.seed === seed && (manifest.proxyMode ?? 'both') === proxyMode && manifest.provider === provider && manifest.windowsNodes === windowsNodes) return manifest;
  }
  process.stderr.write(`generating scale ${scale} into ${dir} …\n`);
  return generateSnapshot({ scale, seed, dir, proxyMode, provider, windowsNodes });
}

const objectCount = (s: Snapshot) =>
  s.nodes.length + s.pods.length + s.services.length + s.endpoints.length + s.configMaps.length + s.events.length + s.ingresses.length + s.workloads.length + s.networkPolicies.length + s.namespaces.length + s.secrets.length + s.others.length;

const sameSubject = (f: Report['findings'][number], e: GeneratedSnapshot['expected'][number]) =>
  f.ruleId === e.ruleId && f.messageId === e.messageId && f.subject.kind === e.subject.kind && f.subject.name === e.subject.name && (f.subject.namespace ?? '') === (e.subject.namespace ?? '');

/** Load and analyse from a collected heap, so the peak is theirs alone; keeps only figures, so the snapshot can be collected. */
async function loadAndAnalyse(manifest: GeneratedSnapshot, withNaive: boolean) {
  await collectGarbage();
  const rssAtStartBytes = process.memoryUsage().rss;
  resetPeakRss();
  let started = performance.now();
  const loaded = await loadSnapshot(manifest.dir);
  const loadMs = performance.now() - started;
  started = performance.now();
  const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics, ...(only ? { only } : {}) });
  const analyzeMs = performance.now() - started;
  const peakRssBytes = peakRss();
  const heapUsedBytes = process.memoryUsage().heapUsed;
  const naive = withNaive ? await naiveRunMs(loaded.snapshot, catalog) : undefined;
  return {
    objects: objectCount(loaded.snapshot),
    loadMs,
    analyzeMs,
    peakRssBytes,
    findings: report.findings.length,
    expectedFindingsFound: manifest.expected.filter((e) => report.findings.some((f) => sameSubject(f, e))).length,
    otherFindings: report.findings.filter((f) => !manifest.expected.some((e) => sameSubject(f, e))).map((f) => `${f.ruleId}/${f.messageId} ${f.subject.kind} ${f.subject.namespace ? `${f.subject.namespace}/` : ''}${f.subject.name}`).slice(0, 5),
    rules: report.summary.rules,
    loadDiagnostics: loaded.diagnostics.length,
    rssAtStartBytes,
    heapUsedBytes,
    naive,
  };
}

/** The same load with loadSnapshot's worker pool (opt-in), from a collected heap: its time and peak. */
async function loadInWorkers(manifest: GeneratedSnapshot) {
  await collectGarbage();
  resetPeakRss();
  const started = performance.now();
  const loaded = await loadSnapshot(manifest.dir, { workers });
  const loadMs = performance.now() - started;
  return { workers, loadMs, peakRssBytes: peakRss(), objects: objectCount(loaded.snapshot) };
}

/** The same load all in this thread (`streamInWorker: false`; by default pods.json is read in a worker thread): its time, CPU, peak. */
async function loadInOneThread(manifest: GeneratedSnapshot) {
  await collectGarbage();
  resetPeakRss();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const mainBefore = threadCpuMs();
  const loaded = await loadSnapshot(manifest.dir, { streamInWorker: false });
  const loadMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { loadMs, cpuMs: (used.user + used.system) / 1000, mainThreadCpuMs: threadCpuMs() - mainBefore, peakRssBytes: peakRss(), objects: objectCount(loaded.snapshot) };
}

let previous: { scale: number; loadAnalyzeMs: number } | undefined;
for (const scale of scales) {
  const manifest = generated(scale);
  // Every phase from the page cache, as the yardstick is (--no-warm: the first load reads what was evicted).
  const warm = values.warm ? warmPageCache(manifest.dir) : undefined;
  const m = await loadAndAnalyse(manifest, scale === 0.1 && values.naive);
  // After the first load's snapshot is gone, so its peak is its own.
  const inWorkers = workers > 0 ? await loadInWorkers(manifest) : undefined;
  const oneThread = values['one-thread'] ? await loadInOneThread(manifest) : undefined;
  await collectGarbage();
  const parseMs = await parseBaselineMs(manifest.dir);
  const loadAnalyzeMs = m.loadMs + m.analyzeMs;
  const cli = values.cli ? await runCli(manifest.dir, values['cli-built']) : undefined;
  print({
    scale,
    ...(proxyMode === 'both' ? {} : { proxyMode }),
    provider,
    windowsNodes: manifest.objects.windowsNodes ?? 0,
    objects: m.objects,
    inputBytes: manifest.inputBytes,
    ...(warm ? { warmRead: { ms: Math.round(warm.ms), bytes: warm.bytes } } : { warmRead: 'off' }),
    parseMs: Math.round(parseMs),
    loadMs: Math.round(m.loadMs),
    analyzeMs: Math.round(m.analyzeMs),
    // analyzeMs / parseMs (target ≤ 0.3), and the whole job against the yardstick (target ≤ 1.0)
    ratio: Number((m.analyzeMs / parseMs).toFixed(3)),
    endToEndRatio: Number((loadAnalyzeMs / parseMs).toFixed(3)),
    loadRatio: Number((m.loadMs / parseMs).toFixed(3)),
    ...(previous ? { growth: { from: previous.scale, to: scale, loadAnalyze: Number((loadAnalyzeMs / previous.loadAnalyzeMs).toFixed(3)) } } : {}),
    peakRssBytes: m.peakRssBytes,
    peakRssPerInputByte: Number((m.peakRssBytes / manifest.inputBytes).toFixed(3)),
    findings: m.findings,
    expectedFindingsFound: m.expectedFindingsFound,
    expectedFindings: manifest.expected.length,
    otherFindings: m.otherFindings,
    sprinkledExactly: m.expectedFindingsFound === manifest.expected.length && m.otherFindings.length === 0,
    rules: m.rules,
    ...(excluded.size > 0 ? { excludedRules: [...excluded] } : {}),
    loadDiagnostics: m.loadDiagnostics,
    rssAtStartBytes: m.rssAtStartBytes,
    peakRssAboveStartBytes: m.peakRssBytes - m.rssAtStartBytes,
    heapUsedBytes: m.heapUsedBytes,
    ...(inWorkers
      ? { inWorkers: { workers: inWorkers.workers, loadMs: Math.round(inWorkers.loadMs), endToEndRatio: Number(((inWorkers.loadMs + m.analyzeMs) / parseMs).toFixed(3)), peakRssBytes: inWorkers.peakRssBytes, sameObjects: inWorkers.objects === m.objects } }
      : {}),
    ...(oneThread
      ? { inOneThread: { loadMs: Math.round(oneThread.loadMs), endToEndRatio: Number(((oneThread.loadMs + m.analyzeMs) / parseMs).toFixed(3)), cpuMs: Math.round(oneThread.cpuMs), mainThreadCpuMs: Math.round(oneThread.mainThreadCpuMs), peakRssBytes: oneThread.peakRssBytes, sameObjects: oneThread.objects === m.objects } }
      : {}),
    ...(cli ? { cli: { wallMs: Math.round(cli.wallMs), maxRssBytes: cli.maxRssBytes, maxRssPerInputByte: Number((cli.maxRssBytes / manifest.inputBytes).toFixed(3)), exitCode: cli.exitCode, findings: cli.findings, diagnostics: cli.diagnostics, built: values['cli-built'] } } : {}),
  });
  previous = { scale, loadAnalyzeMs };
  if (m.naive) {
    const { naive } = m;
    print({ naive: true, scale, objects: naive.objects, engineRuns: naive.runs, naiveMs: Math.round(naive.ms), indexedAnalyzeMs: Math.round(m.analyzeMs), speedup: Number((naive.ms / m.analyzeMs).toFixed(1)), msPerObject: Number((naive.ms / naive.objects).toFixed(3)) });
  }
}
