import type { Condition, RuleDefinition } from '../catalog/rule-schema.js';
import { MissingDataError } from '../errors.js';
import type { Fact } from '../facts/define.js';
import type { SnapshotIndex } from '../facts/snapshot-index.js';
import type { Subject } from '../facts/subjects.js';
import type { Registry } from '../plugins/registry.js';
import type { TextFile } from '../snapshot/schema.js';
import { factValue } from './fact-values.js';
import { builtinOperatorNames, customOperators } from './operators/index.js';
import { resolvePath } from './path-resolver.js';

/**
 * json-rules-engine's verdicts on a rule's checks, remembered by the values its conditions compared.
 *
 * A run's outcome is a function of what its leaf conditions read — each `(fact, path)` resolved, and each
 * `{ fact, path }` value — because operators are pure and the path resolver is ours. Most subjects of a
 * rule read the same few values (counts of 0, `false`), so the engine decides each distinct set of values
 * once and the other subjects with that set get its decision: the engine still decides everything, and a
 * subject costs a few cached fact lookups instead of ~20 µs of promises, result clones and events.
 *
 * The memo reads only what the engine reads. json-rules-engine evaluates a list's conditions by priority
 * groups and computes a lower group only when the higher one did not decide; so the memo first reads the
 * inputs the engine always computes (each list's highest group, recursively), and the lower group's
 * inputs only for subjects whose first inputs made the engine compute them (learned from the engine's run
 * for the first subject with those inputs: which facts it computed is a function of them). Hence:
 *  - a list may have two priority groups, and the lower one only leaf conditions (else no memo);
 *  - every operator must be json-rules-engine's or kube-netdoctor's (a plugin's may not be pure);
 *  - a fact that lacks data (MissingDataError) is an input like a value — its capture hint is in the key;
 *    one that throws anything else sends the subject to the engine, and a run that failed is not remembered;
 *  - only scalar inputs (string, number, boolean, null, undefined) make a key; an object goes to the engine.
 * The files the facts read go into the run's trace as the engine's own reads would.
 */
export interface RunMemo<R extends Run> {
  /** `evaluate` runs json-rules-engine; given `computed`, it notes there the facts the engine computed. */
  run(subject: Subject, evaluate: (subject: Subject, computed?: Set<string>) => Promise<R>): Promise<R>;
}

/** What the memo needs of a run (rule-engine.ts's RuleRun): whether it lacked data or failed. */
interface Run {
  missing: readonly unknown[];
  errors: readonly unknown[];
}

interface Input {
  fact: Fact;
  path: string;
}

/** Inputs to read, and what each set of their values led to: a run, or the inputs the engine read next. */
interface Level<R> {
  inputs: readonly Input[];
  next: Map<string, R | Level<R>>;
}

const pureOperators: ReadonlySet<string> = new Set([...builtinOperatorNames, ...customOperators.map((o) => o.name)]);

/** Above this many remembered runs a rule's inputs are too varied to gain; the memo stops growing. */
const maxRuns = 4096;
/** After this many subjects, a memo that served fewer than a quarter of them stops being asked. */
const trialRuns = 256;

export function runMemo<R extends Run>(checks: RuleDefinition['checks'], index: SnapshotIndex, registry: Registry): RunMemo<R> | undefined {
  const first = new Map<string, Input>();
  const later = new Map<string, Input>();
  for (const check of checks) if (!collectInputs(check.conditions as Condition, registry, first, later)) return undefined;
  const laterInputs = [...later].filter(([key]) => !first.has(key)).map(([, input]) => input);
  const root: Level<R> = { inputs: [...first.values()], next: new Map() };
  const probe = new Set<TextFile>();
  let asked = 0;
  let served = 0;
  let remembered = 0;
  const keeps = (run: R) => remembered < maxRuns && run.errors.length === 0;
  const remember = (level: Level<R>, key: string, run: R) => {
    if (!keeps(run)) return;
    level.next.set(key, run);
    remembered++;
  };
  return {
    async run(subject, evaluate) {
      if (asked >= trialRuns && served * 4 < asked) return evaluate(subject);
      asked++;
      const key = inputKey(root.inputs, subject, index, probe);
      if (key === undefined) return evaluate(subject);
      const entry = root.next.get(key);
      if (entry === undefined) {
        const computed = new Set<string>();
        const run = await evaluate(subject, computed);
        const inputs = laterInputs.filter((input) => computed.has(input.fact.id));
        if (inputs.length === 0) remember(root, key, run);
        else if (keeps(run)) {
          const level: Level<R> = { inputs, next: new Map() };
          root.next.set(key, level);
          const laterKey = inputKey(inputs, subject, index, probe);
          if (laterKey !== undefined) remember(level, laterKey, run);
        }
        return run;
      }
      if (!isLevel(entry)) {
        served++;
        return entry;
      }
      const laterKey = inputKey(entry.inputs, subject, index, probe);
      if (laterKey === undefined) return evaluate(subject);
      const known = entry.next.get(laterKey) as R | undefined;
      if (known !== undefined) {
        served++;
        return known;
      }
      const run = await evaluate(subject);
      remember(entry, laterKey, run);
      return run;
    },
  };
}

const isLevel = <R>(entry: R | Level<R>): entry is Level<R> => typeof entry === 'object' && entry !== null && 'inputs' in entry;

/**
 * Sorts the condition's leaf inputs into those json-rules-engine always computes (`first`) and those it
 * computes only when a higher-priority group did not decide (`later`); false when the memo cannot serve.
 */
function collectInputs(condition: Condition, registry: Registry, first: Map<string, Input>, later: Map<string, Input>): boolean {
  if ('not' in condition) return collectInputs(condition.not, registry, first, later);
  if ('all' in condition || 'any' in condition) {
    const list = 'all' in condition ? condition.all : condition.any;
    const priorities = [...new Set(list.map((c) => priorityOf(c, registry)))].sort((a, b) => b - a);
    if (priorities.length > 2) return false;
    return list.every((c) => {
      if (priorityOf(c, registry) === priorities[0]) return collectInputs(c, registry, first, later);
      return 'fact' in c && collectInputs(c, registry, later, later);
    });
  }
  if (!pureOperators.has(condition.operator)) return false;
  const add = (factId: string, path = '') => {
    const fact = registry.facts.get(factId);
    if (fact) first.set(`${factId}\u0000${path}`, { fact, path });
    return fact !== undefined;
  };
  const value = condition.value;
  const reference = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  return add(condition.fact, condition.path) && (reference === undefined || add(reference.fact, reference.path));
}

/** json-rules-engine's priority of a condition in a list: its fact's for a leaf, 1 for a nested all/any/not. */
function priorityOf(condition: Condition, registry: Registry): number {
  return ('fact' in condition && registry.facts.get(condition.fact)?.priority) || 1;
}

/**
 * The subject's inputs as one string, or undefined when one is not a scalar or its fact failed. The files
 * the facts read are collected apart and then added to the run's trace: the engine reads each of them too.
 */
function inputKey(inputs: readonly Input[], subject: Subject, index: SnapshotIndex, probe: Set<TextFile>): string | undefined {
  const outer = index.trace;
  probe.clear();
  index.trace = probe;
  let key = '';
  try {
    for (const { fact, path } of inputs) {
      let value: unknown;
      try {
        value = resolvePath(factValue(fact, subject, index), path);
      } catch (error) {
        // Data missing is a value like any other: the engine's run says which capture it lacks.
        if (!(error instanceof MissingDataError)) return undefined;
        key += `x${error.capture.length}:${error.capture}`;
        continue;
      }
      switch (typeof value) {
        case 'number':
          key += `n${value}\u0001`;
          break;
        case 'boolean':
          key += value ? 't' : 'f';
          break;
        case 'undefined':
          key += 'u';
          break;
        case 'string':
          key += `s${value.length}:${value}`;
          break;
        default:
          if (value !== null) return undefined;
          key += 'z';
      }
    }
  } finally {
    index.trace = outer;
    if (outer) for (const file of probe) outer.add(file);
  }
  return key;
}
