import { parseStructuredOne } from '../parsers/structured-text.js';
import { CatalogError } from '../errors.js';
import { checkRuleFileSize, checkRuleNesting } from './rule-file-limits.js';
import { type RuleDefinition, RuleFile } from './rule-schema.js';
import { validateRule } from './validate-rule.js';

export interface RuleSource {
  /** Path like `rules/ack/ack-flannel-hairpin.yaml`; the id must equal its name. */
  file: string;
  text: string;
}

/** Parses and validates one rule file; throws CatalogError with the file, line and path of the first problem. */
export function parseRuleFile(source: RuleSource): RuleDefinition {
  checkRuleFileSize(source);
  const { document, diagnostics } = parseStructuredOne(source.text, { file: source.file });
  const syntax = diagnostics.find((d) => d.severity === 'error');
  if (syntax || !document) {
    throw new CatalogError('rule-syntax', `${source.file}: ${syntax?.message ?? 'empty rule file'}`, { file: source.file, line: syntax?.line });
  }
  checkRuleNesting(source, document.value);
  const parsed = RuleFile.safeParse(document.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    throw new CatalogError('rule-schema', `${source.file}: ${path.join('.') || '(root)'}: ${issue.message}`, {
      file: source.file,
      line: document.lineOf(path),
    });
  }
  const problems = validateRule(parsed.data, source.file);
  if (problems.length > 0) {
    const first = problems[0]!;
    const list = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new CatalogError('rule-invalid', `${source.file}: ${list}`, { file: source.file, line: document.lineOf(first.path.split('.')) });
  }
  return { ...parsed.data, file: source.file };
}

/** Loads many rule files; duplicates ids are an error. */
export function loadCatalog(sources: readonly RuleSource[]): RuleDefinition[] {
  const rules = sources.map(parseRuleFile);
  const seen = new Map<string, string>();
  for (const rule of rules) {
    const other = seen.get(rule.id);
    if (other) throw new CatalogError('duplicate-rule', `rule id "${rule.id}" is defined in ${other} and ${rule.file}`, { file: rule.file });
    seen.set(rule.id, rule.file);
  }
  return rules.sort((a, b) => a.id.localeCompare(b.id));
}
