import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonListSplitter } from '../../src/node/json-list-splitter.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';

const root = mkdtempSync(join(tmpdir(), 'netdoctor-stream-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels: { app: 'cart' }, annotations: { note: 'quote " and \\ backslash, 中文' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'cart-7d9', controller: true }] },
  spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'cart:1', ports: [{ containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: '10.0.0.5', conditions: [{ type: 'Ready', status: 'True' }] },
  ...extra,
});
const list = (items: unknown[], kind = 'List') => JSON.stringify({ apiVersion: 'v1', items, kind, metadata: { resourceVersion: '' } }, null, 4);

function snapshotDir(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(root, name);
  for (const [file, content] of Object.entries(files)) {
    const path = join(dir, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

describe('streaming load of large object files', () => {
  it('gives the same snapshot as reading the files whole', async () => {
    const dir = snapshotDir('same', {
      'pods.json': list([pod('a'), pod('b', { metadata: { name: 'b', namespace: 'shop' } }), { kind: 'Pod', metadata: { name: 'c' }, spec: { hostNetwork: true } }]),
      'empty-pods.json': list([], 'PodList'),
      'services.json': list([{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'shop' }, spec: { selector: { app: 'cart' }, ports: [{ port: 80, targetPort: 'http' }] } }]),
      'one-node.json': JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDR: '10.0.0.0/24' } }),
      'no-kind.json': list([{ metadata: { name: 'x' } }]),
      'all.yaml': 'kind: Namespace\nmetadata: {name: shop}\n',
    });
    const whole = await loadSnapshot(dir);
    const streamed = await loadSnapshot(dir, { streamThresholdBytes: 0 });
    expect(streamed).toEqual(whole);
    expect(whole.snapshot.pods.map((p) => p.name)).toEqual(['a', 'b', 'c']);
    expect(whole.snapshot.captured).toEqual(['Namespace', 'Node', 'Pod', 'Service']);
    expect(whole.diagnostics.map((d) => d.code).sort()).toEqual(['no-objects-read', 'not-an-object']);
  });

  it('a kind that is not a string is no kind, read whole, streamed or cut: the file name gives it, and the count says so', async () => {
    const dir = snapshotDir('numeric-kind', { 'pods.json': list([pod('a'), { ...pod('b'), kind: 7 }, { ...pod('c'), kind: true }]) });
    const whole = await loadSnapshot(dir, { cutThresholdBytes: Number.MAX_SAFE_INTEGER });
    for (const options of [{ streamThresholdBytes: 0 }, { cutThresholdBytes: 0 }]) expect(await loadSnapshot(dir, options)).toEqual(whole);
    expect(whole.snapshot.pods.map((p) => [p.name, p.kind])).toEqual([['a', 'Pod'], ['b', 'Pod'], ['c', 'Pod']]);
    expect(whole.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('2 ')]);
  });

  it('streams UTF-16 and BOM-prefixed Lists, and a typed List whose items omit their kind', async () => {
    const text = list([pod('u')]);
    const typed = JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [{ metadata: { name: 'raw', namespace: 'shop' }, spec: {}, status: {} }] });
    const dir = snapshotDir('encodings', {
      'utf16.json': new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]),
      'bom.json': new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(list([pod('b')]), 'utf8')]),
      'raw.json': typed,
    });
    const whole = await loadSnapshot(dir);
    const streamed = await loadSnapshot(dir, { streamThresholdBytes: 0 });
    expect(streamed).toEqual(whole);
    expect(streamed.snapshot.pods.map((p) => p.name)).toEqual(['b', 'raw', 'u']);
  });

  it('keeps the objects before the break of a truncated file and says on which line the broken item starts', async () => {
    const text = list([pod('a'), pod('b'), pod('c')]);
    const cut = text.slice(0, text.indexOf('"c"') + 10);
    const dir = snapshotDir('truncated', { 'pods.json': cut });
    const { snapshot, diagnostics } = await loadSnapshot(dir, { streamThresholdBytes: 0 });
    expect(snapshot.pods.map((p) => p.name)).toEqual(['a', 'b']);
    const lineOfC = text.slice(0, text.lastIndexOf('\n        {', text.indexOf('"c"'))).split('\n').length + 1;
    expect(diagnostics).toEqual([{ severity: 'error', code: 'truncated', message: expect.stringContaining('items[2]'), file: 'pods.json', line: lineOfC }]);
    expect(diagnostics[0]!.message).not.toContain('cart');
  });

  it('reports a malformed item with its line and still reads the others', async () => {
    const text = list([pod('a'), pod('b')]).replace('"name": "b"', '"name": "b",,');
    const dir = snapshotDir('malformed', { 'pods.json': text });
    const { snapshot, diagnostics } = await loadSnapshot(dir, { streamThresholdBytes: 0 });
    expect(snapshot.pods.map((p) => p.name)).toEqual(['a']);
    const line = text.slice(0, text.indexOf(',,')).split('\n').length;
    expect(diagnostics).toEqual([{ severity: 'error', code: 'syntax', message: 'invalid JSON in items[1]; item skipped', file: 'pods.json', line }]);
  });
});

describe('JsonListSplitter', () => {
  const split = (text: string, chunkSize: number) => {
    const items: Array<{ text: string; index: number; line: number }> = [];
    const splitter = new JsonListSplitter((bytes, index, line) => items.push({ text: new TextDecoder().decode(bytes), index, line }));
    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; i += chunkSize) splitter.push(bytes.subarray(i, i + chunkSize));
    return { items, end: splitter.end() };
  };

  it('cuts the same items whatever the chunk boundaries, across escapes, keys and multi-byte characters', () => {
    const text = `{"kind":"List","meta\\"items":[1],"items":[{"a":"x\\\\"},\n"s\\"]",\n[1,[2]], 7 ,{"b":"中\\u0041"}],"z":{"items":[]}}\n`;
    const expected = ['{"a":"x\\\\"}', '"s\\"]"', '[1,[2]]', '7', '{"b":"中\\u0041"}'];
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const { items, end } = split(text, size);
      expect(items.map((i) => i.text)).toEqual(expected);
      expect(items.map((i) => i.line)).toEqual([1, 2, 3, 3, 3]);
      expect(end.state).toBe('done');
      expect(JSON.parse(new TextDecoder().decode(end.skeleton))).toEqual({ kind: 'List', 'meta"items': [1], items: [], z: { items: [] } });
    }
  });

  it('says when the input is not a JSON object, or has content after it', () => {
    expect(split('- kind: Pod\n', 4).end.state).toBe('unsupported');
    expect(split('{"items":[]}\n}', 4).end).toMatchObject({ state: 'failed', problem: { line: 2 } });
  });
});
