import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSnapshotFiles } from '../../src/redact/index.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';
import type { SnapshotFile } from '../../src/snapshot/snapshot-file.js';

const hostile = new URL('../fixtures/hostile/', import.meta.url).pathname;
const key = new Uint8Array(32).fill(7);

function readTree(dir: string): SnapshotFile[] {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((full) => ({ path: relative(dir, full), bytes: new Uint8Array(readFileSync(full)) }));
}

describe('redact on hostile input', () => {
  it.each(['deep-nesting', 'unread-files'])('%s: returns, every file is copied or dropped with a reason, the copy loads', (name) => {
    const files = readTree(join(hostile, name));
    const redacted = redactSnapshotFiles(files, { key });
    expect(redacted.manifest.files).toHaveLength(files.length);
    for (const entry of redacted.manifest.files) expect(entry.dropped === undefined ? redacted.files.some((f) => f.path === entry.path) : entry.dropped.length > 0).toBe(true);
    expect(() => buildSnapshot(redacted.files)).not.toThrow();
  });

  it('deep JSON objects are dropped rather than copied unredacted', () => {
    const deep = `{"kind":"ConfigMap","metadata":{"name":"x"},"data":${'['.repeat(20_000)}"10.1.2.3"${']'.repeat(20_000)}}`;
    const redacted = redactSnapshotFiles([{ path: 'deep.json', text: deep }], { key });
    expect(redacted.files).toEqual([]);
    expect(redacted.manifest.files[0]).toMatchObject({ path: 'deep.json', dropped: expect.stringContaining('could not be redacted') });
  });

  it('never throws on random file trees (seeded)', () => {
    const paths = fc.constantFrom('nodes.json', 'pods.yaml', 'nodes/n1/iptables-save', 'nodes/10.0.0.1/ipvsadm', 'nodes/n1/cni/10-flannel.conflist', 'nodes/n1/logs/kubelet.log', 'cloud/aliyun-vswitches.json', 'cluster/ibmcloud-ks-workers.txt', 'snapshot.yaml', 'odd/../x.json', 'x.bin');
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.json({ maxDepth: 6 }),
      fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('::', ':::', '1.2.3.4/99', '10.0.0.1-10.0.0.0', '\\n10.0.0.1', 'kube-', 'vsw-123456789', 'kind: Secret\ndata:\n  a: b')), { maxLength: 30 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ path: paths, text }), { maxLength: 8 }), (files) => {
        const redacted = redactSnapshotFiles(files, { key });
        for (const file of redacted.files) expect(file.path.split('/')).not.toContain('..');
      }),
      { seed: 20261203, numRuns: 60 },
    );
  });
});
