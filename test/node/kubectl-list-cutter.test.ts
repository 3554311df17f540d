import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { boundaryBytes, cutKubectlList, nextBoundaryIn } from '../../src/node/kubectl-list-cutter.js';
import { ListItemSink, StagedObjects } from '../../src/node/list-item-sink.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { streamObjectFile } from '../../src/node/stream-objects.js';
import { SnapshotBuilder } from '../../src/snapshot/snapshot-builder.js';

const root = mkdtempSync(join(tmpdir(), 'netdoctor-cutter-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;

/** The file loaded both ways: cut at kubectl's boundaries (falling back to the splitter), and by the splitter alone. */
async function bothWays(content: string | Uint8Array, readBytes: number, name = 'pods.json') {
  const path = join(root, `${files++}-${name}`);
  writeFileSync(path, content);
  const cutter = new SnapshotBuilder();
  const splitter = new SnapshotBuilder();
  const cutStreamed = await streamObjectFile(path, name, cutter, { cutReadBytes: readBytes });
  const splitStreamed = await streamObjectFile(path, name, splitter, { cutAtKubectlBoundaries: false });
  const fast = await cutKubectlList(path, new ListItemSink(name, new StagedObjects()), { readBytes });
  return { fast, cutStreamed, splitStreamed, cut: cutter.finish(), split: splitter.finish() };
}

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels: { app: 'cart' }, annotations: { note: 'quote " and \\ backslash, },\n        { 中文' } },
  spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'cart:1', ports: [{ containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: '10.0.0.5' },
  ...extra,
});
/** `text` with an invalid UTF-8 byte after the first (or last) occurrence of `after`. */
const invalidAfter = (text: string, after: string, last = true) => {
  const at = (last ? text.lastIndexOf(after) : text.indexOf(after)) + after.length;
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]);
};
const kubectl = (items: unknown[], kind = 'List') => `${JSON.stringify({ apiVersion: 'v1', items, kind, metadata: { resourceVersion: '' } }, null, 4)}\n`;

describe('cutting a List at kubectl’s item boundaries', () => {
  it('takes the fast path on kubectl’s layout and gives the splitter’s snapshot, across reads of any size', async () => {
    const text = kubectl([pod('a'), pod('b'), { metadata: { name: 'untyped' } }, pod('c')]);
    for (const readBytes of [1, 7, 64, 1000, 1 << 20]) {
      const r = await bothWays(text, readBytes);
      expect(r.fast).toBe(true);
      expect(r.cut).toStrictEqual(r.split);
      expect(r.cut.snapshot.pods.map((p) => p.name)).toEqual(['a', 'b', 'c', 'untyped']); // untyped items wait for the List's kind, which may come at its end
      expect(r.cut.diagnostics.map((d) => d.code)).toEqual(['kind-from-file-name']);
    }
  });

  it('reads a typed List’s untyped items by the List’s kind, named before or after the items', async () => {
    const item = { metadata: { name: 'raw', namespace: 'shop' }, spec: {}, status: {} };
    const before = `${JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items: [item, item] }, null, 4)}\n`;
    const after = `${JSON.stringify({ apiVersion: 'v1', items: [item, item], kind: 'PodList' }, null, 4)}\n`;
    for (const text of [before, after]) {
      const r = await bothWays(text, 16, 'raw.json');
      expect(r.fast).toBe(true);
      expect(r.cut).toStrictEqual(r.split);
      expect(r.cut.snapshot.pods.map((p) => p.name)).toEqual(['raw', 'raw']);
    }
  });

  it('leaves every other layout and every broken file to the splitter, with its diagnostics', async () => {
    const text = kubectl([pod('a'), pod('b'), pod('c')]);
    const cases: Record<string, string | Uint8Array> = {
      compact: JSON.stringify({ items: [pod('a'), pod('b')], kind: 'List' }),
      twoSpaces: JSON.stringify({ items: [pod('a'), pod('b')], kind: 'List' }, null, 2),
      tabs: JSON.stringify({ items: [pod('a'), pod('b')], kind: 'List' }, null, '\t'),
      crlf: text.replace(/\n/g, '\r\n'),
      truncated: text.slice(0, text.indexOf('"c"') + 10),
      truncatedAtBoundary: text.slice(0, text.lastIndexOf('\n        },\n        {') + 11),
      malformed: text.replace('"name": "b"', '"name": "b",,'),
      trailing: `${text}}\n`,
      utf16: new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]),
      invalidUtf8: Buffer.concat([Buffer.from(text.slice(0, 200)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(200))]),
      // Each item is decoded on its own: every byte between them must still be decoded somewhere (here inside strings).
      invalidUtf8InHead: invalidAfter(text, '"apiVersion": "v', false),
      invalidUtf8MiddleItem: invalidAfter(text, '"name": "b'),
      invalidUtf8LastItem: invalidAfter(text, '"name": "c'),
      invalidUtf8InTail: invalidAfter(text, '"resourceVersion": "'),
      itemsInHead: text.replace('"apiVersion": "v1",', '"apiVersion": "v1", "x": {"items": [1]},'),
      emptyItems: kubectl([]),
      notAList: `${JSON.stringify(pod('whole'), null, 4)}\n`,
      // Another `items` array laid out the same way after the List's: its `]` is the last one.
      itemsLookalikeInTail: text.replace('"kind": "List"', '"kind": "List",\n    "more": [\n        {\n        }\n    ]'),
    };
    for (const [name, content] of Object.entries(cases)) {
      const r = await bothWays(content, 97);
      expect(r.cut, name).toStrictEqual(r.split);
      expect(r.cutStreamed, name).toBe(r.splitStreamed);
      if (name !== 'itemsLookalikeInTail') expect(r.fast, name).toBe(false);
    }
    const bom = await bothWays(`\uFEFF${text}`, 50);
    expect(bom.fast).toBe(true);
    expect(bom.cut).toStrictEqual(bom.split);
  });

  it('gives the splitter’s snapshot and diagnostics whatever the items hold and wherever the file breaks (property)', async () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant('\n        },\n        {'), fc.constant('}\n    ]'), fc.boolean(), fc.constant(null));
    const item = fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }), kind: fc.constantFrom('Pod', 'Service', undefined), extra: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(value, fc.array(fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 3 }), { maxLength: 3 })), { maxKeys: 4 }) });
    const edit = fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(',', '}', ']', '\n        },\n        {', '"', '\\', '{', '\n    ]', 'x') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 6 }), fc.constantFrom(4, '  ', '\t', 0), edit, fc.integer({ min: 1, max: 300 }), async (items, indent, change, readBytes) => {
        const objects = items.map(({ name, kind, extra }) => ({ ...(kind ? { kind } : {}), apiVersion: 'v1', metadata: { name, namespace: 'ns' }, spec: extra }));
        let text = `${JSON.stringify({ apiVersion: 'v1', items: objects, kind: 'List', metadata: {} }, null, indent)}\n`;
        if (change.kind === 'cut') text = text.slice(0, change.at % text.length);
        if (change.kind === 'insert') text = text.slice(0, change.at % text.length) + change.text + text.slice(change.at % text.length);
        const r = await bothWays(text, readBytes);
        expect(r.cut).toStrictEqual(r.split);
        if (indent === 4 && change.kind === 'none') expect(r.fast).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('reads a file item by item into the same snapshot as reading it whole (property)', async () => {
    const kindOf = fc.constantFrom('Pod', 'Service', 'Node', 'Event', 'ConfigMap', '', undefined, 7);
    const item = fc.record({ kind: kindOf, name: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }), labels: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }), note: fc.string({ maxLength: 12 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('List', 'PodList', 'ServiceList', undefined),
        fc.boolean(),
        fc.constantFrom('pods.json', 'services.json', 'things.json', 'cluster-resources/pods/shop.json'),
        fc.constantFrom('', ',', 'broken'),
        async (items, listKind, kindFirst, name, damage) => {
          const objects = items.map((i) => ({ ...(i.kind === undefined ? {} : { kind: i.kind }), apiVersion: 'v1', metadata: { ...(i.name === undefined ? {} : { name: i.name }), namespace: 'ns', labels: i.labels, annotations: { note: i.note } }, spec: { nodeName: 'n1', selector: i.labels }, data: { k: i.note } }));
          const doc = kindFirst ? { ...(listKind ? { kind: listKind } : {}), apiVersion: 'v1', items: objects } : { apiVersion: 'v1', items: objects, ...(listKind ? { kind: listKind } : {}), metadata: {} };
          let text = `${JSON.stringify(doc, null, 4)}\n`;
          if (damage === ',') text = text.replace(/}\n    \]/, '},\n    ]'); // near-JSON: the whole read takes it leniently
          if (damage === 'broken') text = text.replace('"apiVersion": "v1",\n            "metadata"', '"apiVersion": "v1",,\n            "metadata"');
          const dir = join(root, `whole-${files++}`);
          mkdirSync(join(dir, name, '..'), { recursive: true });
          writeFileSync(join(dir, name), text);
          const whole = await loadSnapshot(dir, { cutThresholdBytes: 1 << 30 });
          const cut = await loadSnapshot(dir, { cutThresholdBytes: 0 });
          expect(cut).toStrictEqual(whole);
          if (damage === '') expect(await cutKubectlList(join(dir, name), new ListItemSink(name, new StagedObjects()))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds an item boundary exactly where a search for the whole boundary does (property)', () => {
    const piece = fc.constantFrom('\n', ' ', '        ', '}', '},', ',', '{', '"', 'x', 'ü', '\n        },\n        {', '\n        },\n        ', '},\n        {');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), (pieces, from) => {
        const bytes = Buffer.from(pieces.join(''));
        const at = from % (bytes.length + 1);
        expect(nextBoundaryIn(bytes, at)).toBe(bytes.indexOf(boundaryBytes, at));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes each item on its own, never a text the size of a read (which V8 would put in large-object space)', async () => {
    const items = Array.from({ length: 400 }, (_, k) => pod(`p${k}`, { spec: { nodeName: 'n1', note: 'ü'.repeat(k % 50) } }));
    const path = join(root, `${files++}-pods.json`);
    writeFileSync(path, kubectl(items));
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    try {
      expect(await cutKubectlList(path, new ListItemSink('pods.json', new StagedObjects()), { readBytes: 64 * 1024 })).toBe(true);
      const lengths = decode.mock.calls.map(([input]) => (input as Uint8Array).byteLength);
      expect(lengths.length).toBeGreaterThan(400);
      expect(Math.max(...lengths)).toBeLessThan(2048);
    } finally {
      decode.mockRestore();
    }
  });
});
