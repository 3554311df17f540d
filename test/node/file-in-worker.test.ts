import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../bench/generate.js';
import { FileInWorker } from '../../src/node/file-in-worker.js';
import { type FileMessage, runFileTask } from '../../src/node/file-task.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { SnapshotBuilder } from '../../src/snapshot/snapshot-builder.js';

const root = mkdtempSync(join(tmpdir(), 'netdoctor-file-worker-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop' }, spec: { nodeName: 'n1' }, status: { phase: 'Running' } });
const list = (items: unknown[], indent: number | string = 4) => `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, indent)}\n`;

describe('the largest streamed object file read in a worker thread (streamInWorker)', () => {
  it('gives the very same snapshot and diagnostics as loading in one thread (generated cluster)', async () => {
    const generated = generateSnapshot({ scale: 0.003, seed: 7, dir: join(root, 'generated') });
    // pods.json is the largest file: stream everything above 64 KiB.
    const options = { streamThresholdBytes: 64 * 1024 };
    const inThread = await loadSnapshot(generated.dir, options);
    const inWorker = await loadSnapshot(generated.dir, { ...options, streamInWorker: true });
    expect(inWorker).toStrictEqual(inThread);
    expect(JSON.stringify(inWorker)).toBe(JSON.stringify(inThread));
    expect(inThread.snapshot.pods.length).toBeGreaterThan(400);
    // and the worker did read it (the load would fall back to this thread, silently, if not)
    const worker = FileInWorker.start(join(generated.dir, 'pods.json'), 'pods.json')!;
    try {
      const staged = await worker.result();
      expect(staged).toBeDefined();
      const builder = new SnapshotBuilder();
      staged!.commitTo(builder);
      const pods = builder.finish().snapshot.pods;
      expect(pods).toStrictEqual(inThread.snapshot.pods);
      // repeated values crossed once and are shared (shared-values.ts)
      expect(new Set(pods.map((p) => p.tolerations)).size).toBeLessThan(pods.length / 10);
      expect(new Set(pods.map((p) => p.containers)).size).toBeLessThan(pods.length / 2);
    } finally {
      await worker.close();
    }
  });

  it('leaves a file it cannot cut to this thread, which says what is wrong where', async () => {
    const pods = Array.from({ length: 30 }, (_, k) => pod(`p${k}`));
    const dir = join(root, 'broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pods.json'), list(pods).replace('"name": "p17"', '"name": "p17",,'));
    writeFileSync(join(dir, 'services.json'), list([{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'shop' }, spec: {} }]));
    const inThread = await loadSnapshot(dir, { streamThresholdBytes: 0 });
    expect(await loadSnapshot(dir, { streamThresholdBytes: 0, streamInWorker: true })).toStrictEqual(inThread);
    expect(inThread.diagnostics.map((d) => `${d.file} ${d.code} ${d.line}`)).toEqual([`pods.json syntax ${list(pods).split('\n').findIndex((l) => l.includes('"p17"')) + 1}`]);
    expect(inThread.snapshot.pods).toHaveLength(29);
  });

  it('posts the reduced objects in batches of 100 (a string under V8’s large-object size), then what else the file said (in-thread)', async () => {
    const path = join(root, 'many.json');
    writeFileSync(path, list([...Array.from({ length: 250 }, (_, k) => pod(`p${k}`)), { metadata: { name: 'untyped' } }]));
    const messages: FileMessage[] = [];
    await runFileTask({ kind: 'file', path, file: 'pods.json' }, (m) => messages.push(m));
    const batches = messages.filter((m) => m.kind === 'objects').map((m) => (JSON.parse(m.json) as Array<{ name: string }>).map((p) => p.name));
    expect(batches.map((b) => b.length)).toEqual([100, 100, 51]);
    expect(batches.at(-1)?.at(-1)).toBe('untyped');
    expect(messages.at(-1)).toEqual({ kind: 'done', ok: true, diagnostics: [expect.objectContaining({ code: 'kind-from-file-name', file: 'pods.json' })], captured: [], unreadable: [] });

    writeFileSync(path, list([pod('a')], 2));
    const other: FileMessage[] = [];
    await runFileTask({ kind: 'file', path, file: 'pods.json' }, (m) => other.push(m));
    expect(other).toEqual([{ kind: 'done', ok: false }]);
  });
});
