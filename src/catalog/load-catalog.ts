import { parseStructuredOne } from '../parsers/structured-text.js';
import { CatalogError } from '../errors.js';
import type { Plugin } from '../plugins/define-plugin.js';
import { registryFor } from '../plugins/registry.js';
import { ruleFileSizeProblem, ruleNestingProblem } from './rule-file-limits.js';
import { type RuleDefinition, RuleFile, type RuleOrigin } from './rule-schema.js';
import { validateRule } from './validate-rule.js';

export interface RuleSource {
  /** Where the text was read from, as the user would name it (`my-rules/acme-ha.yaml`); the id must equal its name. */
  file: string;
  text: string;
}

export interface LoadRulesOptions {
  /** Plugins whose facts, operators, selectors and requirements the rules may use. */
  plugins?: readonly Plugin[];
  /**
   * `user` (default): a rule of your own, citing `{ url | title, section }` or a document, with any spec ids or none.
   * `builtin`: this package's catalog rules (`rules/<doc>/<id>.yaml`, known spec ids, one of the five documents).
   */
  origin?: RuleOrigin;
}

/** One problem of a rule file: the file, the line, and the path inside the rule (`checks.0.conditions.all.0`). */
export interface RuleFileProblem {
  code: 'rule-syntax' | 'rule-schema' | 'rule-invalid' | 'rule-too-large' | 'rule-too-deep';
  file: string;
  line?: number;
  path: string;
  message: string;
}

/** Checks one rule file and lists every problem (empty when `rule` is set). */
export function checkRuleFile(source: RuleSource, options: LoadRulesOptions = {}): { rule?: RuleDefinition; problems: RuleFileProblem[] } {
  const { file } = source;
  const at = (line: number | undefined) => (line === undefined ? {} : { line });
  const tooLarge = ruleFileSizeProblem(source.text);
  if (tooLarge) return { problems: [{ code: 'rule-too-large', file, path: '(root)', message: tooLarge }] };
  const { document, diagnostics } = parseStructuredOne(source.text, { file });
  const syntax = diagnostics.filter((d) => d.severity === 'error');
  if (syntax.length > 0 || !document) {
    const list = syntax.length > 0 ? syntax : [{ message: 'empty rule file', line: undefined }];
    return { problems: list.map((d) => ({ code: 'rule-syntax', file, ...at(d.line), path: '(root)', message: d.message })) };
  }
  const tooDeep = ruleNestingProblem(document.value);
  if (tooDeep) return { problems: [{ code: 'rule-too-deep', file, path: '(root)', message: tooDeep }] };
  const parsed = RuleFile.safeParse(document.value);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        return { code: 'rule-schema', file, ...at(document.lineOf(path)), path: path.join('.') || '(root)', message: issue.message };
      }),
    };
  }
  const problems = validateRule(parsed.data, file, options.origin ?? 'user', registryFor(options.plugins));
  if (problems.length > 0) {
    return { problems: problems.map((p) => ({ code: 'rule-invalid', file, ...at(document.lineOf(p.path.split('.'))), path: p.path, message: p.message })) };
  }
  return { rule: { ...parsed.data, file }, problems: [] };
}

/** `my-rules/a.yaml:12: checks.0.operator: unknown operator "equals"` */
export function formatRuleFileProblem(p: RuleFileProblem): string {
  return `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.path}: ${p.message}`;
}

/** Parses and validates one rule file; throws CatalogError with the file, line and path of the first problem (and lists all). */
export function parseRuleFile(source: RuleSource, options: LoadRulesOptions = {}): RuleDefinition {
  const { rule, problems } = checkRuleFile(source, options);
  if (rule) return rule;
  const first = problems[0]!;
  const list = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  throw new CatalogError(first.code, `${source.file}${first.line === undefined ? '' : `:${first.line}`}: ${list}`, { file: source.file, line: first.line });
}

/** Throws CatalogError when two rules share an id. */
export function assertUniqueRuleIds(rules: readonly RuleDefinition[]): void {
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const other = seen.get(rule.id);
    if (other !== undefined) throw new CatalogError('duplicate-rule', `rule id "${rule.id}" is defined in ${other} and ${rule.file}`, { file: rule.file });
    seen.set(rule.id, rule.file);
  }
}

/** Loads many rule files; duplicate ids are an error. */
export function loadCatalog(sources: readonly RuleSource[], options: LoadRulesOptions = {}): RuleDefinition[] {
  const rules = sources.map((s) => parseRuleFile(s, options));
  assertUniqueRuleIds(rules);
  return rules.sort((a, b) => a.id.localeCompare(b.id));
}
