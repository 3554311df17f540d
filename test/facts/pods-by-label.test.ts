import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexSnapshot, matchingPods, podsWithLabel } from '../../src/facts/snapshot-index.js';
import type { PodObject } from '../../src/snapshot/objects.js';
import type { Snapshot } from '../../src/snapshot/schema.js';

// The label index against a filter over every pod: the same pods, in snapshot order — also when consecutive pods
// share one labels object (as the Node entry loads a ReplicaSet's pods) in one namespace or across two.
const labelSets = [{ app: 'a' }, { app: 'b', tier: 'web' }, { app: 'a', tier: 'web' }, {}, { tier: 'db' }];

describe('podsWithLabel and matchingPods', () => {
  it('give the pods a filter over all pods gives, in snapshot order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ namespace: fc.constantFrom('ns1', 'ns2', undefined), labels: fc.nat({ max: labelSets.length - 1 }), copy: fc.boolean() }), { maxLength: 40 }),
        (specs) => {
          // `copy`: an equal but distinct labels object; otherwise the shared one.
          const pods = specs.map((s, i) => ({ name: `p${i}`, namespace: s.namespace, labels: s.copy ? { ...labelSets[s.labels]! } : labelSets[s.labels]! }) as unknown as PodObject);
          const index = indexSnapshot({ pods } as unknown as Snapshot);
          for (const namespace of ['ns1', 'ns2', undefined]) {
            for (const [key, value] of [['app', 'a'], ['app', 'b'], ['tier', 'web'], ['tier', 'db']] as const) {
              const expected = pods.filter((p) => (p.namespace ?? '') === (namespace ?? '') && p.labels[key] === value).map((p) => p.name);
              expect(podsWithLabel(index, namespace, key, value).map((p) => p.name)).toEqual(expected);
            }
            const both = pods.filter((p) => (p.namespace ?? '') === (namespace ?? '') && p.labels.app === 'a' && p.labels.tier === 'web').map((p) => p.name);
            expect(matchingPods(index, namespace, { app: 'a', tier: 'web' }).map((p) => p.name)).toEqual(both);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
