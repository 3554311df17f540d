/// <reference types="node" />
import { chmod, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { SnapshotError } from '../errors.js';
import { type RedactionManifest, redactSnapshotFiles, redactionManifestName } from '../redact/redact-files.js';
import { generateRedactionKey, keyToHex } from '../redact/prf.js';
import type { SnapshotFile } from '../snapshot/snapshot-file.js';

export interface RedactSnapshotOptions {
  /** The redaction key; generated (and written to `<outDir>.key`) when absent. */
  key?: Uint8Array;
}

export interface RedactSnapshotResult {
  outDir: string;
  /** `<outDir>.key` when the key was generated (mode 0600); undefined when the caller gave it. */
  keyFile?: string;
  /** `<outDir>.mapping.json` (mode 0600): original → pseudonym, to map a report back. */
  mappingFile: string;
  manifest: RedactionManifest;
}

/**
 * Writes a redacted copy of a snapshot (a directory, a `.tar.gz` / `.tgz` / `.tar`, or
 * one file) to `outDir`, with `redaction-manifest.json` inside. The key and the mapping
 * go beside the copy, never inside it (`<outDir>.key`, `<outDir>.mapping.json`, mode
 * 0600), so the directory can be sent as it is. `outDir` must not exist or be empty,
 * and must not lie inside the snapshot.
 */
export async function redactSnapshot(snapshotPath: string, outDir: string, options: RedactSnapshotOptions = {}): Promise<RedactSnapshotResult> {
  const info = await stat(snapshotPath).catch((cause: NodeJS.ErrnoException) => {
    throw new SnapshotError('not-found', `cannot read snapshot ${snapshotPath}: ${cause.code ?? 'error'}`, { file: snapshotPath, cause });
  });
  const source = resolve(snapshotPath);
  const target = resolve(outDir);
  if (target === source || target.startsWith(source + sep) || source.startsWith(target + sep)) {
    throw new SnapshotError('invalid-output', `the redacted copy ${outDir} must not be inside the snapshot, nor hold it`, { file: outDir });
  }
  const existing = await readdir(target).catch(() => undefined);
  if (existing && existing.length > 0) throw new SnapshotError('invalid-output', `${outDir} exists and is not empty; give a new directory`, { file: outDir });
  const files = info.isDirectory() ? await readTree(source) : [{ path: basename(source), bytes: await readFile(source) }];
  const key = options.key ?? generateRedactionKey();
  const redacted = redactSnapshotFiles(files, { key });
  for (const file of redacted.files) {
    const full = join(target, ...file.path.split('/'));
    if (!full.startsWith(target + sep)) continue;
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, file.text);
  }
  await mkdir(target, { recursive: true });
  await writeFile(join(target, redactionManifestName), `${JSON.stringify(redacted.manifest, null, 2)}\n`);
  const mappingFile = `${target}.mapping.json`;
  await writePrivate(mappingFile, `${JSON.stringify(redacted.mapping, null, 2)}\n`);
  let keyFile: string | undefined;
  if (!options.key) {
    keyFile = `${target}.key`;
    await writePrivate(keyFile, `${keyToHex(key)}\n`);
  }
  return { outDir: target, keyFile, mappingFile, manifest: redacted.manifest };
}

async function writePrivate(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o600 });
  await chmod(path, 0o600);
}

/** Every file under `root` (hidden ones skipped, as the loader does), paths relative with `/`. */
async function readTree(root: string, dir = root): Promise<SnapshotFile[]> {
  const out: SnapshotFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await readTree(root, full)));
    else if (entry.isFile()) out.push({ path: relative(root, full).split(sep).join('/'), bytes: await readFile(full) });
  }
  return out;
}
