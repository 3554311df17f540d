import { Engine, type RuleResult } from 'json-rules-engine';
import type { Condition, RuleDefinition } from '../catalog/rule-schema.js';
import type { Fact } from '../facts/define.js';
import { factsById } from '../facts/registry.js';
import type { SnapshotIndex } from '../facts/snapshot-index.js';
import type { Subject } from '../facts/subjects.js';
import { factValue } from './fact-values.js';
import { customOperators } from './operators/index.js';
import { resolvePath } from './path-resolver.js';

/** The only importer of json-rules-engine: one Engine per rule, holding that rule's checks. */
export interface RuleEngine {
  /** The checks (message ids) that passed for this subject, with their evaluated conditions. */
  run(subject: Subject): Promise<Array<{ messageId: string; conditions: unknown }>>;
}

export function factsUsedBy(rule: RuleDefinition): Fact[] {
  const ids = new Set<string>(Object.values(rule.data).map((ref) => ref.split('.')[0] ?? ''));
  const walk = (c: Condition): void => {
    if ('all' in c) return c.all.forEach(walk);
    if ('any' in c) return c.any.forEach(walk);
    if ('not' in c) return walk(c.not);
    ids.add(c.fact);
    if (c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value)) ids.add(c.value.fact);
  };
  rule.checks.forEach((check) => walk(check.conditions as Condition));
  return [...ids].flatMap((id) => factsById.get(id) ?? []);
}

export function createRuleEngine(rule: RuleDefinition, index: SnapshotIndex): RuleEngine {
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolvePath, replaceFactsInEventParams: false });
  for (const operator of customOperators) engine.addOperator(operator.name, operator.evaluate);
  for (const fact of factsUsedBy(rule)) {
    engine.addFact(fact.id, async (_params, almanac) => factValue(fact, await almanac.factValue<Subject>('subject'), index), {
      priority: fact.priority ?? 1,
      cache: true,
    });
  }
  for (const check of rule.checks) {
    engine.addRule({ name: check.messageId, conditions: check.conditions as never, event: { type: rule.id, params: { messageId: check.messageId } } });
  }
  return {
    async run(subject) {
      const { results } = await engine.run({ subject });
      return results.map((r: RuleResult) => ({ messageId: String(r.event?.params?.messageId ?? r.name), conditions: r.conditions }));
    },
  };
}
