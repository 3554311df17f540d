import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../bench/generate.js';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';

const root = mkdtempSync(join(tmpdir(), 'netdoctor-bench-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(['both', 'ipvs', 'iptables'] as const)('bench snapshot generator, kube-proxy outputs: %s', (proxyMode) => {
  const generated = generateSnapshot({ scale: 0.002, seed: 7, dir: join(root, `tiny-${proxyMode}`), proxyMode });

  it('writes a snapshot that loads cleanly, streamed or not, and yields exactly the sprinkled findings', async () => {
    expect(generated.objects).toMatchObject({ nodes: 10, pods: 301, services: 40, events: 200 });
    const loaded = await loadSnapshot(generated.dir, { streamThresholdBytes: 64 * 1024 });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded).toEqual(await loadSnapshot(generated.dir));
    const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    // Only the rules the generator sprinkles problems for: other rules of a growing catalog are not its subject.
    const sprinkledRules = new Set(generated.expected.map((e) => e.ruleId));
    const found = report.findings
      .filter((f) => sprinkledRules.has(f.ruleId))
      .map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, subject: { kind: f.subject.kind, name: f.subject.name, ...(f.subject.namespace ? { namespace: f.subject.namespace } : {}) } }));
    const key = (e: (typeof found)[number]) => `${e.ruleId} ${e.messageId} ${e.subject.namespace ?? ''}/${e.subject.name}`;
    expect(found.map(key).sort()).toEqual(generated.expected.map(key).sort());
    expect(sprinkledRules).toEqual(new Set(['ack-conntrack-full', 'rancher-flannel-annotations', 'ack-ipam-range-exhausted', 'ack-node-podcidr-capacity', 'x-svc-no-endpoints']));
  });

  it('is deterministic for a scale and seed', () => {
    const again = generateSnapshot({ scale: 0.002, seed: 7, dir: join(root, `again-${proxyMode}`), proxyMode });
    for (const file of ['pods.json', 'events.json', `nodes/${'cn-hangzhou.192.168.0.2'}/iptables-save`]) {
      expect(readFileSync(join(again.dir, file), 'utf8')).toBe(readFileSync(join(generated.dir, file), 'utf8'));
    }
    expect(again.expected).toEqual(generated.expected);
  });
});
