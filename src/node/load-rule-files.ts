/// <reference types="node" />
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type LoadRulesOptions, type RuleFileProblem, type RuleSource, assertUniqueRuleIds, checkRuleFile, parseRuleFile } from '../catalog/load-catalog.js';
import type { RuleDefinition } from '../catalog/rule-schema.js';
import { CatalogError } from '../errors.js';

/** Every `*.yaml` / `*.yml` file under `path` (a file, or a directory read flat and nested), in name order. */
async function ruleFilePaths(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new CatalogError('rules-unreadable', `cannot read rules from ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: path, cause: error });
  }
  if (!info.isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...(await ruleFilePaths(full)));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

async function readSources(paths: string | readonly string[]): Promise<RuleSource[]> {
  const files = (await Promise.all((typeof paths === 'string' ? [paths] : paths).map(ruleFilePaths))).flat();
  // `file` is the path as the caller named it (`my-rules/team/acme-ha.yaml`), so errors point at the real file.
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
}

export interface RuleFilesCheck {
  /** The rules that are valid. */
  rules: RuleDefinition[];
  /** Files read. */
  files: number;
  /** Every problem of every file, with file, line and the path inside the rule; duplicate ids too. */
  problems: RuleFileProblem[];
}

/**
 * Checks every rule file under the given files or directories (flat or nested) and lists every
 * problem; never throws for a bad rule (an unreadable path throws CatalogError).
 * Rules of your own by default; `origin: 'builtin'` applies the catalog's conventions.
 */
export async function validateRuleFiles(paths: string | readonly string[], options: LoadRulesOptions = {}): Promise<RuleFilesCheck> {
  const sources = await readSources(paths);
  const rules: RuleDefinition[] = [];
  const problems: RuleFileProblem[] = [];
  const seen = new Map<string, string>();
  for (const source of sources) {
    const checked = checkRuleFile(source, options);
    problems.push(...checked.problems);
    if (!checked.rule) continue;
    const other = seen.get(checked.rule.id);
    if (other !== undefined) {
      problems.push({ code: 'rule-invalid', file: source.file, path: 'id', message: `rule id "${checked.rule.id}" is also defined in ${other}` });
      continue;
    }
    seen.set(checked.rule.id, source.file);
    rules.push(checked.rule);
  }
  return { rules: rules.sort((a, b) => a.id.localeCompare(b.id)), files: sources.length, problems };
}

/**
 * Loads every rule file under the given files or directories (flat or nested), validated as rules
 * of your own (`{ url | title, section }` sources, any spec ids or none). Throws CatalogError naming
 * the real file, the line and the path inside the rule of the first bad file.
 * Run them with the built-in catalog: `analyze(snapshot, { extraRules: await loadRuleFiles('my-rules') })`.
 */
export async function loadRuleFiles(paths: string | readonly string[], options: LoadRulesOptions = {}): Promise<RuleDefinition[]> {
  const sources = await readSources(paths);
  const rules = sources.map((source) => parseRuleFile(source, options));
  assertUniqueRuleIds(rules);
  return rules.sort((a, b) => a.id.localeCompare(b.id));
}
