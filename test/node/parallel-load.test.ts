import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../bench/generate.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { ObjectPool } from '../../src/node/object-pool.js';
import { readRange } from '../../src/node/object-ranges.js';
import { readObjectFileInParallel } from '../../src/node/parallel-objects.js';
import { SnapshotBuilder } from '../../src/snapshot/snapshot-builder.js';

const root = mkdtempSync(join(tmpdir(), 'netdoctor-parallel-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every object file through the workers (tiny thresholds), in ranges of a few items each. */
const parallel = { workers: 2, parallelMinBytes: 1, poolMinBytes: 1, parallelRangeBytes: 64 * 1024 } as const;

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels: { app: 'cart' }, annotations: { note: 'quote " and \\ backslash, 中文, },\n        {' } },
  spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'cart:1' }] },
  status: { phase: 'Running', podIP: '10.0.0.5', conditions: [{ type: 'Ready', status: 'True' }] },
  ...extra,
});
const list = (items: unknown[], indent: number | string = 4, kind = 'List') => JSON.stringify({ apiVersion: 'v1', items, kind, metadata: { resourceVersion: '' } }, null, indent);

function snapshotDir(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

describe('loading object files in worker threads', () => {
  it('gives the very same snapshot and diagnostics as loading in-thread (generated cluster)', async () => {
    const generated = generateSnapshot({ scale: 0.003, seed: 5, dir: join(root, 'generated') });
    const inThread = await loadSnapshot(generated.dir, { workers: 0 });
    const inWorkers = await loadSnapshot(generated.dir, parallel);
    expect(inWorkers).toStrictEqual(inThread);
    expect(JSON.stringify(inWorkers)).toBe(JSON.stringify(inThread));
    expect(inThread.snapshot.pods.length).toBeGreaterThan(400);
    // items past the first range carry their index in the whole List
    expect(inWorkers.snapshot.pods.at(-1)?.source.object).toMatch(/\(items\[\d{3}\]\)$/);
    // and the workers did read it: every range clean, none left to the fallback
    const pool = ObjectPool.start(2)!;
    try {
      const builder = new SnapshotBuilder();
      expect(await readObjectFileInParallel(pool, join(generated.dir, 'pods.json'), 'pods.json', builder, 64 * 1024)).toBe(true);
      expect(builder.finish().snapshot.pods).toStrictEqual(inThread.snapshot.pods);
    } finally {
      await pool.close();
    }
  });

  it('falls back to the ordinary load, with the same diagnostics, for files it cannot cut or read cleanly', async () => {
    const pods = Array.from({ length: 30 }, (_, k) => pod(`p${k}`));
    const dir = snapshotDir('odd', {
      'pods.json': list(pods, 2), // not kubectl's 4-space indent: boundaries fall inside items
      'compact/pods.json': list(pods, 0),
      'no-kind/pods.json': list([...pods.slice(0, 10), { metadata: { name: 'x' } }, ...pods.slice(10)]),
      'broken/pods.json': list(pods).replace('"p17"', '"p17'),
      'typed/pods.json': JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: pods.map(({ kind: _, ...p }) => p) }, null, 4),
      'tabs/pods.json': list(pods, '\t'),
    });
    const inThread = await loadSnapshot(dir, { workers: 0 });
    expect(await loadSnapshot(dir, parallel)).toStrictEqual(inThread);
    expect(inThread.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(expect.arrayContaining(['broken/pods.json syntax', 'no-kind/pods.json kind-from-file-name']));
  });

  it('reads a range only when it is whole List items', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const items = list([pod('a'), pod('b'), pod('c')]);
    const [first, second] = items.split('\n        },\n        {');
    const a = readRange({ id: 0, file: 'pods.json', bytes: encode(`${first}\n        }`), wrapHead: false, wrapTail: true });
    expect(a).toMatchObject({ clean: true });
    expect((a as { objects: unknown[] }).objects).toHaveLength(1);
    expect(readRange({ id: 1, file: 'pods.json', bytes: encode(`{${second}\n        }`), wrapHead: true, wrapTail: true })).toMatchObject({ clean: true });
    // cut inside an item, or a range that closes the List and opens another array
    expect(readRange({ id: 2, file: 'pods.json', bytes: encode('{"kind": "Pod", "metadata": {"name": "x"}}], "other": [{"kind": "Pod"}'), wrapHead: true, wrapTail: true })).toEqual({ id: 2, clean: false });
    expect(readRange({ id: 3, file: 'pods.json', bytes: encode('"name": "x"}'), wrapHead: true, wrapTail: true })).toEqual({ id: 3, clean: false });
  });
});
