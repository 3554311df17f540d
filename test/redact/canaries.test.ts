import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { redactSnapshot } from '../../src/node/redact-snapshot.js';
import { redactSnapshotFiles } from '../../src/redact/index.js';
import type { SnapshotFile } from '../../src/snapshot/snapshot-file.js';
import { canaries as sharedCanaries, canaryFiles, canaryRoot as root } from '../robustness/canary-files.js';

/**
 * The canaries of test/robustness/canary-files.ts, and more in YAML object files and a node
 * output no parser reads: none may appear anywhere in the redacted copy — its files, its paths,
 * its manifest — nor in the mapping written beside it.
 */
const canaries = {
  ...sharedCanaries,
  yamlSecret: 'Q0FOQVJZeWFtbDAwMTM=',
  yamlStringData: 'CANARYyamlsd0014',
  yamlLastApplied: 'CANARYyamlla0015',
  yamlEnv: 'CANARYyamlenv0016',
  unreadFile: 'CANARYnotes0017',
};

function files(): SnapshotFile[] {
  const out = canaryFiles();
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
