/// <reference types="node" />
import { Engine } from 'json-rules-engine';
import type { RuleDefinition } from '../src/catalog/rule-schema.js';
import { customOperators } from '../src/engine/operators/index.js';
import { resolvePath } from '../src/engine/path-resolver.js';
import { factsUsedBy } from '../src/engine/rule-engine.js';
import { indexSnapshot } from '../src/facts/snapshot-index.js';
import type { SubjectKind } from '../src/facts/subjects.js';
import type { Snapshot } from '../src/snapshot/schema.js';

/**
 * The approach indexed evaluation replaces: for every object, json-rules-engine
 * runs the whole catalog written for that object's kind (no selector, no
 * pre-condition), computing facts inside the run. Facts that lack data count
 * as undefined. Returns the time and the number of runs.
 */
export async function naiveRunMs(snapshot: Snapshot, catalog: readonly RuleDefinition[]): Promise<{ ms: number; runs: number; objects: number }> {
  const index = indexSnapshot(snapshot);
  const subjectsByKind: Record<SubjectKind, readonly object[]> = {
    Cluster: [index.clusterSubject],
    Node: snapshot.nodes,
    Pod: snapshot.pods,
    Service: snapshot.services,
    ConfigMap: snapshot.configMaps,
    Ingress: snapshot.ingresses,
    Event: snapshot.events,
  };
  const started = performance.now();
  let runs = 0;
  for (const [kind, subjects] of Object.entries(subjectsByKind) as Array<[SubjectKind, readonly object[]]>) {
    const rules = catalog.filter((r) => r.subject === kind);
    if (rules.length === 0) continue;
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath, replaceFactsInEventParams: false });
    for (const operator of customOperators) engine.addOperator(operator.name, operator.evaluate);
    const facts = new Map(rules.flatMap((r) => factsUsedBy(r)).map((f) => [f.id, f]));
    for (const fact of facts.values()) {
      engine.addFact(fact.id, async (_params, almanac) => {
        const subject = await almanac.factValue<object>('subject');
        try {
          return fact.compute((fact.subject === 'Cluster' ? index.clusterSubject : subject) as never, index);
        } catch {
          return undefined;
        }
      });
    }
    for (const rule of rules) for (const check of rule.checks) engine.addRule({ name: `${rule.id}/${check.messageId}`, conditions: check.conditions as never, event: { type: rule.id } });
    for (const subject of subjects) {
      await engine.run({ subject });
      runs++;
    }
  }
  const objects = Object.values(subjectsByKind).reduce((n, list) => n + list.length, 0);
  return { ms: performance.now() - started, runs, objects };
}
