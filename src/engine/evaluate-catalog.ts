import type { RuleDefinition } from '../catalog/rule-schema.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { requirementsById } from '../facts/requirements.js';
import { defaultSelector, selectorsById } from '../facts/selectors.js';
import type { SnapshotIndex } from '../facts/snapshot-index.js';
import type { Subject } from '../facts/subjects.js';
import { buildFinding, findingSubject } from '../findings/build-finding.js';
import type { Finding, NotEvaluated, RuleStatus } from '../findings/schema.js';
import type { TextFile } from '../snapshot/schema.js';
import { createRuleEngine } from './rule-engine.js';

export interface CatalogResult {
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  rules: RuleStatus[];
  diagnostics: Diagnostic[];
}

/**
 * Runs each rule only for the subjects its selector picks, after checking the
 * rule applies (CNI/provider) and that the data it needs was captured.
 */
export async function evaluateCatalog(rules: readonly RuleDefinition[], index: SnapshotIndex): Promise<CatalogResult> {
  const out: CatalogResult = { findings: [], notEvaluated: [], rules: [], diagnostics: [] };
  for (const rule of rules) {
    try {
      await evaluateRule(rule, index, out);
    } catch (error) {
      // A rule that throws outside its checks (selector, finding) is a diagnostic, as one that throws inside them.
      out.rules = out.rules.filter((r) => r.ruleId !== rule.id);
      out.rules.push({ ruleId: rule.id, status: 'failed', subjects: 0, findings: 0 });
      out.diagnostics.push(diagnostic('error', 'rule-failed', `rule ${rule.id} failed: ${(error as Error)?.message ?? String(error)}`, { file: rule.file }));
    }
  }
  return out;
}

async function evaluateRule(rule: RuleDefinition, index: SnapshotIndex, out: CatalogResult): Promise<void> {
  {
    const status = (s: RuleStatus['status'], subjects = 0, findings = 0) => out.rules.push({ ruleId: rule.id, status: s, subjects, findings });
    const gate = applicability(rule, index);
    if (gate === 'not-applicable') {
      status('not-applicable');
      return;
    }
    const missing = [...(gate ? [gate] : []), ...missingNeeds(rule, index)];
    if (missing.length > 0) {
      for (const m of missing) out.notEvaluated.push({ ruleId: rule.id, title: rule.title, ...m, subjects: [] });
      status('not-evaluated');
      return;
    }
    const selector = selectorsById.get(rule.select ?? defaultSelector[rule.subject])!;
    const subjects = selector.select(index) as Subject[];
    const engine = createRuleEngine(rule, index);
    const skipped = new Map<string, Subject[]>();
    const unevaluated = new Set<Subject>();
    let findings = 0;
    let failed = 0;
    const unusable = new Map<string, Subject[]>();
    for (const subject of subjects) {
      const read = new Set<TextFile>();
      index.trace = read;
      let run;
      try {
        run = await engine.run(subject);
      } finally {
        index.trace = undefined;
      }
      for (const passed of run.passed) {
        out.findings.push(buildFinding(rule, passed, subject, index));
        findings++;
      }
      // Silent on a subject whose file could not be (fully) read: that is not a pass.
      if (run.passed.length === 0 && run.missing.length === 0) {
        for (const file of read) {
          const problem = index.unusableFiles.get(file);
          if (!problem) continue;
          const key = `${file.file}\u0000${problem.message}`;
          unusable.set(key, [...(unusable.get(key) ?? []), subject]);
          unevaluated.add(subject);
        }
      }
      for (const capture of run.missing) {
        const list = skipped.get(capture) ?? [];
        list.push(subject);
        skipped.set(capture, list);
        unevaluated.add(subject);
      }
      for (const { messageId, error } of run.errors) {
        const s = findingSubject(subject);
        out.diagnostics.push(
          diagnostic('error', 'rule-failed', `rule ${rule.id} (${messageId}) failed for ${s.kind} ${s.name}: ${(error as Error).message}`, { file: rule.file }),
        );
        unevaluated.add(subject);
      }
      if (run.errors.length > 0) failed++;
    }
    for (const [capture, list] of skipped) {
      out.notEvaluated.push({ ruleId: rule.id, title: rule.title, reason: 'missing-data', capture, subjects: list.map(findingSubject) });
    }
    for (const [key, list] of unusable) {
      const [file = '', problem = ''] = key.split('\u0000');
      const capture = `a readable ${file} (this one: ${problem})`;
      out.notEvaluated.push({ ruleId: rule.id, title: rule.title, reason: 'unusable-file', file, capture, subjects: list.map(findingSubject) });
    }
    const partlyChecked = unevaluated.size;
    status(
      failed > 0 && failed === subjects.length ? 'failed' : partlyChecked === 0 ? 'evaluated' : partlyChecked === subjects.length && findings === 0 ? 'not-evaluated' : 'partial',
      subjects.length,
      findings,
    );
  }
}

type Gate = 'not-applicable' | Omit<NotEvaluated, 'ruleId' | 'title' | 'subjects'> | undefined;

function applicability(rule: RuleDefinition, index: SnapshotIndex): Gate {
  const cluster = index.snapshot.cluster;
  const cni = rule.appliesTo?.cni;
  if (cni) {
    if (!cluster.cni) return { reason: 'unknown-cni', capture: requirementsById.get('cluster.cni')!.capture };
    if (!cni.includes(cluster.cni.value)) return 'not-applicable';
  }
  const provider = rule.appliesTo?.provider;
  if (provider) {
    if (!cluster.provider) return { reason: 'unknown-provider', capture: requirementsById.get('cluster.provider')!.capture };
    if (!provider.includes(cluster.provider.value)) return 'not-applicable';
  }
  return undefined;
}

function missingNeeds(rule: RuleDefinition, index: SnapshotIndex): Array<Omit<NotEvaluated, 'ruleId' | 'title' | 'subjects'>> {
  return rule.needs
    .map((id) => requirementsById.get(id)!)
    .filter((r) => !r.present(index))
    .map((r) => ({ reason: 'missing-data' as const, capture: r.capture }));
}
