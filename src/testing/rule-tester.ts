/// <reference types="node" />
import { builtinRules } from '../catalog/builtin-catalog.js';
import type { RuleDefinition, Severity } from '../catalog/rule-schema.js';
import { analyze } from '../analyze.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Finding, FindingSubject, Report } from '../findings/schema.js';
import { loadSnapshot } from '../node/load-snapshot.js';
import type { Plugin } from '../plugins/define-plugin.js';
import { buildSnapshot } from '../snapshot/build-snapshot.js';
import type { SnapshotFile } from '../snapshot/snapshot-file.js';
import type { ManifestInput, Snapshot } from '../snapshot/schema.js';

/** Kubernetes objects as `kubectl get -o json` prints them, plus optionally what `snapshot.yaml` would say. */
export interface InlineObjects {
  objects: readonly unknown[];
  manifest?: ManifestInput;
}

/**
 * A fixture: a snapshot directory or file path; the files `buildSnapshot` takes (`{ files }`);
 * an inline object set (`{ objects, manifest? }`); or an already built snapshot.
 */
export type SnapshotInput =
  | string
  | { files: readonly SnapshotFile[] }
  | InlineObjects
  | Snapshot
  | { snapshot: Snapshot; diagnostics: Diagnostic[] };

export interface ExpectedFinding {
  messageId: string;
  subject: Partial<FindingSubject> & { name: string };
  severity?: Severity;
  /** Each given key must equal the finding's data value. */
  data?: Record<string, string | number | boolean>;
  /** Each listed fact/path must be in the evidence, with `actual` equal when given. */
  evidence?: Array<{ fact: string; path?: string; actual?: unknown }>;
}

export interface ValidCase {
  name?: string;
  snapshot: SnapshotInput;
  /** Error diagnostics fail a case unless allowed (fixtures should be clean). */
  allowErrorDiagnostics?: boolean;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

export interface NotEvaluatedCase extends ValidCase {
  /** Substring (or pattern) of the `capture` hint the rule must report. */
  capture: string | RegExp;
  /** Subjects that must be listed as not evaluated (all when omitted: the whole rule). */
  subjects?: string[];
  /** Message ids of the checks that must be listed as not evaluated (when only some checks lacked data). */
  checks?: string[];
  /** Findings on the subjects that could be evaluated (none when omitted). */
  findings?: ExpectedFinding[];
}

export interface RuleTests {
  valid: Array<SnapshotInput | ValidCase>;
  invalid: InvalidCase[];
  notEvaluated?: NotEvaluatedCase[];
}

type Describe = (name: string, body: () => void) => void;
type It = (name: string, body: () => Promise<void>) => void;

export interface RuleTesterOptions {
  /** Rules to test INSTEAD of the built-in catalog (default: the built-in catalog). */
  rules?: readonly RuleDefinition[];
  /** Rules of your own, in addition: `extraRules: await loadRuleFiles('my-rules')`. */
  extraRules?: readonly RuleDefinition[];
  /** Plugins the rules use. */
  plugins?: readonly Plugin[];
  /** The test runner's describe/it (vitest: `import { describe, it } from 'vitest'`); defaults to globals. */
  describe?: Describe;
  it?: It;
}

export class RuleTestError extends Error {
  override name = 'RuleTestError';
}

/**
 * ESLint-style rule tester: `valid` snapshots must give no finding of the rule
 * and must have been fully evaluated; `invalid` ones must give exactly the
 * listed findings, in the report's order; `notEvaluated` ones must report the
 * rule as not evaluated with the given capture hint.
 */
export class RuleTester {
  readonly #rules: readonly RuleDefinition[] | undefined;
  readonly #extraRules: readonly RuleDefinition[];
  readonly #plugins: readonly Plugin[];
  readonly #describe: Describe;
  readonly #it: It;

  constructor(options: RuleTesterOptions = {}) {
    this.#rules = options.rules;
    this.#extraRules = options.extraRules ?? [];
    this.#plugins = options.plugins ?? [];
    const g = globalThis as { describe?: Describe; it?: It };
    const describe = options.describe ?? g.describe;
    const it = options.it ?? g.it;
    if (!describe || !it) throw new RuleTestError('RuleTester needs describe/it: pass them in the options or enable the runner\'s globals');
    this.#describe = describe;
    this.#it = it;
  }

  run(ruleId: string, tests: RuleTests): void {
    const rules = [...(this.#rules ?? builtinRules()), ...this.#extraRules];
    const rule = rules.find((r) => r.id === ruleId);
    if (!rule) {
      throw new RuleTestError(
        `unknown rule "${ruleId}": this RuleTester knows ${this.#rules ? 'the rules passed in `rules`' : 'the built-in rules'}` +
          `${this.#extraRules.length > 0 ? ` and ${this.#extraRules.map((r) => r.id).join(', ')}` : ''}. ` +
          "Pass your own with new RuleTester({ extraRules: await loadRuleFiles('my-rules') }) (loadRuleFiles from 'kube-netdoctor/node'), " +
          "or parseRuleFile({ file, text }) from 'kube-netdoctor'.",
      );
    }
    if (tests.invalid.length === 0) throw new RuleTestError(`${ruleId}: at least one invalid case (a snapshot where the rule fires) is required`);
    if (tests.valid.length === 0) throw new RuleTestError(`${ruleId}: at least one valid case (a snapshot where the rule stays silent) is required`);
    const seen = new Set<string>();
    const label = (c: ValidCase) => {
      const name = c.name ?? (typeof c.snapshot === 'string' ? c.snapshot : undefined);
      if (!name) throw new RuleTestError(`${ruleId}: an in-memory snapshot case needs a name`);
      if (seen.has(name)) throw new RuleTestError(`${ruleId}: duplicate case "${name}"`);
      seen.add(name);
      return name;
    };
    const report = (c: ValidCase) => this.#report(rule, rules, c);

    this.#describe(ruleId, () => {
      for (const raw of tests.valid) {
        const c = asCase(raw);
        this.#it(`valid: ${label(c)}`, async () => {
          const r = await report(c);
          const own = r.findings.filter((f) => f.ruleId === ruleId);
          if (own.length > 0) fail(`expected no finding, got ${own.length}:\n${own.map(describeFinding).join('\n')}`);
          const status = r.rules.find((s) => s.ruleId === ruleId)?.status;
          if (status !== 'evaluated' && status !== 'not-applicable') {
            fail(`expected the rule to be evaluated, but it was ${status}: ${r.notEvaluated.filter((n) => n.ruleId === ruleId).flatMap((n) => n.missing.map((m) => m.capture)).join('; ')}`);
          }
        });
      }
      for (const c of tests.invalid) {
        for (const f of c.findings) {
          if (!(f.messageId in rule.messages)) throw new RuleTestError(`${ruleId}: unknown messageId "${f.messageId}" (known: ${Object.keys(rule.messages).join(', ')})`);
        }
        if (c.findings.length === 0) throw new RuleTestError(`${ruleId}: invalid case "${c.name ?? String(c.snapshot)}" lists no finding; make it a valid case`);
        this.#it(`invalid: ${label(c)}`, async () => {
          const own = (await report(c)).findings.filter((f) => f.ruleId === ruleId);
          if (own.length !== c.findings.length) {
            fail(`expected ${c.findings.length} finding(s), got ${own.length}:\n${own.map(describeFinding).join('\n')}`);
          }
          c.findings.forEach((expected, i) => assertFinding(own[i]!, expected, i));
        });
      }
      for (const c of tests.notEvaluated ?? []) {
        this.#it(`not evaluated: ${label(c)}`, async () => {
          const r = await report(c);
          const entries = r.notEvaluated.filter((n) => n.ruleId === ruleId).flatMap((n) => n.missing);
          const match = entries.find((n) => (typeof c.capture === 'string' ? n.capture.includes(c.capture) : c.capture.test(n.capture)));
          if (!match) fail(`expected "not evaluated" with capture ${String(c.capture)}, got: ${entries.map((n) => n.capture).join('; ') || 'none'}`);
          if (c.checks && JSON.stringify([...(match.checks ?? [])].sort()) !== JSON.stringify([...c.checks].sort())) {
            fail(`expected the checks [${c.checks.join(', ')}] not evaluated, got ${match.checks ? `[${match.checks.join(', ')}]` : 'every check'}`);
          }
          const names = match.subjects.map((s) => s.name).sort();
          const want = [...(c.subjects ?? [])].sort();
          if (JSON.stringify(names) !== JSON.stringify(want)) fail(`expected not-evaluated subjects [${want.join(', ')}], got [${names.join(', ')}]`);
          const own = r.findings.filter((f) => f.ruleId === ruleId);
          const expected = c.findings ?? [];
          if (own.length !== expected.length) fail(`expected ${expected.length} finding(s), got ${own.length}:\n${own.map(describeFinding).join('\n')}`);
          expected.forEach((e, i) => assertFinding(own[i]!, e, i));
        });
      }
    });
  }

  async #report(rule: RuleDefinition, rules: readonly RuleDefinition[], c: ValidCase): Promise<Report> {
    const loaded = await loadInput(c.snapshot);
    const report = await analyze(loaded.snapshot, { rules, only: [rule.id], diagnostics: loaded.diagnostics, plugins: this.#plugins });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 && !c.allowErrorDiagnostics) {
      fail(`snapshot has error diagnostics:\n${errors.map((d) => `${d.file ?? ''}:${d.line ?? ''} ${d.code} ${d.message}`).join('\n')}`);
    }
    return report;
  }
}

async function loadInput(input: SnapshotInput): Promise<{ snapshot: Snapshot; diagnostics: Diagnostic[] }> {
  if (typeof input === 'string') return loadSnapshot(input);
  if ('files' in input) return buildSnapshot(input.files);
  if ('objects' in input) {
    const files: SnapshotFile[] = [{ path: 'objects.json', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: input.objects }) }];
    if (input.manifest) files.push({ path: 'snapshot.yaml', text: JSON.stringify(input.manifest) });
    return buildSnapshot(files);
  }
  if ('snapshot' in input) return input;
  return { snapshot: input, diagnostics: [] };
}

/** A bare snapshot input, or a case object (`{ snapshot, name? }`, which has no top-level `diagnostics`). */
function asCase(raw: SnapshotInput | ValidCase): ValidCase {
  if (typeof raw === 'string') return { snapshot: raw };
  return 'snapshot' in raw && !('diagnostics' in raw) ? (raw as ValidCase) : { snapshot: raw as SnapshotInput };
}

function fail(message: string): never {
  throw new RuleTestError(message);
}

function describeFinding(f: Finding): string {
  return `  - ${f.messageId} on ${f.subject.kind} ${f.subject.namespace ? `${f.subject.namespace}/` : ''}${f.subject.name}: ${f.message}`;
}

function assertFinding(actual: Finding, expected: ExpectedFinding, i: number): void {
  const where = `finding ${i} (${describeFinding(actual).trim()})`;
  if (actual.messageId !== expected.messageId) fail(`${where}: expected messageId ${expected.messageId}, got ${actual.messageId}`);
  for (const [key, value] of Object.entries(expected.subject)) {
    if (actual.subject[key as keyof FindingSubject] !== value) fail(`${where}: expected subject.${key} ${String(value)}, got ${String(actual.subject[key as keyof FindingSubject])}`);
  }
  if (expected.severity && actual.severity !== expected.severity) fail(`${where}: expected severity ${expected.severity}, got ${actual.severity}`);
  for (const [key, value] of Object.entries(expected.data ?? {})) {
    if (!(key in actual.data)) fail(`${where}: data has no "${key}" (has ${Object.keys(actual.data).join(', ')})`);
    if (actual.data[key] !== value) fail(`${where}: expected data.${key} ${JSON.stringify(value)}, got ${JSON.stringify(actual.data[key])}`);
  }
  for (const e of expected.evidence ?? []) {
    const found = actual.evidence.find((x) => x.fact === e.fact && (e.path === undefined || x.path === e.path));
    if (!found) fail(`${where}: no evidence from ${e.fact}${e.path ? `.${e.path}` : ''}`);
    if ('actual' in e && JSON.stringify(found.actual) !== JSON.stringify(e.actual)) {
      fail(`${where}: evidence ${e.fact}.${e.path ?? ''} expected ${JSON.stringify(e.actual)}, got ${JSON.stringify(found.actual)}`);
    }
  }
}
