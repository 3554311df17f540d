import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Raw, arr, defined, num, rec, str, stringMap, strings } from '../../src/snapshot/raw.js';
import { meta } from '../../src/snapshot/reduce-meta.js';
import { pod } from '../../src/snapshot/reduce-workloads.js';

/** The pod reducer as it was written before it was built by assignment: the reference for values and key order. */
function referencePod(raw: Raw, source: { file: string; object?: string }) {
  const spec = rec(raw.spec);
  const status = rec(raw.status);
  const ips = strings(arr(status.podIPs).map((p) => p.ip));
  const podIP = str(status.podIP);
  const m = rec(raw.metadata);
  const owner = arr(m.ownerReferences).find((o) => o.controller === true) ?? arr(m.ownerReferences)[0];
  const metaFields = defined({ name: str(m.name) ?? '', namespace: str(m.namespace), labels: stringMap(m.labels), annotations: stringMap(m.annotations), ownerKind: owner ? str(owner.kind) : undefined, ownerName: owner ? str(owner.name) : undefined, source });
  const required = rec(rec(rec(spec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  const terms = arr(required.nodeSelectorTerms).map((t) => arr(t.matchExpressions).map((e) => ({ key: str(e.key) ?? '', operator: str(e.operator) ?? 'In', values: strings(e.values) })));
  const scheduled = arr(status.conditions).find((c) => c.type === 'PodScheduled' && c.status !== 'True');
  return defined({
    kind: 'Pod' as const,
    ...metaFields,
    nodeName: str(spec.nodeName),
    hostNetwork: spec.hostNetwork === true,
    phase: str(status.phase),
    ready: arr(status.conditions).some((c) => c.type === 'Ready' && c.status === 'True'),
    podIPs: ips.length > 0 ? ips : podIP ? [podIP] : [],
    containers: arr(spec.containers).map((c) => defined({ name: str(c.name) ?? '', image: str(c.image), ports: arr(c.ports).map((p) => defined({ name: str(p.name), containerPort: num(p.containerPort) ?? 0, protocol: str(p.protocol) ?? 'TCP', hostPort: num(p.hostPort) })) })),
    containerStatuses: arr(status.containerStatuses).map((c) => defined({ name: str(c.name) ?? '', ready: c.ready === true, restartCount: num(c.restartCount) ?? 0, waitingReason: str(rec(rec(c.state).waiting).reason) })),
    nodeSelector: stringMap(spec.nodeSelector),
    tolerations: arr(spec.tolerations).map((t) => defined({ key: str(t.key), operator: str(t.operator), value: str(t.value), effect: str(t.effect) })),
    requiredNodeAffinity: terms.length > 0 ? terms : undefined,
    unschedulable: scheduled ? defined({ reason: str(scheduled.reason), message: str(scheduled.message) }) : undefined,
  });
}

const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -3, max: 70000 }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom('True', 'False', 'Ready', 'PodScheduled', '8080', ' 42 '));
/** Any field may be missing, of another type, or hold odd values: the reducer reads them tolerantly. */
const maybe = <T>(value: fc.Arbitrary<T>) => fc.oneof({ arbitrary: value, weight: 6 }, scalar, fc.constant([]), fc.constant({}));
const record = (fields: Record<string, fc.Arbitrary<unknown>>) => maybe(fc.record(fields, { requiredKeys: [] }));
const list = (item: fc.Arbitrary<unknown>) => maybe(fc.array(fc.oneof(item, scalar), { maxLength: 3 }));
const stringMapOf = maybe(fc.dictionary(fc.constantFrom('app', 'a/b', '0', '10', 'tier', '__proto__', 'constructor'), scalar, { maxKeys: 4 }));
const rawPod = fc.record(
  {
    kind: fc.constant('Pod'),
    metadata: record({ name: scalar, namespace: scalar, labels: stringMapOf, annotations: stringMapOf, ownerReferences: list(record({ kind: fc.oneof(fc.constantFrom('ReplicaSet', 'Job', 'Node'), scalar), name: scalar, controller: fc.oneof(fc.constant(true), scalar) })) }),
    spec: record({
      nodeName: scalar,
      hostNetwork: scalar,
      containers: list(record({ name: scalar, image: scalar, ports: list(record({ name: scalar, containerPort: scalar, protocol: scalar, hostPort: scalar })) })),
      nodeSelector: stringMapOf,
      tolerations: list(record({ key: scalar, operator: scalar, value: scalar, effect: scalar })),
      affinity: record({ nodeAffinity: record({ requiredDuringSchedulingIgnoredDuringExecution: record({ nodeSelectorTerms: list(record({ matchExpressions: list(record({ key: scalar, operator: scalar, values: list(scalar) })) })) }) }) }),
    }),
    status: record({
      phase: scalar,
      podIP: scalar,
      podIPs: list(record({ ip: scalar })),
      conditions: list(record({ type: fc.constantFrom('Ready', 'PodScheduled', 'Other'), status: scalar, reason: scalar, message: scalar })),
      containerStatuses: list(record({ name: scalar, ready: scalar, restartCount: scalar, state: record({ waiting: record({ reason: scalar }) }) })),
    }),
  },
  { requiredKeys: ['kind'] },
);

describe('the pod reducer', () => {
  it('gives the same object as the spread-and-copy formulation, fields in the same order (property)', () => {
    fc.assert(
      fc.property(rawPod, (raw) => {
        const source = { file: 'pods.json', object: 'Pod x' };
        const reduced = pod(raw as Raw, source);
        const reference = referencePod(raw as Raw, source);
        expect(reduced).toStrictEqual(reference);
        expect(JSON.stringify(reduced)).toBe(JSON.stringify(reference));
        expect(Object.keys(meta(raw as Raw, source))).toEqual(Object.keys(reference).slice(1, 1 + Object.keys(meta(raw as Raw, source)).length));
      }),
      { numRuns: 3000 },
    );
  });
});
