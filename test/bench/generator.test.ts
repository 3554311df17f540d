import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../bench/generate.js';
import type { Provider, ProxyMode } from '../../bench/gen/plan.js';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';

const root = mkdtempSync(join(tmpdir(), 'netdoctor-bench-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const key = (e: { ruleId: string; messageId: string; subject: { kind: string; name: string; namespace?: string } }) => `${e.ruleId} ${e.messageId} ${e.subject.kind} ${e.subject.namespace ?? ''}/${e.subject.name}`;

const flavors: Array<{ name: string; provider: Provider; proxyMode: ProxyMode; sprinkledRules: string[]; objects: Record<string, number> }> = [
  ...(['both', 'ipvs', 'iptables'] as const).map((proxyMode) => ({
    name: `ACK with Windows nodes, kube-proxy outputs: ${proxyMode}`,
    provider: 'ack' as const,
    proxyMode,
    sprinkledRules: ['ack-conntrack-full', 'rancher-flannel-annotations', 'ack-ipam-range-exhausted', 'ack-node-podcidr-capacity', 'x-svc-no-endpoints', 'win-exceptionlist-coverage', 'win-node-components', 'win-flannel-stale-sourcevip', 'win-hns-port-exhaustion', 'win-icmp-unsupported', 'win-network-topology', 'win-service-ip-from-node'],
    objects: { nodes: 10, windowsNodes: 6, pods: 308, services: 40, events: 200 },
  })),
  {
    name: 'IKS (Calico, ibmcloud ks outputs)',
    provider: 'iks',
    proxyMode: 'both',
    sprinkledRules: ['x-svc-no-endpoints', 'iks-nlb2-annotation-etp', 'iks-event-no-portable-ip', 'iks-nlb-worker-not-ready', 'iks-websocket-timeout'],
    objects: { nodes: 10, windowsNodes: 0, pods: 300, services: 43, events: 200 },
  },
];

describe.each(flavors)('bench snapshot generator: $name', ({ provider, proxyMode, sprinkledRules, objects }) => {
  const generated = generateSnapshot({ scale: 0.002, seed: 7, dir: join(root, `tiny-${provider}-${proxyMode}`), proxyMode, provider });

  it('writes a snapshot that loads cleanly, streamed or not, and the whole catalog finds exactly the sprinkled problems', async () => {
    expect(generated.objects).toMatchObject(objects);
    const loaded = await loadSnapshot(generated.dir, { streamThresholdBytes: 64 * 1024 });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded).toEqual(await loadSnapshot(generated.dir));
    const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(report.findings.map(key).sort()).toEqual(generated.expected.map(key).sort());
    expect(new Set(generated.expected.map((e) => e.ruleId))).toEqual(new Set(sprinkledRules));
  });

  it('is deterministic for a scale and seed', () => {
    const again = generateSnapshot({ scale: 0.002, seed: 7, dir: join(root, `again-${provider}-${proxyMode}`), proxyMode, provider });
    const files = (dir: string, under = ''): string[] =>
      readdirSync(join(dir, under), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, join(under, e.name)) : [join(under, e.name)]));
    const written = files(generated.dir).sort();
    expect(files(again.dir).sort()).toEqual(written);
    for (const file of written) expect(readFileSync(join(again.dir, file), 'utf8'), file).toBe(readFileSync(join(generated.dir, file), 'utf8'));
    expect(again.expected).toEqual(generated.expected);
  });
});
