/// <reference types="node" />
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { configFileName } from '../config/config-file.js';
import { type ParsedConfig, parseConfig } from '../config/parse-config.js';

export type LoadedConfig = ParsedConfig & { file: string };

/**
 * The nearest `kube-netdoctor.config.yaml` in `start` (a directory, or a file's
 * directory) or any directory above it; undefined when there is none.
 */
export async function findConfigFile(start: string): Promise<string | undefined> {
  let dir = resolve(start);
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, configFileName);
    if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; a problem (unreadable, bad YAML, bad schema) comes back as `ok: false` with file and line. */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    return { ok: false, error: `cannot read config ${file}: ${(cause as NodeJS.ErrnoException).code ?? 'error'}`, file };
  }
  return { ...parseConfig(text, file), file };
}
