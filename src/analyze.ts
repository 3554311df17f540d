import { builtinRules } from './catalog/builtin-catalog.js';
import type { RuleDefinition } from './catalog/rule-schema.js';
import { type Diagnostic, compareDiagnostics } from './diagnostics.js';
import { evaluateCatalog } from './engine/evaluate-catalog.js';
import { indexSnapshot } from './facts/snapshot-index.js';
import type { Report } from './findings/schema.js';
import { compareFindings, subjectKey } from './findings/sort.js';
import { summarizeDiagnostics, summarizeFindings } from './findings/summarize.js';
import type { Snapshot } from './snapshot/schema.js';

export interface AnalyzeOptions {
  /** Rules to run; defaults to the built-in catalog. */
  rules?: readonly RuleDefinition[];
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

/** Evaluates the rule catalog against a snapshot. Never throws for bad snapshot content. */
export async function analyze(snapshot: Snapshot, options: AnalyzeOptions = {}): Promise<Report> {
  let rules = options.rules ?? builtinRules();
  if (options.only) rules = rules.filter((r) => options.only!.includes(r.id));
  const index = indexSnapshot(snapshot);
  const onProgress = options.onProgress;
  const result = await evaluateCatalog(
    rules,
    index,
    onProgress && ((rule, done, total) => onProgress({ ruleId: rule.id, rules: done, totalRules: total })),
  );
  const diagnostics = dedupe([...(options.diagnostics ?? []), ...index.diagnostics, ...result.diagnostics]).sort(compareDiagnostics);
  const findings = result.findings.sort(compareFindings);
  const notEvaluated = result.notEvaluated
    .map((n) => ({
      ...n,
      missing: n.missing
        .map((m) => ({ ...m, subjects: [...m.subjects].sort((a, b) => subjectKey(a).localeCompare(subjectKey(b))) }))
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

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
