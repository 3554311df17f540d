import { Almanac, Engine, Fact as EngineFact, type RuleResult } from 'json-rules-engine';
import type { Condition, RuleDefinition } from '../catalog/rule-schema.js';
import { MissingDataError } from '../errors.js';
import type { Fact } from '../facts/define.js';
import type { SnapshotIndex } from '../facts/snapshot-index.js';
import type { Subject } from '../facts/subjects.js';
import { factValue } from './fact-values.js';
import { type Registry, builtinRegistry } from '../plugins/registry.js';
import { resolvePath } from './path-resolver.js';
import { runMemo } from './run-memo.js';

/**
 * The only importer of json-rules-engine: each check of a rule is a json-rules-engine Rule in an
 * Engine of its own, so a check whose data is missing does not hide the checks that can run.
 */
export interface RuleEngine {
  run(subject: Subject): Promise<RuleRun>;
}

export interface RuleRun {
  /** The checks (message ids) that passed, with their evaluated conditions. */
  passed: Array<{ messageId: string; conditions: unknown }>;
  /** Capture hints of the checks that lacked data (MissingDataError). */
  missing: string[];
  /** Checks that failed for another reason. */
  errors: Array<{ messageId: string; error: unknown }>;
}

export function factsUsedBy(rule: Pick<RuleDefinition, 'data' | 'checks'>, registry: Registry = builtinRegistry): Fact[] {
  const ids = new Set<string>(Object.values(rule.data).map((ref) => ref.split('.')[0] ?? ''));
  const walk = (c: Condition): void => {
    if ('all' in c) return c.all.forEach(walk);
    if ('any' in c) return c.any.forEach(walk);
    if ('not' in c) return walk(c.not);
    ids.add(c.fact);
    if (c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value)) ids.add(c.value.fact);
  };
  rule.checks.forEach((check) => walk(check.conditions as Condition));
  return [...ids].flatMap((id) => registry.facts.get(id) ?? []);
}

/** An engine for the given checks of the rule (default: all of them). */
export function createRuleEngine(
  rule: RuleDefinition,
  index: SnapshotIndex,
  checks: RuleDefinition['checks'] = rule.checks,
  registry: Registry = builtinRegistry,
): RuleEngine {
  const newEngine = (forChecks: RuleDefinition['checks']) => {
    const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePath, replaceFactsInEventParams: false });
    for (const operator of registry.operators) engine.addOperator(operator.name, operator.evaluate);
    // Only the facts these checks' conditions read (message data is read after one passes). Without
    // json-rules-engine's cache: it would hash the params of every lookup, and fact-values.ts
    // already computes each value once per subject.
    for (const fact of factsUsedBy({ data: {}, checks: forChecks }, registry)) {
      // Not async: json-rules-engine wraps the value in one promise itself; an error becomes a rejection, as an async function's would.
      const calculate = (_params: unknown, almanac: Almanac) => {
        try {
          (almanac as SubjectAlmanac).computed?.add(fact.id);
          return factValue(fact, (almanac as SubjectAlmanac).subject, index);
        } catch (error) {
          return Promise.reject(error);
        }
      };
      engine.addFact(new EngineFact(fact.id, calculate, { priority: fact.priority ?? 1, cache: false }));
    }
    // Named by position; the message id is kept here, not in event params, which json-rules-engine would clone into every result.
    forChecks.forEach((check, i) => engine.addRule({ name: String(i), conditions: check.conditions as never, event: { type: rule.id } }));
    return engine;
  };
  const engines = checks.map((check) => ({ messageId: check.messageId, engine: newEngine([check]) }));
  // All checks in one run: one almanac and one promise chain per subject instead of one per check. When
  // it rejects (a check lacks data or fails), the subject runs again one engine per check, which says
  // which; a rule whose subjects mostly lack data stops trying the shared run.
  const together = checks.length > 1 ? newEngine(checks) : undefined;
  let tries = 0;
  let rejected = 0;
  /** One subject through json-rules-engine; `computed` collects the ids of the facts it computed. */
  const evaluate = async (subject: Subject, computed?: Set<string>): Promise<RuleRun> => {
    let out: RuleRun = nothingPassed;
    if (together && (tries < 8 || rejected * 4 < tries)) {
      tries++;
      try {
        const { results } = await together.run(noRuntimeFacts, runOptions(subject, computed));
        if (results.length === 0) return nothingPassed;
        out = { passed: [], missing: noCaptures, errors: noErrors };
        // The passing checks, in check order (rules of one priority finish in any order).
        for (const r of (results as RuleResult[]).sort((a, b) => Number(a.name) - Number(b.name))) {
          out.passed.push({ messageId: checks[Number(r.name)]!.messageId, conditions: r.conditions });
        }
        return out;
      } catch {
        rejected++;
      }
    }
    for (const { messageId, engine } of engines) {
      try {
        const { results } = await engine.run(noRuntimeFacts, runOptions(subject, computed));
        if (results.length === 0) continue;
        if (out === nothingPassed) out = { passed: [], missing: [], errors: [] };
        for (const r of results as RuleResult[]) out.passed.push({ messageId, conditions: r.conditions });
      } catch (error) {
        if (out === nothingPassed) out = { passed: [], missing: [], errors: [] };
        if (error instanceof MissingDataError) {
          if (!out.missing.includes(error.capture)) out.missing.push(error.capture);
        } else out.errors.push({ messageId, error });
      }
    }
    return out;
};
  // Most subjects of a rule compare the same few values: json-rules-engine decides each set once (run-memo.ts).
  const memo = runMemo<RuleRun>(checks, index, registry);
  return { run: memo ? (subject) => memo.run(subject, evaluate) : evaluate };
}

/**
 * What most runs return (no check passed, none lacked data), shared instead of three new arrays per run; frozen, as
 * callers only read it.
 */
const noCaptures: string[] = Object.freeze([]) as never;
const noErrors: RuleRun['errors'] = Object.freeze([]) as never;
const nothingPassed: RuleRun = Object.freeze({ passed: Object.freeze([]) as never, missing: noCaptures, errors: noErrors });
const noRuntimeFacts = Object.freeze({});
const almanacOptions = { allowUndefinedFacts: false, pathResolver: resolvePath };

/**
 * A run's options, new for each run: an object shared across runs kept the last almanac — whose facts
 * hold the SnapshotIndex — alive after the analysis, so the whole snapshot outlived it.
 */
function runOptions(subject: Subject, computed: Set<string> | undefined): { almanac: Almanac } {
  return { almanac: subjectAlmanac(subject, computed) };
}

/** The almanac of one run, carrying its subject: facts read it directly, not through a runtime fact (hashed, and one more promise per lookup). */
interface SubjectAlmanac extends Almanac {
  subject: Subject;
  /** Where the run notes each fact json-rules-engine computed (for run-memo.ts), if anywhere. */
  computed?: Set<string>;
}

function subjectAlmanac(subject: Subject, computed: Set<string> | undefined): SubjectAlmanac {
  const almanac = new Almanac(almanacOptions) as SubjectAlmanac;
  almanac.subject = subject;
  if (computed) almanac.computed = computed;
  return almanac;
}
