import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { redactSnapshot } from '../../src/node/redact-snapshot.js';
import { redactSnapshotFiles } from '../../src/redact/index.js';
import type { SnapshotFile } from '../../src/snapshot/snapshot-file.js';

/**
 * Canary values planted where captures hide credentials (as test/robustness/secrets.test.ts
 * does for the report), in JSON and YAML object files, on top of ack-terway-out-of-ips:
 * none may appear anywhere in the redacted copy — its files, its paths, its manifest — nor
 * in the mapping written beside it.
 */
const root = new URL('../../snapshots/scenarios/ack-terway-out-of-ips', import.meta.url).pathname;
const canaries = {
  eniAccessKey: 'CANARYak0001LTAI5t',
  eniAccessSecret: 'CANARYsk0002secret',
  secretData: 'Q0FOQVJZc2QwMDAz',
  lastApplied: 'CANARYla0004',
  envValue: 'CANARYenv0005',
  argPassword: 'CANARYarg0006',
  processToken: 'CANARYtok0007',
  urlPassword: 'CANARYurl0008',
  logKey: 'CANARYlog0009',
  bearer: 'CANARYbearer0011xyz',
  cloudSecret: 'CANARYcloud0012',
  yamlSecret: 'Q0FOQVJZeWFtbDAwMTM=',
  yamlStringData: 'CANARYyamlsd0014',
  yamlLastApplied: 'CANARYyamlla0015',
  yamlEnv: 'CANARYyamlenv0016',
  unreadFile: 'CANARYnotes0017',
};

function files(): SnapshotFile[] {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const out: SnapshotFile[] = walk(root).map((full) => {
    const path = relative(root, full);
    let text = readFileSync(full, 'utf8');
    if (path === 'kube-system.json') {
      const list = JSON.parse(text) as { items: Array<{ metadata: { name: string }; data?: Record<string, string> }> };
      const eni = list.items.find((i) => i.metadata.name === 'eni-config')!.data!;
      eni.eni_conf = eni.eni_conf!.replace('"max_pool_size": 5,', `"max_pool_size": 5,\n  "access_key": "${canaries.eniAccessKey}",\n  "access_secret": "${canaries.eniAccessSecret}",`);
      text = JSON.stringify(list, null, 2);
    }
    return { path, text };
  });
  const pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'app', namespace: 'default', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ kind: 'Secret', data: { password: canaries.lastApplied } }) } },
    spec: {
      nodeName: 'cn-hangzhou.192.168.0.10',
      containers: [{ name: 'app', image: 'app:1', env: [{ name: 'DB_PASSWORD', value: canaries.envValue }], args: [`--password=${canaries.argPassword}`] }],
    },
    status: { phase: 'Running', podIP: '172.16.0.99' },
  };
  const secret = { kind: 'Secret', apiVersion: 'v1', metadata: { name: 'db', namespace: 'default' }, data: { password: canaries.secretData } };
  out.push({ path: 'extra.json', text: JSON.stringify({ kind: 'List', items: [pod, secret] }, null, 4) });
  out.push({
    path: 'extra.yaml',
    text: [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: db-yaml',
      '  namespace: shop',
      'data:',
      `  password: ${canaries.yamlSecret}`,
      'stringData:',
      '  note: |',
      `    ${canaries.yamlStringData}`,
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web-yaml',
      '  namespace: shop',
      '  annotations:',
      `    kubectl.kubernetes.io/last-applied-configuration: '{"kind":"Secret","data":{"k":"${canaries.yamlLastApplied}"}}'`,
      'spec:',
      '  containers:',
      '  - name: web',
      '    image: web:1',
      '    env:',
      '    - name: API_SEED',
      `      value: ${canaries.yamlEnv}`,
      '',
    ].join('\n'),
  });
  out.push({
    path: 'nodes/cn-hangzhou.192.168.0.10/processes',
    text: [
      '    PID COMMAND',
      `   1201 /usr/bin/kubelet --token=${canaries.processToken} --v=2`,
      `   1302 /usr/local/bin/etcd --initial-cluster=m1=https://root:${canaries.urlPassword}@192.168.0.10:2380`,
      '',
    ].join('\n'),
  });
  out.push({
    path: 'nodes/cn-hangzhou.192.168.0.10/logs/terway.log',
    text: [`time="2026-11-20T09:00:00Z" level=info msg="load config" access_key: ${canaries.logKey}`, `msg="request" header="Authorization: Bearer ${canaries.bearer}"`, ''].join('\n'),
  });
  out.push({ path: 'cloud/aliyun-vswitches-extra.json', text: JSON.stringify({ AccessKeySecret: canaries.cloudSecret, VSwitches: { VSwitch: [] } }, null, 2) });
  out.push({ path: 'nodes/cn-hangzhou.192.168.0.10/my-notes', text: `free text no parser reads ${canaries.unreadFile}\n` });
  return out;
}

describe('the redacted copy holds no credential', () => {
  it('no canary in any file, path, the manifest or the mapping; each kind of masking is listed in the manifest', () => {
    const input = files();
    const all = input.map((f) => f.text).join('\n');
    for (const canary of Object.values(canaries)) expect(all).toContain(canary);
    const redacted = redactSnapshotFiles(input, { key: new Uint8Array(32).fill(9) });
    const outputs: Array<[string, string]> = [
      ...redacted.files.map((f) => [f.path, `${f.path}\n${f.text}`] as [string, string]),
      ['manifest', JSON.stringify(redacted.manifest)],
      ['mapping', JSON.stringify(redacted.mapping)],
    ];
    for (const [where, text] of outputs) for (const [place, canary] of Object.entries(canaries)) expect(text.includes(canary), `${place} canary in ${where}`).toBe(false);
    expect(redacted.manifest.totals.masked).toMatchObject({ 'secret-data': 3, 'last-applied-configuration': 2, 'env-value': 2 });
    expect(redacted.manifest.totals.masked.credential).toBeGreaterThanOrEqual(4);
    expect(redacted.manifest.files.find((f) => f.dropped)).toMatchObject({ dropped: 'unrecognised node output: free text no parser reads' });
    // Masked in place: the YAML still parses into the same objects, lines where they were.
    const yaml = redacted.files.find((f) => f.path === 'extra.yaml')!.text;
    expect(yaml.split('\n').length).toBe(input.find((f) => f.path === 'extra.yaml')!.text!.split('\n').length);
    expect(yaml).toContain('  password: <redacted>');
  });
});

describe('redactSnapshot and kube-netdoctor redact', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netdoctor-redact-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the copy with its manifest inside, the key and mapping beside it (0600); the copy analyses with the same counts', async () => {
    const snapshot = `${root}/../tke-service-unreachable`;
    let stderr = '';
    const code = await runCli(['redact', snapshot, join(dir, 'copy')], { stdout: () => undefined, stderr: (t) => (stderr += t), isTty: false, env: {} });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^wrote \d+ files to .*copy \(0 dropped\)/);
    expect(readdirSync(dir).sort()).toEqual(['copy', 'copy.key', 'copy.mapping.json']);
    expect(statSync(join(dir, 'copy.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'copy.mapping.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'copy'))).toContain('redaction-manifest.json');
    const key = readFileSync(join(dir, 'copy.key'), 'utf8').trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const original = await analyze((await loadSnapshot(snapshot)).snapshot);
    const loaded = await loadSnapshot(join(dir, 'copy'));
    expect(loaded.diagnostics.filter((d) => d.file === 'redaction-manifest.json')).toEqual([]);
    const copy = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    expect(copy.summary).toEqual(original.summary);
    // The same key gives the same copy.
    const again = await redactSnapshot(snapshot, join(dir, 'again'), { key: Uint8Array.from(key.match(/../g)!.map((h) => Number.parseInt(h, 16))) });
    expect(again.keyFile).toBeUndefined();
    expect(readFileSync(join(dir, 'again', 'services.json'), 'utf8')).toBe(readFileSync(join(dir, 'copy', 'services.json'), 'utf8'));
    expect(readFileSync(join(dir, 'again.mapping.json'), 'utf8')).toBe(readFileSync(join(dir, 'copy.mapping.json'), 'utf8'));
  });

  it('refuses a non-empty output, an output inside the snapshot and a bad key (exit 2)', async () => {
    const run = async (args: string[]) => {
      let stderr = '';
      const code = await runCli(args, { stdout: () => undefined, stderr: (t) => (stderr += t), isTty: false, env: {} });
      return { code, stderr };
    };
    writeFileSync(join(dir, 'full-file'), 'x');
    const snapshot = `${root}/../tke-service-unreachable`;
    expect(await run(['redact', snapshot, dir])).toMatchObject({ code: 2, stderr: expect.stringContaining('not empty') });
    expect(await run(['redact', snapshot, join(snapshot, 'out')])).toMatchObject({ code: 2, stderr: expect.stringContaining('must not be inside') });
    expect(await run(['redact', snapshot, join(dir, 'k'), '--key', 'abcd'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--key') });
    expect(await run(['redact', join(dir, 'missing'), join(dir, 'm')])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read snapshot') });
  });
});

describe('a JSON writer that escapes differently', () => {
  it('still leaves no secret value: the file is written anew from its parsed value', () => {
    const text = '{\n  "kind": "Secret",\n  "metadata": {"name": "s"},\n  "data": {"k": "Q0FOQVJZ\\/c2xhc2g="}\n}\n';
    const redacted = redactSnapshotFiles([{ path: 'secret.json', text }], { key: new Uint8Array(32).fill(9) });
    const out = redacted.files[0]!.text;
    expect(out).not.toContain('Q0FOQVJZ');
    expect(JSON.parse(out)).toMatchObject({ kind: 'Secret', data: { k: '<redacted>' } });
  });
});

describe('YAML Secret data in flow style', () => {
  it('masks every value and keeps the keys', () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata: {password: Q0FOQVJZZmxvdw==, tls.crt: Q0FOQVJZY3J0}\n';
    const out = redactSnapshotFiles([{ path: 'secret.yaml', text }], { key: new Uint8Array(32).fill(9) }).files[0]!.text;
    expect(out).not.toContain('Q0FOQVJZ');
    expect(out).toContain('data: {password: <redacted>, tls.crt: <redacted>}');
  });
});
