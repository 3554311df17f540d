/// <reference types="node" />
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { RuleDefinition } from '../catalog/rule-schema.js';

/**
 * Loads every `*.yaml` rule under `dir` (its layout: `<dir>/<doc>/<id>.yaml`),
 * validated as the built-in catalog is; throws CatalogError on the first bad file.
 */
export async function loadRuleFiles(dir: string): Promise<RuleDefinition[]> {
  const files: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push(full);
    }
  };
  await walk(dir);
  const sources = await Promise.all(files.map(async (f) => ({ file: `rules/${relative(dir, f).split(sep).join('/')}`, text: await readFile(f, 'utf8') })));
  return loadCatalog(sources);
}
