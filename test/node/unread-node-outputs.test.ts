import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';
import { filesOf } from './files-of.js';
import { maxCheckedUnreadChars } from '../../src/facts/file-coverage.js';
import { lazyTextMinChars } from '../../src/snapshot/lazy-text.js';
import { lateByte, type TextVariant, textVariants } from './text-variants.js';

/** Paths the loader read whole (readFile, or a FileHandle's readFile) — not the head an unread file's check reads. */
const readWhole = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    readFile: (path: string, ...rest: []) => (readWhole.push(String(path)), fs.readFile(path, ...rest)),
    open: async (path: string, ...rest: []) => {
      const handle = await fs.open(path, ...rest);
      const readFile = handle.readFile.bind(handle);
      handle.readFile = ((...args: []) => (readWhole.push(String(path)), readFile(...args))) as typeof handle.readFile;
      return handle;
    },
  };
});

const root = mkdtempSync(join(tmpdir(), 'netdoctor-unread-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => void (readWhole.length = 0));

const fixture = new URL('../../snapshots/rules/x-kube-proxy-rules-missing/fires-iptables-service-missing', import.meta.url).pathname;

/** 10.0.0.13's iptables-save (rules read it) padded past lazyTextMinChars, with a credential on its second line. */
function paddedSave(): string {
  const [first, ...rest] = readFileSync(join(fixture, 'nodes', '10.0.0.13', 'iptables-save'), 'utf8').split('\n');
  const padding = Array.from({ length: 12_000 }, (_, i) => `# padding ${i} ${'x'.repeat(80)}`);
  return [first, '# restored with --password=hunter2 from backup', ...padding, ...rest].join('\n');
}

/** An lsmod no rule reads: about 1.4 MB (checked by its parser), or over maxCheckedUnreadChars (not checked). */
function lsmod(modules: number): string {
  return ['Module                  Size  Used by', ...Array.from({ length: modules }, (_, i) => `nf_pad_${i}               16384  0`), ''].join('\n');
}

/** How each variant writes a text: the encodings and damage `fileText` handles, and two binary files. */
const variants: Record<string, TextVariant> = {
  ...textVariants,
  'binary (NUL at the start)': (text) => Buffer.from(`\u0000${text}`),
  'NUL past the first 4096 characters': (text) => lateByte(text, 0),
};

let made = 0;
/** The fixture with 10.0.0.13's iptables-save and 10.0.0.12's lsmod written as `variant` writes them. */
function snapshotDir(variant: (text: string) => Uint8Array, modules = 40_000): string {
  const dir = join(root, `s${made++}`);
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(join(dir, 'nodes', '10.0.0.13', 'iptables-save'), variant(paddedSave()));
  writeFileSync(join(dir, 'nodes', '10.0.0.12', 'lsmod'), variant(lsmod(modules)));
  return dir;
}

const loadedWhole = () => readWhole.filter((path) => /10\.0\.0\.13\/iptables-save|lsmod/.test(path));

describe('large node outputs of known commands are not read at load (lazy-text.ts unreadTextFile)', () => {
  for (const [name, variant] of Object.entries(variants)) {
    it(`${name}: the same texts, diagnostics and report as reading every file whole`, async () => {
      const dir = snapshotDir(variant);
      const loaded = await loadSnapshot(dir);
      expect(loadedWhole()).toEqual([]);
      const eager = buildSnapshot(filesOf(dir));
      const lazyReport = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
      const eagerReport = await analyze(eager.snapshot, { diagnostics: eager.diagnostics });
      expect(lazyReport).toEqual(eagerReport);
      expect(loaded.snapshot).toEqual(eager.snapshot);
      const save = loaded.snapshot.nodeOutputs['10.0.0.13']?.commands['iptables-save'];
      if (name.startsWith('binary')) {
        expect(save).toBeUndefined();
        expect(lazyReport.diagnostics.filter((d) => d.code === 'binary-file').map((d) => d.file)).toEqual(['nodes/10.0.0.12/lsmod', 'nodes/10.0.0.13/iptables-save']);
      } else {
        expect(save?.text).toContain('# restored with --password=<redacted> from backup\n# padding 0 ');
        expect(save?.text).not.toMatch(/hunter2|\r/);
        expect(lazyReport.findings.map((f) => [f.ruleId, f.subject.name])).toEqual([
          ['tke-service-rules', 'web'],
          ['tke-service-unreachable', 'web'],
        ]);
      }
    });
  }

  it('says what decoding said at load when it can (the head), the rest with the report', async () => {
    const dir = snapshotDir(variants['invalid utf-8 past the head']!);
    const loaded = await loadSnapshot(dir);
    const eager = buildSnapshot(filesOf(dir));
    const invalid = (list: ReadonlyArray<{ code: string; file?: string }>) => list.filter((d) => d.code === 'invalid-utf8').map((d) => d.file);
    expect(invalid(eager.diagnostics)).toEqual(['nodes/10.0.0.12/lsmod', 'nodes/10.0.0.13/iptables-save']);
    expect(invalid(loaded.diagnostics)).toEqual([]);
    // One rule-read file, one file only the unread-file check reads: both say it in every report.
    const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    expect(invalid(report.diagnostics)).toEqual(['nodes/10.0.0.12/lsmod', 'nodes/10.0.0.13/iptables-save']);
    expect(invalid((await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics, only: ['x-svc-no-endpoints'] })).diagnostics)).toEqual(invalid(report.diagnostics));

    const utf16 = await loadSnapshot(snapshotDir(variants['utf-16le without BOM']!));
    expect(utf16.diagnostics.filter((d) => d.code === 'utf16-without-bom').map((d) => d.file)).toEqual(['nodes/10.0.0.12/lsmod', 'nodes/10.0.0.13/iptables-save']);
  });

  it('a file over the unread-file check limit that no rule reads: named by its size, not read as text, its decoding still checked', async () => {
    const modules = Math.ceil(maxCheckedUnreadChars / 34);
    for (const [name, variant] of Object.entries(variants)) {
      if (name.startsWith('binary')) continue;
      const dir = snapshotDir(variant, modules);
      const loaded = await loadSnapshot(dir);
      const lsmodFile = loaded.snapshot.nodeOutputs['10.0.0.12']!.commands.lsmod!;
      const eager = buildSnapshot(filesOf(dir));
      expect(eager.snapshot.nodeOutputs['10.0.0.12']!.commands.lsmod!.text.length, name).toBeGreaterThan(maxCheckedUnreadChars);
      const about = (report: { diagnostics: ReadonlyArray<{ file?: string }> }) => report.diagnostics.filter((d) => d.file === 'nodes/10.0.0.12/lsmod');
      const lazyReport = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
      expect(about(lazyReport), name).toEqual(about(await analyze(eager.snapshot, { diagnostics: eager.diagnostics })));
      expect(about(lazyReport).map((d) => (d as { code: string }).code), name).toContain('unread-file');
      if (name === 'plain') expect(Object.getOwnPropertyDescriptor(lsmodFile, 'text')?.get).toBeDefined();
    }
  });

  it('a file replaced after loading by one of the same size and time is read as it is then, and masked', async () => {
    const dir = snapshotDir(variants.plain!);
    const path = join(dir, 'nodes', '10.0.0.13', 'iptables-save');
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    const loaded = await loadSnapshot(dir);
    writeFileSync(path, readFileSync(path, 'utf8').replace('# padding 5 ', '--token=abc '));
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    // Not read at load, so nothing of it was held or judged then: the first read decodes and masks what is there.
    expect(loaded.snapshot.nodeOutputs['10.0.0.13']!.commands['iptables-save']!.text).toContain('\n--token=<redacted> ');
  });

  it('reads at load a large node output whose name must be sniffed, and small ones, as before', async () => {
    const dir = snapshotDir(variants.plain!);
    writeFileSync(join(dir, 'nodes', '10.0.0.12', 'iptables-backup.txt'), paddedSave());
    const loaded = await loadSnapshot(dir);
    expect(readWhole.filter((path) => path.includes('iptables-backup'))).toHaveLength(1);
    expect(loadedWhole().filter((path) => !path.includes('iptables-backup'))).toEqual([]);
    expect(loaded.diagnostics.find((d) => d.file === 'nodes/10.0.0.12/iptables-backup.txt')?.code).toBe('sniffed-output');
    expect(readWhole.some((path) => path.endsWith('pods.json'))).toBe(true);
    expect(statSync(join(dir, 'nodes', '10.0.0.13', 'iptables-save')).size).toBeGreaterThanOrEqual(lazyTextMinChars);
  });
});
