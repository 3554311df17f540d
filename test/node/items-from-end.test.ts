import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateSnapshot } from '../../bench/generate.js';
import { FileInWorker, decodeObjects } from '../../src/node/file-in-worker.js';
import { type FileMessage, type StoppedAt, runFileTask } from '../../src/node/file-task.js';
import { ItemChunks, fromEnd } from '../../src/node/item-chunks.js';
import { joinShares, readItemsFromEnd } from '../../src/node/items-from-end.js';
import { StagedObjects } from '../../src/node/list-item-sink.js';
import { SharedValueDecoder } from '../../src/node/shared-values.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { streamObjectFile } from '../../src/node/stream-objects.js';
import { SnapshotBuilder } from '../../src/snapshot/snapshot-builder.js';

const root = mkdtempSync(join(tmpdir(), 'netdoctor-from-end-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;

const pod = (name: string, note: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', annotations: { note } },
  spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'cart:1' }] },
  status: { phase: 'Running' },
});
const list = (items: unknown[], indent: number | string = 4, kind = 'List') => `${JSON.stringify({ apiVersion: 'v1', items, kind, metadata: { resourceVersion: '' } }, null, indent)}\n`;
/** A typed List (`kubectl get --raw`) naming its kind before the items, which omit theirs. */
const typedList = (items: unknown[]) => `${JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items }, null, 4)}\n`;

/**
 * The file read in two shares, in this thread: the front reader (runFileTask, as in the worker)
 * up to chunk `meet`, this thread's readItemsFromEnd from there to the end; joined as loadSnapshot does.
 */
async function inTwoShares(path: string, file: string, chunkBytes: number, meet: number) {
  const chunks = ItemChunks.forFile(statSync(path).size, chunkBytes);
  const claims = new Int32Array(chunks.shared);
  for (let k = Math.max(1, meet); k < chunks.count; k++) claims[k] = fromEnd; // the end is taken: the front reader stops at `meet`
  const staged = new StagedObjects();
  const shared = new SharedValueDecoder();
  let stopped: StoppedAt | undefined;
  let ok = true;
  await runFileTask({ kind: 'file', path, file, chunks: { shared: chunks.shared, chunkBytes } }, (m: FileMessage) => {
    if (m.kind === 'objects') return staged.addReduced(decodeObjects(m, shared));
    if (!m.ok) return void (ok = false);
    staged.addNotes(m);
    stopped = m.stopped;
  });
  claims.fill(0, Math.max(1, meet));
  const end = await readItemsFromEnd(path, file, chunks);
  const joined = joinShares(file, ok ? staged : undefined, stopped, end);
  if (!joined) return { joined: false as const, fromEnd: end, stopped };
  const builder = new SnapshotBuilder();
  joined.commitTo(builder);
  return { joined: true as const, built: builder.finish(), fromEnd: end, stopped };
}

async function bySplitter(path: string, file: string) {
  const builder = new SnapshotBuilder();
  await streamObjectFile(path, file, builder, { cutAtKubectlBoundaries: false });
  return builder.finish();
}

describe('a List read from both ends (the worker from the front, the main thread from the end)', () => {
  it('gives the splitter’s objects, indexes and diagnostics wherever the readers meet, on kubectl’s layout', async () => {
    const notes = fc.oneof(fc.string(), fc.constantFrom('},\n        {', '中文 ünïcode', '\n        },\n        {', '"quoted" \\ x'));
    await fc.assert(
      fc.asyncProperty(fc.array(notes, { minLength: 1, maxLength: 40 }), fc.integer({ min: 64, max: 4096 }), fc.nat(200), fc.boolean(), async (texts, chunkBytes, meetAt, typed) => {
        const items = texts.map((note, k) => (typed ? { metadata: { name: `p${k}`, namespace: 'shop', annotations: { note } }, spec: {}, status: {} } : pod(`p${k}`, note)));
        const path = join(root, `${files++}-pods.json`);
        writeFileSync(path, typed ? typedList(items) : list(items));
        const count = ItemChunks.forFile(statSync(path).size, chunkBytes).count;
        const meet = 1 + (meetAt % count);
        const r = await inTwoShares(path, 'pods.json', chunkBytes, meet);
        expect(r.joined).toBe(true);
        const split = await bySplitter(path, 'pods.json');
        expect(r.joined && r.built).toStrictEqual(split);
        expect(JSON.stringify(r.joined && r.built)).toBe(JSON.stringify(split));
        // Each share holds what starts in its chunks: the front reader stopped unless the end held no item start.
        if (r.stopped) expect(r.stopped.items + (typeof r.fromEnd === 'object' ? r.fromEnd.objects.length : 0)).toBe(items.length);
      }),
      { numRuns: 150 },
    );
  });

  it('decodes each item of a chunk on its own (items of a few KiB, 64 KiB chunks)', async () => {
    const items = Array.from({ length: 90 }, (_, k) => pod(`p${k}`, `${'ü'.repeat(k * 37)}},\n        {${'x'.repeat(3000)}`));
    const path = join(root, `${files++}-pods.json`);
    writeFileSync(path, list(items));
    const split = await bySplitter(path, 'pods.json');
    const largest = Math.max(...items.map((item) => Buffer.byteLength(JSON.stringify(item, null, 4)) + 8 * 30));
    for (const meet of [1, 2, 3, 4]) {
      const decode = vi.spyOn(TextDecoder.prototype, 'decode');
      const r = await inTwoShares(path, 'pods.json', 64 * 1024, meet);
      const lengths = decode.mock.calls.map(([input]) => (input as Uint8Array).byteLength);
      decode.mockRestore();
      expect(r.joined).toBe(true);
      expect(typeof r.fromEnd === 'object' && r.fromEnd.objects.length).toBeGreaterThan(20);
      expect(r.joined && r.built).toStrictEqual(split);
      // the head and the tail of the List, then one text per item, each smaller than the largest item indented
      expect(lengths.length).toBeGreaterThanOrEqual(items.length);
      expect(Math.max(...lengths)).toBeLessThan(largest);
    }
  });

  it('declines, and the file is read again in one thread, for any other layout or a broken file', async () => {
    const items = Array.from({ length: 30 }, (_, k) => pod(`p${k}`, 'x'.repeat(k * 7)));
    const kubectl = list(items);
    const variants: Record<string, string | Uint8Array> = {
      compact: JSON.stringify({ apiVersion: 'v1', items, kind: 'List' }),
      twoSpaces: list(items, 2),
      tabs: list(items, '\t'),
      // the List's kind after its items: their kind is known only at the end, which the worker would have to wait for
      typedAfterItems: list(items.map(({ kind: _, ...rest }) => rest), 4, 'PodList'),
      crlf: kubectl.replace(/\n/g, '\r\n'),
      truncated: kubectl.slice(0, Math.floor(kubectl.length * 0.8)),
      malformedLate: kubectl.replace('"name": "p27"', '"name": "p27",,'),
      malformedEarly: kubectl.replace('"name": "p2"', '"name": "p2",,'),
      untypedLate: kubectl.replace('"kind": "Pod",\n            "metadata": {\n                "name": "p27"', '"metadata": {\n                "name": "p27"'),
      invalidUtf8Late: Buffer.concat([Buffer.from(kubectl.slice(0, kubectl.length - 300)), Buffer.from([0xff, 0xfe]), Buffer.from(kubectl.slice(kubectl.length - 298))]),
    };
    expect(variants.untypedLate).not.toBe(kubectl);
    for (const [name, content] of Object.entries(variants)) {
      const path = join(root, `${files++}-pods.json`);
      writeFileSync(path, content);
      const r = await inTwoShares(path, 'pods.json', 512, 3);
      expect(r.joined, name).toBe(false);
      // what loadSnapshot then gives: the one-thread load, diagnostics included
      const dir = join(root, `${files++}-${name}`);
      rmSync(dir, { recursive: true, force: true });
      await import('node:fs').then((fs) => fs.mkdirSync(dir));
      writeFileSync(join(dir, 'pods.json'), content);
      const oneThread = await loadSnapshot(dir, { streamThresholdBytes: 0, streamInWorker: false });
      expect(await loadSnapshot(dir, { streamThresholdBytes: 0, streamInWorker: true }), name).toStrictEqual(oneThread);
    }
  });

  it('reads with a byte order mark, and a typed List whose items omit their kind', async () => {
    const items = Array.from({ length: 25 }, (_, k) => ({ metadata: { name: `raw${k}`, namespace: 'shop' }, spec: {}, status: {} }));
    const path = join(root, `${files++}-raw.json`);
    writeFileSync(path, `\uFEFF${typedList(items)}`);
    const r = await inTwoShares(path, 'raw.json', 256, 2);
    expect(r.joined).toBe(true);
    expect(typeof r.fromEnd === 'object' && r.fromEnd.objects.length).toBeGreaterThan(10);
    expect(r.joined && r.built).toStrictEqual(await bySplitter(path, 'raw.json'));
  });

  it('meets the worker thread anywhere and gives the one-thread snapshot (generated cluster)', async () => {
    const generated = generateSnapshot({ scale: 0.003, seed: 11, dir: join(root, 'generated') });
    const inThread = await loadSnapshot(generated.dir, { streamThresholdBytes: 64 * 1024, streamInWorker: false });
    const path = join(generated.dir, 'pods.json');
    const worker = FileInWorker.start(path, 'pods.json', false, { size: statSync(path).size, chunkBytes: 64 * 1024 })!;
    try {
      const staged = await worker.complete();
      expect(staged).toBeDefined();
      expect(worker.takenFromEnd).toBeGreaterThan(0);
      const builder = new SnapshotBuilder();
      staged!.commitTo(builder);
      const built = builder.finish();
      expect(built.snapshot.pods).toStrictEqual(inThread.snapshot.pods);
      expect(built.diagnostics).toStrictEqual(inThread.diagnostics.filter((d) => d.file === 'pods.json'));
    } finally {
      await worker.close();
    }
    expect(await loadSnapshot(generated.dir, { streamThresholdBytes: 64 * 1024, streamInWorker: true })).toStrictEqual(inThread);
  });
});
