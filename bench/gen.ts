/// <reference types="node" />
// npm run bench:gen -- --scale <f> [--seed <n>] [--out <dir>]
import { parseArgs } from 'node:util';
import { defaultOutDir, generateSnapshot, manifestPath } from './generate.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.1' }, seed: { type: 'string', default: '42' }, out: { type: 'string' } } });
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!(scale > 0) || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run bench:gen -- --scale <f> [--seed <n>] [--out <dir>]\n');
  process.exit(2);
}
const dir = values.out ?? defaultOutDir(scale, seed);
const generated = generateSnapshot({ scale, seed, dir });
process.stdout.write(`${JSON.stringify({ dir, manifest: manifestPath(dir), objects: generated.objects, inputBytes: generated.inputBytes, generateMs: generated.generateMs, expectedFindings: generated.expected.length })}\n`);
