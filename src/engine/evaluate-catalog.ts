import type { RuleDefinition } from '../catalog/rule-schema.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { validateRule } from '../catalog/validate-rule.js';
import { defaultSelector } from '../facts/selectors.js';
import { type Registry, builtinRegistry } from '../plugins/registry.js';
import type { SnapshotIndex } from '../facts/snapshot-index.js';
import type { Subject } from '../facts/subjects.js';
import { buildFinding, findingSubject } from '../findings/build-finding.js';
import type { Finding, MissingData, NotEvaluated, RuleStatus } from '../findings/schema.js';
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
 * rule applies (provider, then CNI) and that the data it needs was captured.
 * Data requirements are per check: a check whose data is present runs even
 * when a sibling check's data is missing; that sibling is listed as not evaluated.
 */
export async function evaluateCatalog(
  rules: readonly RuleDefinition[],
  index: SnapshotIndex,
  registry: Registry = builtinRegistry,
  /** Rules already checked against this registry (the built-in catalog); others are checked here. */
  trusted: ReadonlySet<RuleDefinition> = new Set(),
  /** Called before each rule runs (for a progress display). */
  onRule?: (rule: RuleDefinition, done: number, total: number) => void,
): Promise<CatalogResult> {
  const out: CatalogResult = { findings: [], notEvaluated: [], rules: [], diagnostics: [] };
  // Selectors are pure functions of the index: each runs once however many rules use it.
  const selected = new Map<string, readonly Subject[]>();
  for (const [done, rule] of rules.entries()) {
    onRule?.(rule, done, rules.length);
    try {
      await evaluateRule(rule, index, out, registry, trusted, selected);
    } catch (error) {
      // A rule that throws outside its checks (selector, finding) is a diagnostic, as one that throws inside them.
      out.rules = out.rules.filter((r) => r.ruleId !== rule.id);
      out.rules.push({ ruleId: rule.id, status: 'failed', subjects: 0, findings: 0 });
      out.diagnostics.push(diagnostic('error', 'rule-failed', `rule ${rule.id} failed: ${(error as Error)?.message ?? String(error)}`, { file: rule.file }));
    }
  }
  return out;
}

async function evaluateRule(
  rule: RuleDefinition,
  index: SnapshotIndex,
  out: CatalogResult,
  registry: Registry,
  trusted: ReadonlySet<RuleDefinition>,
  selected: Map<string, readonly Subject[]>,
): Promise<void> {
  {
    const status = (s: RuleStatus['status'], subjects: readonly Subject[] = [], findings = 0) =>
      out.rules.push({ ruleId: rule.id, status: s, subjects: subjects.length, findings, ...(subjects.length > 0 ? { checked: subjects.map(findingSubject) } : {}) });
    const notEvaluated = (missing: MissingData[]) => out.notEvaluated.push({ ruleId: rule.id, title: rule.title, missing });
    // A rule loaded with a plugin but analysed without it must not crash the run.
    const unknown = trusted.has(rule) ? [] : validateRule(rule, rule.file, 'user', registry);
    if (unknown.length > 0) {
      const list = unknown.map((p) => `${p.path}: ${p.message}`).join('; ');
      out.diagnostics.push(diagnostic('error', 'rule-invalid', `rule ${rule.id} was not run: ${list} (pass the plugins it was loaded with to analyze)`, { file: rule.file }));
      status('failed');
      return;
    }
    const gate = applicability(rule, index, registry);
    if (gate === 'not-applicable') {
      status('not-applicable');
      return;
    }
    const missing: MissingData[] = [...gate, ...missingRequirements(rule.needs, index, registry)];
    const runnable = rule.checks.filter((check) => {
      const lacking = missingRequirements(check.needs, index, registry);
      for (const m of lacking) {
        const same = missing.find((x) => x.capture === m.capture && x.checks !== undefined);
        if (same) same.checks!.push(check.messageId);
        else missing.push({ ...m, checks: [check.messageId] });
      }
      return lacking.length === 0;
    });
    if (missing.some((m) => m.checks === undefined)) {
      notEvaluated(missing);
      status('not-evaluated');
      return;
    }
    const selectorId = rule.select ?? defaultSelector[rule.subject];
    let subjects = selected.get(selectorId);
    if (!subjects) selected.set(selectorId, (subjects = registry.selectors.get(selectorId)!.select(index) as Subject[]));
    // A check's own data stops nothing when no subject is selected (a Windows rule on a cluster without Windows nodes).
    if (subjects.length === 0) {
      status('evaluated');
      return;
    }
    if (runnable.length === 0) {
      notEvaluated(missing);
      status('not-evaluated');
      return;
    }
    const engine = createRuleEngine(rule, index, runnable, registry);
    const skipped = new Map<string, Subject[]>();
    const unevaluated = new Set<Subject>();
    let findings = 0;
    let failed = 0;
    const unusable = new Map<string, Subject[]>();
    // The files each subject's run read: one set, emptied per subject (it is only read before the next one).
    const read = new Set<TextFile>();
    for (const subject of subjects) {
      read.clear();
      index.trace = read;
      let run;
      try {
        run = await engine.run(subject);
      } finally {
        index.trace = undefined;
      }
      for (const passed of run.passed) {
        out.findings.push(buildFinding(rule, passed, subject, index, registry));
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
    for (const [capture, list] of skipped) missing.push({ reason: 'missing-data', capture, subjects: list.map(findingSubject) });
    for (const [key, list] of unusable) {
      const [file = '', problem = ''] = key.split('\u0000');
      missing.push({ reason: 'unusable-file', capture: `a readable ${file} (this one: ${problem})`, file, subjects: list.map(findingSubject) });
    }
    if (missing.length > 0) notEvaluated(missing);
    const partlyChecked = unevaluated.size;
    const someChecksSkipped = runnable.length < rule.checks.length;
    status(
      failed > 0 && failed === subjects.length
        ? 'failed'
        : partlyChecked === 0 && !someChecksSkipped
          ? 'evaluated'
          : partlyChecked === subjects.length && subjects.length > 0 && findings === 0 && !someChecksSkipped
            ? 'not-evaluated'
            : 'partial',
      subjects,
      findings,
    );
  }
}

/**
 * Provider first, then CNI: a rule for another provider is not applicable whatever the CNI; a rule
 * for another CNI is not applicable whatever the provider. Only what could still apply is missing.
 */
function applicability(rule: RuleDefinition, index: SnapshotIndex, registry: Registry): 'not-applicable' | MissingData[] {
  const cluster = index.snapshot.cluster;
  const missing: MissingData[] = [];
  const os = rule.appliesTo?.os;
  if (os && registry.requirements.get('nodes')!.present(index) && !index.snapshot.nodes.some((n) => os.includes(n.os === 'windows' ? 'windows' : 'linux'))) {
    return 'not-applicable';
  }
  const provider = rule.appliesTo?.provider;
  if (provider) {
    if (cluster.provider && !provider.includes(cluster.provider.value)) return 'not-applicable';
    if (!cluster.provider) missing.push({ reason: 'unknown-provider', capture: registry.requirements.get('cluster.provider')!.capture, subjects: [] });
  }
  const cni = rule.appliesTo?.cni;
  if (cni) {
    if (cluster.cni && !cni.includes(cluster.cni.value)) return 'not-applicable';
    if (!cluster.cni) missing.push({ reason: 'unknown-cni', capture: registry.requirements.get('cluster.cni')!.capture, subjects: [] });
  }
  return missing;
}

function missingRequirements(needs: readonly string[], index: SnapshotIndex, registry: Registry): MissingData[] {
  return needs
    .map((id) => registry.requirements.get(id)!)
    .filter((r) => !r.present(index))
    .map((r) => ({ reason: 'missing-data' as const, capture: r.captureFor?.(index) ?? r.capture, subjects: [] }));
}
