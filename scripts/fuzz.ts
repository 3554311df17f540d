// Long fuzz runs: `npm run fuzz -- --runs 100000 [--chunk 2000] [--seed n] [--first-round r] [--only id,id] [--snapshots n] [--out file.json]`.
// Each exported parser gets --runs inputs (real captures damaged, or arbitrary text), in rounds of --chunk
// runs per parser (each round its own seed), so a run stopped early has covered every parser evenly; then
// buildSnapshot + analyze get --snapshots random file trees. Prints one line per chunk; --out keeps the
// cumulative totals. --first-round continues a stopped run (round r uses seed + r) without repeating its rounds;
// --only splits a run over several processes. Exits 1 on a failure, printing the seed and path that replay the counterexample.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { parsers } from '../src/parsers/index.js';
import { parserInput, snapshotFiles } from '../test/fuzz/arbitraries.js';
import { checkParser, checkSnapshot } from '../test/fuzz/properties.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    chunk: { type: 'string' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    only: { type: 'string' },
    'first-round': { type: 'string', default: '0' },
    snapshots: { type: 'string' },
    out: { type: 'string' },
  },
});
const runs = Number(values.runs);
const chunk = Number(values.chunk ?? runs);
const seed = Number(values.seed);
const only = values.only?.split(',');
const snapshotRuns = Number(values.snapshots ?? Math.min(runs, 2_000));

interface Total { target: string; runs: number; seconds: number; failures: Array<{ seed: number; path?: string; error: string; counterexample: string }> }
const totals = new Map<string, Total>();
const started = Date.now();

function record<T>(target: string, details: fc.RunDetails<T>, ms: number): void {
  const total = totals.get(target) ?? { target, runs: 0, seconds: 0, failures: [] };
  totals.set(target, total);
  total.runs += details.numRuns;
  total.seconds += Math.round(ms / 1000);
  if (details.failed) {
    total.failures.push({
      seed: details.seed,
      ...(details.counterexamplePath ? { path: details.counterexamplePath } : {}),
      error: String(details.errorInstance).slice(0, 1_000),
      counterexample: JSON.stringify(details.counterexample).slice(0, 500),
    });
  }
  const note = details.failed ? `  seed ${details.seed} path ${details.counterexamplePath}: ${String(details.errorInstance).slice(0, 300)}` : '';
  process.stdout.write(`${details.failed ? 'FAIL' : 'ok  '} ${target.padEnd(28)} ${String(total.runs).padStart(7)} runs ${String(total.seconds).padStart(6)} s${note}\n`);
  if (values.out) {
    const summary = { seed, chunk, runsPerParser: runs, snapshotRuns, elapsedSeconds: Math.round((Date.now() - started) / 1000), totals: [...totals.values()] };
    writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
  }
}

const targets = parsers.filter((p) => !only || only.includes(p.id));
for (let round = Number(values['first-round']), done = 0; done < runs; round++, done += chunk) {
  const numRuns = Math.min(chunk, runs - done);
  for (const parser of targets) {
    const t0 = Date.now();
    const details = fc.check(fc.property(parserInput, (text) => checkParser(parser, text)), { seed: seed + round, numRuns, endOnFailure: true });
    record(parser.id, details, Date.now() - t0);
  }
  if (!only || only.includes('buildSnapshot')) {
    const t0 = Date.now();
    const share = Math.max(1, Math.round((snapshotRuns * numRuns) / runs));
    const details = await fc.check(fc.asyncProperty(snapshotFiles, (files) => checkSnapshot(files)), { seed: seed + round, numRuns: share, endOnFailure: true });
    record('buildSnapshot+analyze', details, Date.now() - t0);
  }
}
process.exitCode = [...totals.values()].some((t) => t.failures.length > 0) ? 1 : 0;
