/// <reference types="node" />
// node --expose-gc --import tsx bench/mem-by-rule.ts <snapshot-dir>
// What the analysis keeps: the catalog run one rule at a time over one index, the heap collected
// after each, so each line is what that rule left alive (fact values, lookup maps, parsed outputs).
import { builtinRules } from '../src/catalog/builtin-catalog.js';
import { evaluateCatalog } from '../src/engine/evaluate-catalog.js';
import { checkUnreadFiles } from '../src/facts/file-coverage.js';
import { indexSnapshot } from '../src/facts/snapshot-index.js';
import { loadSnapshot } from '../src/node/load-snapshot.js';
import { builtinRegistry } from '../src/plugins/registry.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: mem-by-rule.ts <snapshot-dir>');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const mb = (n: number) => (n / 1e6).toFixed(1);
const loaded = await loadSnapshot(dir);
const rules = builtinRules();
const index = indexSnapshot(loaded.snapshot);
const start = heap();
process.stderr.write(`after load and index: heap ${mb(start)} MB\n`);
const rows: Array<[string, number, number]> = [];
let before = start;
const all: unknown[] = [];
for (const rule of rules) {
  const t = performance.now();
  all.push(await evaluateCatalog([rule], index, builtinRegistry, new Set(rules)));
  const after = heap();
  rows.push([rule.id, after - before, performance.now() - t]);
  before = after;
}
all.push(checkUnreadFiles(index));
const end = heap();
rows.push(['(unread-file check)', end - before, 0]);
for (const [id, delta, ms] of rows.filter((r) => Math.abs(r[1]) > 2e6).sort((a, b) => b[1] - a[1])) process.stderr.write(`${id}: +${mb(delta)} MB (${Math.round(ms)} ms)\n`);
process.stderr.write(`analysis keeps ${mb(end - start)} MB over the loaded snapshot (${all.length} results)\n`);
