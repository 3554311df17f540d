import { builtinRules } from './catalog/builtin-catalog.js';
import { assertUniqueRuleIds } from './catalog/load-catalog.js';
import type { RuleDefinition } from './catalog/rule-schema.js';
import { type Diagnostic, compareDiagnostics } from './diagnostics.js';
import { evaluateCatalog } from './engine/evaluate-catalog.js';
import { checkUnreadFiles } from './facts/file-coverage.js';
import { indexSnapshot } from './facts/snapshot-index.js';
import { deferFindings } from './findings/defer-findings.js';
import type { FindingSubject, Report } from './findings/schema.js';
import { compareFindings, subjectKey } from './findings/sort.js';
import { summarizeDiagnostics, summarizeFindings } from './findings/summarize.js';
import type { Plugin } from './plugins/define-plugin.js';
import { builtinRegistry, registryFor } from './plugins/registry.js';
import type { Snapshot } from './snapshot/schema.js';

export interface AnalyzeOptions {
  /**
   * The rules to run INSTEAD of the built-in catalog (default: the built-in catalog).
   * To run the built-in catalog plus rules of your own, use `extraRules`.
   */
  rules?: readonly RuleDefinition[];
  /** Rules run IN ADDITION to `rules` (or the built-in catalog): e.g. `await loadRuleFiles('my-rules')`. */
  extraRules?: readonly RuleDefinition[];
  /** Plugins whose facts, operators, selectors and requirements the rules use (see `definePlugin`). */
  plugins?: readonly Plugin[];
  /** Only these rule ids. */
  only?: readonly string[];
  /** Diagnostics from loading the snapshot, merged into the report. */
  diagnostics?: readonly Diagnostic[];
  /** Called before each rule runs, with how many have run (for a progress display). */
  onProgress?: (progress: AnalyzeProgress) => void;
}

export interface AnalyzeProgress {
  ruleId: string;
  rules: number;
  totalRules: number;
}

/**
 * Evaluates the rule catalog against a snapshot. Never throws for bad snapshot content; throws
 * CatalogError when `extraRules` repeat an id, or plugins clash.
 */
export async function analyze(snapshot: Snapshot, options: AnalyzeOptions = {}): Promise<Report> {
  const builtin = builtinRules();
  let rules = [...(options.rules ?? builtin), ...(options.extraRules ?? [])];
  if (options.extraRules) assertUniqueRuleIds(rules);
  if (options.only) rules = rules.filter((r) => options.only!.includes(r.id));
  const registry = registryFor(options.plugins);
  const index = indexSnapshot(snapshot);
  const onProgress = options.onProgress;
  const result = await evaluateCatalog(
    rules,
    index,
    registry,
    registry === builtinRegistry ? trustedBuiltins(builtin) : new Set(),
    onProgress && ((rule, done, total) => onProgress({ ruleId: rule.id, rules: done, totalRules: total })),
  );
  const unread = checkUnreadFiles(index);
  const diagnostics = dedupe([...(options.diagnostics ?? []), ...index.diagnostics, ...result.diagnostics, ...unread]).sort(compareDiagnostics);
  // One problem, one finding: findings a more specific rule's finding reports are left out (and referenced by it).
  const deferred = deferFindings(result.findings, rules);
  for (const f of deferred.left) {
    const status = result.rules.find((r) => r.ruleId === f.ruleId);
    if (status) status.findings--;
  }
  const findings = deferred.findings.sort(compareFindings);
  const notEvaluated = result.notEvaluated
    .map((n) => ({
      ...n,
      missing: n.missing
        .map((m) => ({ ...m, subjects: sortSubjects(m.subjects) }))
        .sort((a, b) => a.capture.localeCompare(b.capture)),
    }))
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  const ruleStatus = result.rules.sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  const count = (s: string) => ruleStatus.filter((r) => r.status === s).length;
  const snapshotInfo: Report['snapshot'] = { cluster: snapshot.cluster };
  if (snapshot.name !== undefined) snapshotInfo.name = snapshot.name;
  if (snapshot.capturedAt !== undefined) snapshotInfo.capturedAt = snapshot.capturedAt;
  return {
    snapshot: snapshotInfo,
    findings,
    diagnostics,
    notEvaluated,
    rules: ruleStatus,
    summary: {
      rules: ruleStatus.length,
      evaluated: count('evaluated'),
      partial: count('partial'),
      notEvaluated: count('not-evaluated'),
      notApplicable: count('not-applicable'),
      failed: count('failed'),
      ...summarizeFindings(findings),
      diagnostics: summarizeDiagnostics(diagnostics),
    },
  };
}

/**
 * Subjects in subjectKey order (localeCompare's, through one collator), each key made once: a rule that lacks
 * a node output lists thousands of nodes.
 */
function sortSubjects<T extends FindingSubject>(subjects: readonly T[]): T[] {
  const compare = new Intl.Collator().compare;
  return subjects
    .map((subject) => ({ key: subjectKey(subject), subject }))
    .sort((a, b) => compare(a.key, b.key))
    .map((keyed) => keyed.subject);
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

let trusted: ReadonlySet<RuleDefinition> | undefined;
/** The built-in rules were validated against the built-in registry when loaded. */
function trustedBuiltins(builtin: readonly RuleDefinition[]): ReadonlySet<RuleDefinition> {
  return (trusted ??= new Set(builtin));
}
