/// <reference types="node" />
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { type BuiltSnapshot, type SnapshotFile, buildSnapshot } from '../snapshot/build-snapshot.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { SnapshotError } from '../errors.js';

/**
 * Loads a snapshot directory (layout of snapshot.md) or a single JSON/YAML
 * file. Throws SnapshotError only when `path` itself cannot be read; every
 * unreadable file inside becomes a diagnostic.
 */
export async function loadSnapshot(path: string): Promise<BuiltSnapshot> {
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    throw new SnapshotError('not-found', `cannot read snapshot ${path}: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { file: path, cause });
  }
  const diagnostics: Diagnostic[] = [];
  const files: SnapshotFile[] = [];
  if (info.isDirectory()) {
    for (const file of await listFiles(path, diagnostics)) {
      const rel = relative(path, file).split(sep).join('/');
      try {
        files.push({ path: rel, bytes: await readFile(file) });
      } catch (cause) {
        diagnostics.push(diagnostic('error', 'unreadable', `cannot read: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { file: rel }));
      }
    }
  } else {
    files.push({ path: basename(path), bytes: await readFile(path) });
  }
  const built = buildSnapshot(files);
  return { snapshot: built.snapshot, diagnostics: [...diagnostics, ...built.diagnostics] };
}

async function listFiles(dir: string, diagnostics: Diagnostic[]): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    diagnostics.push(diagnostic('error', 'unreadable', `cannot list directory: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, { file: dir }));
    return out;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, diagnostics)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
