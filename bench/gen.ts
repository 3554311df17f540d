/// <reference types="node" />
// npm run bench:gen -- --scale <f> [--seed <n>] [--out <dir>] [--proxy-mode both|iptables|ipvs]
import { parseArgs } from 'node:util';
import type { ProxyMode } from './gen/plan.js';
import { defaultOutDir, generateSnapshot, manifestPath } from './generate.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.1' }, seed: { type: 'string', default: '42' }, out: { type: 'string' }, 'proxy-mode': { type: 'string', default: 'both' } } });
const proxyMode = values['proxy-mode'] as ProxyMode;
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!(scale > 0) || !Number.isInteger(seed) || !['both', 'iptables', 'ipvs'].includes(proxyMode)) {
  process.stderr.write('usage: npm run bench:gen -- --scale <f> [--seed <n>] [--out <dir>] [--proxy-mode both|iptables|ipvs]\n');
  process.exit(2);
}
const dir = values.out ?? defaultOutDir(scale, seed, proxyMode);
const generated = generateSnapshot({ scale, seed, dir, proxyMode });
process.stdout.write(`${JSON.stringify({ dir, manifest: manifestPath(dir), objects: generated.objects, inputBytes: generated.inputBytes, generateMs: generated.generateMs, expectedFindings: generated.expected.length })}\n`);
