import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readArchive, safePath } from '../../../src/snapshot/archive/read-archive.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';

/** A ustar archive of regular files (and an optional symlink), written the way `tar` does. */
function tar(entries: Array<{ path: string; text?: string; link?: string }>): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.text ?? '');
    const h = Buffer.alloc(512);
    h.write(e.path.slice(0, 100), 0);
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    h.write('00000000000\0', 136);
    h.write(e.link ? '2' : '0', 156);
    if (e.link) h.write(e.link, 157);
    h.write('ustar\0', 257);
    h.write('00', 263);
    h.fill(' ', 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return new Uint8Array(Buffer.concat(blocks));
}

describe('readArchive', () => {
  it('reads files of a .tar.gz and of a plain .tar', () => {
    const bytes = tar([{ path: 'b/nodes.json', text: '{}' }, { path: './b/x.txt', text: 'hi' }]);
    for (const input of [bytes, new Uint8Array(gzipSync(bytes))]) {
      const { files, diagnostics } = readArchive('a.tar.gz', input);
      expect(diagnostics).toEqual([]);
      expect(files.map((f) => [f.path, Buffer.from(f.bytes ?? []).toString()])).toEqual([['b/nodes.json', '{}'], ['b/x.txt', 'hi']]);
    }
  });

  it('skips entries that climb out or are absolute, and says so', () => {
    const { files, diagnostics } = readArchive('a.tgz', tar([{ path: '../../etc/passwd', text: 'x' }, { path: '/etc/shadow', text: 'y' }, { path: 'ok.txt', text: 'z' }]));
    expect(files.map((f) => f.path)).toEqual(['ok.txt']);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['archive-unsafe-path', 'entry "../../etc/passwd" points outside the archive (absolute or ..); skipped'],
      ['archive-unsafe-path', 'entry "/etc/shadow" points outside the archive (absolute or ..); skipped'],
    ]);
    expect(safePath('a/./b//c')).toBe('a/b/c');
    expect(safePath('C:/x')).toBeUndefined();
  });

  it('stops at the entry limit and refuses to expand past the size limit', () => {
    const many = tar(Array.from({ length: 5 }, (_, i) => ({ path: `f${i}`, text: 'x' })));
    const limited = readArchive('a.tar', many, { maxEntries: 3 });
    expect(limited.files).toHaveLength(3);
    expect(limited.diagnostics).toMatchObject([{ severity: 'error', code: 'archive-too-many-entries', file: 'a.tar' }]);
    const bomb = new Uint8Array(gzipSync(tar([{ path: 'zeros', text: '\0'.repeat(5_000_000) }])));
    expect(bomb.length).toBeLessThan(20_000);
    const big = readArchive('bomb.tar.gz', bomb, { maxExpandedBytes: 1_000_000 });
    expect(big.files).toEqual([]);
    expect(big.diagnostics).toEqual([{ severity: 'error', code: 'archive-too-large', message: 'archive not read: expands to more than 1000000 bytes', file: 'bomb.tar.gz' }]);
  });

  it('reports a corrupt or truncated archive and keeps the entries before the damage', () => {
    const bytes = tar([{ path: 'a', text: 'x' }, { path: 'b', text: 'y'.repeat(2000) }]);
    const cut = readArchive('t.tar', bytes.subarray(0, 1536));
    expect(cut.files.map((f) => f.path)).toEqual(['a']);
    expect(cut.diagnostics).toMatchObject([{ code: 'archive-corrupt', message: 'archive ends inside an entry at byte 1024 (truncated); entries before it were read' }]);
    const garbled = bytes.slice();
    garbled[1030] = 0x41;
    expect(readArchive('t.tar', garbled).diagnostics).toMatchObject([{ code: 'archive-corrupt', message: expect.stringContaining('checksum mismatch') }]);
    expect(readArchive('g.tar.gz', new Uint8Array([0x1f, 0x8b, 1, 2, 3])).diagnostics).toMatchObject([{ code: 'archive-corrupt' }]);
  });

  it('counts links without following them', () => {
    const { files, diagnostics } = readArchive('l.tar', tar([{ path: 'real.log', text: 'x' }, { path: 'all-logs/real.log', link: '../real.log' }]));
    expect(files.map((f) => f.path)).toEqual(['real.log']);
    expect(diagnostics).toMatchObject([{ severity: 'info', code: 'archive-links-skipped' }]);
  });
});

describe('a snapshot folder archived whole', () => {
  const scenario = new URL('../../../snapshots/scenarios/ack-terway-out-of-ips/', import.meta.url).pathname;
  const files = (readdirSync(scenario, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => {
      const full = `${e.parentPath.replace(/\/$/, '')}/${e.name}`;
      return { path: full.slice(scenario.length), text: readFileSync(full, 'utf8') };
    });
  const asFolder = buildSnapshot(files.map((f) => ({ path: f.path, text: f.text })));

  it('(`tar czf snap.tar.gz snap/`) reads as the folder does: manifest, cloud/ and nodes/ in their places', () => {
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['snapshot.yaml', expect.stringMatching(/^cloud\//), expect.stringMatching(/^nodes\//)]));
    const archived = buildSnapshot([{ path: 'snap.tar.gz', bytes: new Uint8Array(gzipSync(tar(files.map((f) => ({ path: `snap/${f.path}`, text: f.text }))))) }]);
    expect(archived.diagnostics).toEqual(asFolder.diagnostics);
    expect(JSON.stringify(archived.snapshot)).toBe(JSON.stringify(asFolder.snapshot));
  });

  it('keeps the folder when it is one of the layout\'s own (an archive of nodes/ only)', () => {
    const nodesOnly = files.filter((f) => f.path.startsWith('nodes/'));
    const archived = buildSnapshot([{ path: 'n.tar', bytes: tar(nodesOnly) }]);
    expect(JSON.stringify(archived.snapshot.nodeOutputs)).toBe(JSON.stringify(buildSnapshot(nodesOnly.map((f) => ({ path: f.path, text: f.text }))).snapshot.nodeOutputs));
  });
});
