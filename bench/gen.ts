/// <reference types="node" />
// npm run bench:gen -- --scale <f> [--seed <n>] [--out <dir>] [--proxy-mode both|iptables|ipvs] [--provider ack|iks] [--windows-nodes <fraction or count>]
import { parseArgs } from 'node:util';
import type { Provider, ProxyMode } from './gen/plan.js';
import { defaultOutDir, defaultWindowsNodes, generateSnapshot, manifestPath } from './generate.js';

const usage = 'usage: npm run bench:gen -- --scale <f> [--seed <n>] [--out <dir>] [--proxy-mode both|iptables|ipvs] [--provider ack|iks] [--windows-nodes <fraction or count>]\n';
const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.1' }, seed: { type: 'string', default: '42' }, out: { type: 'string' }, 'proxy-mode': { type: 'string', default: 'both' }, provider: { type: 'string', default: 'ack' }, 'windows-nodes': { type: 'string' } } });
const proxyMode = values['proxy-mode'] as ProxyMode;
const provider = values.provider as Provider;
const scale = Number(values.scale);
const seed = Number(values.seed);
const windowsNodes = values['windows-nodes'] === undefined ? defaultWindowsNodes(provider) : Number(values['windows-nodes']);
if (!(scale > 0) || !Number.isInteger(seed) || !['both', 'iptables', 'ipvs'].includes(proxyMode) || !['ack', 'iks'].includes(provider) || !(windowsNodes >= 0) || (provider === 'iks' && windowsNodes > 0)) {
  process.stderr.write(`${usage}(IKS has no Windows nodes: --windows-nodes 0)\n`);
  process.exit(2);
}
const dir = values.out ?? defaultOutDir(scale, seed, proxyMode, provider, windowsNodes);
const generated = generateSnapshot({ scale, seed, dir, proxyMode, provider, windowsNodes });
process.stdout.write(`${JSON.stringify({ dir, manifest: manifestPath(dir), objects: generated.objects, inputBytes: generated.inputBytes, generateMs: generated.generateMs, expectedFindings: generated.expected.length })}\n`);
