import { availableParallelism } from 'node:os';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { preparedParses } from '../../src/facts/prepared-parses.js';
import { indexSnapshot } from '../../src/facts/snapshot-index.js';
import { scanIpvsadmForwarding } from '../../src/parsers/linux/ipvsadm-forwarding-scan.js';
import { parseHnsNetworks } from '../../src/parsers/windows/hns-networks.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { startObjectWorker } from '../../src/node/object-pool.js';
import { OutputPreparer } from '../../src/node/prepare-outputs.js';
import { fileText } from '../../src/snapshot/decode-text.js';
import { lazyTextMinChars } from '../../src/snapshot/lazy-text.js';
import { maskSecrets } from '../../src/snapshot/mask-secrets.js';
import { textVariants } from './text-variants.js';

/** The end of each worker loadSnapshot started (so a test can analyse once it is done), and the parses taken from one. */
const seams = vi.hoisted(() => ({ exits: [] as Promise<unknown>[], taken: [] as string[] }));
vi.mock('../../src/node/prepare-outputs.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/node/prepare-outputs.js')>();
  class Recorded extends original.OutputPreparer {
    override start(worker: Worker): boolean {
      const exit = new Promise((resolve) => worker.once('exit', resolve));
      const started = super.start(worker);
      if (started) seams.exits.push(exit);
      return started;
    }
  }
  return { ...original, OutputPreparer: Recorded };
});
vi.mock('../../src/snapshot/lazy-text.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/snapshot/lazy-text.js')>();
  return {
    ...original,
    preparedParse: (...args: Parameters<typeof original.preparedParse>) => {
      const result = original.preparedParse(...args);
      if (result) seams.taken.push(args[0].file);
      return result;
    },
  };
});

const root = mkdtempSync(join(tmpdir(), 'netdoctor-prepare-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ipvsFixture = new URL('../../snapshots/rules/x-kube-proxy-rules-missing/fires-ipvs-virtual-server-missing', import.meta.url).pathname;
const hnsFixture = new URL('../../snapshots/scenarios/win-flannel-rejoined-node', import.meta.url).pathname;

/** 10.0.0.12's ipvsadm padded past lazyTextMinChars: virtual servers on a documentation network and ports no Service uses, a row with a credential. */
function paddedIpvsadm(): string {
  const text = readFileSync(join(ipvsFixture, 'nodes', '10.0.0.12', 'ipvsadm'), 'utf8');
  const rows: string[] = ['TCP  198.51.100.9:40000 rr --password=hunter2'];
  for (let i = 0, length = 0; length < lazyTextMinChars + 4096; i++) {
    rows.push(`TCP  198.51.100.${i % 250}:${40_001 + (i % 20_000)} rr`, `  -> 203.0.113.${i % 250}:${8000 + (i % 1000)}         Masq    1      0          0         `);
    length += rows.at(-2)!.length + rows.at(-1)!.length + 2;
  }
  return `${text.trimEnd()}\n${rows.join('\n')}\n`;
}

/** win-worker-1's hns-networks.json with its networks repeated under other names past lazyTextMinChars. */
function paddedHnsNetworks(): string {
  const dump = JSON.parse(readFileSync(join(hnsFixture, 'nodes', 'win-worker-1', 'hns-networks.json'), 'utf8')) as { value: Array<Record<string, unknown>> };
  const networks = [...dump.value];
  const each = JSON.stringify(dump.value[0], null, 4).length;
  for (let i = 0; i * each < lazyTextMinChars + 4096; i++) networks.push({ ...dump.value[0], Name: `pad-${i}`, ID: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}` });
  return JSON.stringify({ value: networks }, null, 4);
}


let made = 0;
function copyWith(fixture: string, node: string, name: string, bytes: Uint8Array): string {
  const dir = join(root, `s${made++}`);
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(join(dir, 'nodes', node, name), bytes);
  return dir;
}

/** What the analysis sees of `file` through the index: value and diagnostics of its parse, as JSON (structured clone keeps Maps and typed arrays; JSON of both sides compares them alike). */
async function seen(dir: string, prepareOutputs: boolean, node: string, command: string, parse: (text: string, options: { file: string }) => unknown) {
  seams.taken.length = 0;
  // pods.json is small here: read in a worker all the same (as one over the cut threshold), which then goes on with the node outputs.
  const loaded = await loadSnapshot(dir, { prepareOutputs, streamInWorker: true, cutThresholdBytes: 1 });
  // Analysed once the worker is done: every prepared parse is then taken from it.
  await Promise.all(seams.exits.splice(0));
  const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
  const taken = [...seams.taken];
  const file = loaded.snapshot.nodeOutputs[node]?.commands[command];
  const parsed = file ? indexSnapshot(loaded.snapshot).parseResult(file, parse as never) : undefined;
  return { report, parsed, taken };
}

describe('node outputs parsed ahead in a worker (prepare-outputs.ts)', () => {
  // Every encoding a first read here handles (text-variants.ts): the worker must give the same.
  for (const [name, variant] of Object.entries(textVariants)) {
    it(`ipvsadm, ${name}: the same report and parse as read on the main thread`, async () => {
      const dir = copyWith(ipvsFixture, '10.0.0.12', 'ipvsadm', variant(paddedIpvsadm()));
      const ahead = await seen(dir, true, '10.0.0.12', 'ipvsadm', scanIpvsadmForwarding);
      const here = await seen(dir, false, '10.0.0.12', 'ipvsadm', scanIpvsadmForwarding);
      expect(ahead.taken).toEqual(availableParallelism() > 1 ? ['nodes/10.0.0.12/ipvsadm'] : []);
      expect(here.taken).toEqual([]);
      expect(ahead.report).toEqual(here.report);
      expect(ahead.parsed).toEqual(here.parsed);
      expect(ahead.report.findings.map((f) => [f.ruleId, f.subject.name])).toContainEqual(['tke-dns', 'kube-dns']);
      expect(JSON.stringify(ahead.report)).not.toContain('hunter2');
    });
  }

  it('hns-networks.json: the same report and parse as read on the main thread', async () => {
    const dir = copyWith(hnsFixture, 'win-worker-1', 'hns-networks.json', Buffer.from(paddedHnsNetworks()));
    const ahead = await seen(dir, true, 'win-worker-1', 'hns-networks', parseHnsNetworks);
    const here = await seen(dir, false, 'win-worker-1', 'hns-networks', parseHnsNetworks);
    expect(ahead.taken).toEqual(availableParallelism() > 1 ? ['nodes/win-worker-1/hns-networks.json'] : []);
    expect(ahead.report).toEqual(here.report);
    expect(ahead.parsed).toEqual(here.parsed);
  });
});

/** What a first read and parse on this thread give (lazy-text.ts Unread.read, then the parse). */
function inThread(full: string, path: string, command: keyof typeof preparedParses) {
  const bytes = readFileSync(full);
  const decoded: Diagnostic[] = [];
  const read = fileText({ bytes }, path, decoded)!;
  const text = maskSecrets(read);
  return { length: text.length, masked: text !== read, decoded, result: preparedParses[command](text, { file: path }) };
}

describe('OutputPreparer', () => {
  it.skipIf(availableParallelism() < 2)('hands over what the worker made, once; a file changed since the load, another command or a file it has not begun are read here', async () => {
    const dir = join(root, `p${made++}`);
    cpSync(ipvsFixture, dir, { recursive: true });
    const files = {
      plain: textVariants.plain(paddedIpvsadm()),
      invalid: textVariants['invalid utf-8 past the head'](paddedIpvsadm()),
      hns: Buffer.from(paddedHnsNetworks()),
      changed: textVariants.plain(paddedIpvsadm()),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const preparer = new OutputPreparer();
    const at = (name: string) => {
      const { size, mtimeMs } = statSync(join(dir, name));
      return { full: join(dir, name), path: `nodes/n/${name}`, size, mtimeMs };
    };
    expect(preparer.register(at('plain'), 'dmesg')).toBeUndefined();
    const take = {
      plain: preparer.register(at('plain'), 'ipvsadm')!,
      invalid: preparer.register(at('invalid'), 'ipvsadm')!,
      hns: preparer.register(at('hns'), 'hns-networks')!,
      changed: preparer.register(at('changed'), 'ipvsadm')!,
    };
    writeFileSync(join(dir, 'changed'), Buffer.concat([files.changed, Buffer.from('\n')]));
    const worker = startObjectWorker();
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    expect(preparer.start(worker)).toBe(true);
    await exited;

    expect(take.plain('ipvsadm')).toEqual(inThread(join(dir, 'plain'), 'nodes/n/plain', 'ipvsadm'));
    expect(take.plain('ipvsadm')).toBeUndefined();
    const invalid = take.invalid('ipvsadm');
    expect(invalid).toEqual(inThread(join(dir, 'invalid'), 'nodes/n/invalid', 'ipvsadm'));
    expect(invalid?.decoded.map((d) => d.code)).toEqual(['invalid-utf8']);
    expect(take.hns('ipvsadm')).toBeUndefined();
    expect(take.hns('hns-networks')).toEqual(inThread(join(dir, 'hns'), 'nodes/n/hns', 'hns-networks'));
    expect(take.changed('ipvsadm')).toBeUndefined();
  });

  it('not started (no file to prepare, or a worker that is gone): every file is read where it is asked for', async () => {
    const worker = startObjectWorker();
    expect(new OutputPreparer().start(worker)).toBe(false);
    await worker.terminate();
    const preparer = new OutputPreparer();
    const take = preparer.register({ full: join(root, 'none'), path: 'nodes/n/ipvsadm', size: 1, mtimeMs: 0 }, 'ipvsadm')!;
    preparer.start(worker);
    expect(take('ipvsadm')).toBeUndefined();
  });

  it('a load without the pods.json worker prepares nothing', async () => {
    const dir = copyWith(ipvsFixture, '10.0.0.12', 'ipvsadm', Buffer.from(paddedIpvsadm()));
    seams.taken.length = 0;
    seams.exits.length = 0;
    const loaded = await loadSnapshot(dir, { streamInWorker: false, cutThresholdBytes: 1 });
    expect(seams.exits).toEqual([]);
    await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    expect(seams.taken).toEqual([]);
  });
});
