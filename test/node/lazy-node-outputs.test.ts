import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';
import { filesOf } from './files-of.js';
import { lazyTextMinChars, textLength } from '../../src/snapshot/lazy-text.js';
import type { TextFile } from '../../src/snapshot/schema.js';

const root = mkdtempSync(join(tmpdir(), 'netdoctor-lazy-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A text held by the file itself (not read again through a getter). */
const held = (file: TextFile) => Object.getOwnPropertyDescriptor(file, 'text')?.value !== undefined;

/**
 * The rule fixture where kube-proxy on 10.0.0.13 lacks shop/web, with both nodes' iptables-save padded past
 * lazyTextMinChars by comment lines (one of them naming a credential, to be masked), and a large lsmod no
 * rule reads (the unread-file check parses it).
 */
function paddedSnapshot(name: string): string {
  const dir = join(root, name);
  cpSync(new URL('../../snapshots/rules/x-kube-proxy-rules-missing/fires-iptables-service-missing', import.meta.url).pathname, dir, { recursive: true });
  const padding = Array.from({ length: 12_000 }, (_, i) => `# padding ${i} ${'x'.repeat(80)}`);
  for (const node of ['10.0.0.12', '10.0.0.13']) {
    const path = join(dir, 'nodes', node, 'iptables-save');
    const [first, ...rest] = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, [first, '# restored with --password=hunter2 from backup', ...padding, ...rest].join('\n'));
  }
  const modules = Array.from({ length: 40_000 }, (_, i) => `nf_pad_${i}               16384  0`);
  writeFileSync(join(dir, 'nodes', '10.0.0.12', 'lsmod'), ['Module                  Size  Used by', ...modules, ''].join('\n'));
  return dir;
}

describe('large node outputs read again when used (lazy-text.ts)', () => {
  it('loads the same snapshot and report as holding every text, without holding the large ones', async () => {
    const dir = paddedSnapshot('same');
    const loaded = await loadSnapshot(dir);
    const eager = buildSnapshot(filesOf(dir));
    const outputs = loaded.snapshot.nodeOutputs;
    const save = outputs['10.0.0.13']!.commands['iptables-save']!;
    expect(textLength(save)).toBeGreaterThanOrEqual(lazyTextMinChars);
    expect(held(save)).toBe(false);
    expect(held(outputs['10.0.0.12']!.commands.lsmod!)).toBe(false);
    expect(save.text).toContain('--password=<redacted> from backup');
    expect(save.text).not.toContain('hunter2');
    expect(textLength(save)).toBe(save.text.length);
    expect(loaded.snapshot).toEqual(eager.snapshot);
    expect(JSON.stringify(loaded.snapshot)).toBe(JSON.stringify(eager.snapshot));
    expect(loaded.diagnostics).toEqual(eager.diagnostics);

    const lazyReport = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    const eagerReport = await analyze(eager.snapshot, { diagnostics: eager.diagnostics });
    expect(lazyReport).toEqual(eagerReport);
    expect(lazyReport.findings.map((f) => [f.ruleId, f.subject.name])).toEqual([
      ['tke-service-rules', 'web'],
      ['tke-service-unreachable', 'web'],
    ]);
    expect(lazyReport.diagnostics.filter((d) => d.code === 'unread-file').map((d) => d.file)).toContain('nodes/10.0.0.12/lsmod');
  });

  // The Node entry reads every file again into one reused buffer: a shorter file after a longer one, and
  // the longer one again, must each read as itself.
  it('reads files of different sizes again, one after the other, each as itself', async () => {
    const dir = paddedSnapshot('sizes');
    const long = join(dir, 'nodes', '10.0.0.12', 'iptables-save');
    appendFileSync(long, `${'# longer\n'.repeat(5_000)}`);
    const loaded = await loadSnapshot(dir);
    const commands = (node: string) => loaded.snapshot.nodeOutputs[node]!.commands;
    const onDisk = (node: string) => readFileSync(join(dir, 'nodes', node, 'iptables-save'), 'utf8').replace('--password=hunter2', '--password=<redacted>');
    const [a, b] = [commands('10.0.0.12')['iptables-save']!, commands('10.0.0.13')['iptables-save']!];
    expect(textLength(a)).toBeGreaterThan(textLength(b));
    expect([a.text === onDisk('10.0.0.12'), b.text === onDisk('10.0.0.13'), commands('10.0.0.12').lsmod!.text.startsWith('Module')]).toEqual([true, true, true]);
    expect(a.text).toBe(onDisk('10.0.0.12'));
  });

  it('holds every text with holdNodeOutputs', async () => {
    const dir = paddedSnapshot('held');
    const loaded = await loadSnapshot(dir, { holdNodeOutputs: true });
    const save = loaded.snapshot.nodeOutputs['10.0.0.13']!.commands['iptables-save']!;
    expect(held(save)).toBe(true);
    expect(loaded.snapshot).toEqual((await loadSnapshot(dir)).snapshot);
  });

  it('keeps small node outputs as text', async () => {
    const loaded = await loadSnapshot(new URL('../../snapshots/rules/x-kube-proxy-rules-missing/fires-iptables-service-missing', import.meta.url).pathname);
    expect(held(loaded.snapshot.nodeOutputs['10.0.0.13']!.commands['iptables-save']!)).toBe(true);
  });

  it('says so, and analyses the rest, when a file changed after loading', async () => {
    const dir = paddedSnapshot('changed');
    const loaded = await loadSnapshot(dir);
    appendFileSync(join(dir, 'nodes', '10.0.0.13', 'iptables-save'), '# one more line\n');
    appendFileSync(join(dir, 'nodes', '10.0.0.12', 'lsmod'), 'nf_more 16384 0\n');
    expect(() => loaded.snapshot.nodeOutputs['10.0.0.13']!.commands['iptables-save']!.text).toThrow(/changed since the snapshot was loaded/);
    const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect([...new Set(errors.map((d) => `${d.code} ${d.file}`))]).toEqual([
      'unreadable nodes/10.0.0.12/lsmod',
      'rule-failed rules/tke/tke-dns.yaml',
      'rule-failed rules/tke/tke-service-rules.yaml',
      'rule-failed rules/tke/tke-service-unreachable.yaml',
      'rule-failed rules/x/x-kube-proxy-rules-missing.yaml',
    ]);
    expect(errors.every((d) => d.message.includes('changed since the snapshot was loaded'))).toBe(true);
    // The rules that read other data still run.
    expect(report.summary.evaluated).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.ruleId)).toEqual([]);
  });

  it('says so when the directory is gone before the analysis', async () => {
    const dir = paddedSnapshot('gone');
    const loaded = await loadSnapshot(dir);
    rmSync(dir, { recursive: true });
    const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.find((d) => d.file === 'nodes/10.0.0.12/lsmod')?.message).toBe(
      'could not be read again: cannot read the file again (ENOENT): keep the snapshot directory in place until the analysis ends',
    );
    expect(errors.length).toBeGreaterThan(1);
    expect(errors.every((d) => d.message.includes('cannot read the file again (ENOENT)') && !d.message.includes(root))).toBe(true);
  });
});
