/// <reference types="node" />
// node --expose-gc --import tsx bench/time-by-rule.ts <dir> [passes]
// Wall time of each rule in evaluateCatalog, pass after pass over one index: the first pass computes the
// facts (the first rule to read a node output pays for reading and parsing it), the later ones find every
// fact cached, so what they time is json-rules-engine and the findings alone.
import { builtinRules } from '../src/catalog/builtin-catalog.js';
import { evaluateCatalog } from '../src/engine/evaluate-catalog.js';
import { indexSnapshot } from '../src/facts/snapshot-index.js';
import { loadSnapshot } from '../src/node/load-snapshot.js';

const [dir, passes = '3'] = process.argv.slice(2);
if (!dir) throw new Error('usage: time-by-rule.ts <snapshot dir> [passes]');
const loaded = await loadSnapshot(dir);
const index = indexSnapshot(loaded.snapshot);
const rules = builtinRules();
for (let pass = 0; pass < Number(passes); pass++) {
  (globalThis as { gc?: () => void }).gc?.();
  const times = new Map<string, number>();
  let last = performance.now();
  let lastId = '';
  const started = last;
  await evaluateCatalog(rules, index, undefined, new Set(rules), (rule) => {
    const now = performance.now();
    if (lastId) times.set(lastId, (times.get(lastId) ?? 0) + now - last);
    last = now;
    lastId = rule.id;
  });
  const ended = performance.now();
  times.set(lastId, (times.get(lastId) ?? 0) + ended - last);
  const top = [...times].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 12));
  process.stdout.write(`${JSON.stringify({ pass, totalMs: Math.round(ended - started), slowest: Object.fromEntries(top.map(([id, ms]) => [id, Math.round(ms)])) })}\n`);
}
