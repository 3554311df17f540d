import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Raw, arr, defined, num, rec, str, strings } from '../../src/snapshot/raw.js';
import { meta } from '../../src/snapshot/reduce-meta.js';
import { reduceObject } from '../../src/snapshot/reduce-object.js';

/** The Event, Endpoints and EndpointSlice reducers as they were written before they were built by assignment: the reference for values and key order. */
function referenceEvent(raw: Raw, source: { file: string; object?: string }) {
  const involved = rec(raw.involvedObject ?? raw.regarding);
  return defined({
    kind: 'Event' as const,
    ...meta(raw, source),
    type: str(raw.type),
    reason: str(raw.reason),
    message: str(raw.message) ?? str(raw.note) ?? '',
    involvedKind: str(involved.kind),
    involvedName: str(involved.name),
    involvedNamespace: str(involved.namespace),
    count: num(raw.count) ?? num(rec(raw.series).count) ?? num(raw.deprecatedCount) ?? 1,
    firstTimestamp: str(raw.firstTimestamp) ?? str(raw.deprecatedFirstTimestamp) ?? str(raw.eventTime),
    lastTimestamp: str(raw.lastTimestamp) ?? str(raw.deprecatedLastTimestamp) ?? str(raw.eventTime),
    host: str(rec(raw.source).host) ?? str(raw.reportingInstance),
  });
}

function referenceEndpoints(raw: Raw, source: { file: string; object?: string }) {
  const m = meta(raw, source);
  const subsets = arr(raw.subsets);
  const address = (ready: boolean) => (a: Raw) => defined({ ip: str(a.ip) ?? '', nodeName: str(a.nodeName), ready });
  return {
    kind: 'Endpoints',
    ...m,
    serviceName: m.name,
    addresses: subsets.flatMap((s) => [...arr(s.addresses).map(address(true)), ...arr(s.notReadyAddresses).map(address(false))]),
    ports: subsets.flatMap((s) => arr(s.ports).map((p) => defined({ name: str(p.name), port: num(p.port) ?? 0, protocol: str(p.protocol) ?? 'TCP' }))),
  };
}

function referenceEndpointSlice(raw: Raw, source: { file: string; object?: string }) {
  const m = meta(raw, source);
  return {
    kind: 'EndpointSlice',
    ...m,
    serviceName: m.labels['kubernetes.io/service-name'] ?? '',
    addresses: arr(raw.endpoints).flatMap((e) => strings(e.addresses).map((ip) => defined({ ip, nodeName: str(e.nodeName), ready: rec(e.conditions).ready !== false }))),
    ports: arr(raw.ports).map((p) => defined({ name: str(p.name), port: num(p.port) ?? 0, protocol: str(p.protocol) ?? 'TCP' })),
  };
}

const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -3, max: 70000 }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom('True', '8080', ' 42 ', 'kube-dns'));
/** Any field may be missing, of another type, or hold odd values: the reducers read them tolerantly. */
const maybe = <T>(value: fc.Arbitrary<T>) => fc.oneof({ arbitrary: value, weight: 6 }, scalar, fc.constant([]), fc.constant({}));
const record = (fields: Record<string, fc.Arbitrary<unknown>>) => maybe(fc.record(fields, { requiredKeys: [] }));
const list = (item: fc.Arbitrary<unknown>) => maybe(fc.array(fc.oneof(item, scalar), { maxLength: 3 }));
const stringMapOf = maybe(fc.dictionary(fc.constantFrom('app', 'kubernetes.io/service-name', '0', '__proto__', 'constructor'), scalar, { maxKeys: 3 }));
const metadata = record({ name: scalar, namespace: scalar, labels: stringMapOf, annotations: stringMapOf, ownerReferences: list(record({ kind: scalar, name: scalar, controller: fc.oneof(fc.constant(true), scalar) })) });
const port = record({ name: scalar, port: scalar, protocol: scalar });

const rawEvent = fc.record(
  {
    kind: fc.constant('Event'),
    metadata,
    type: scalar,
    reason: scalar,
    message: scalar,
    note: scalar,
    involvedObject: record({ kind: scalar, name: scalar, namespace: scalar }),
    regarding: record({ kind: scalar, name: scalar, namespace: scalar }),
    count: scalar,
    series: record({ count: scalar }),
    deprecatedCount: scalar,
    firstTimestamp: scalar,
    deprecatedFirstTimestamp: scalar,
    eventTime: scalar,
    lastTimestamp: scalar,
    deprecatedLastTimestamp: scalar,
    source: record({ host: scalar }),
    reportingInstance: scalar,
  },
  { requiredKeys: ['kind'] },
);
const rawEndpoints = fc.record(
  {
    kind: fc.constant('Endpoints'),
    metadata,
    subsets: list(record({ addresses: list(record({ ip: scalar, nodeName: scalar })), notReadyAddresses: list(record({ ip: scalar, nodeName: scalar })), ports: list(port) })),
  },
  { requiredKeys: ['kind'] },
);
const rawEndpointSlice = fc.record(
  {
    kind: fc.constant('EndpointSlice'),
    metadata,
    endpoints: list(record({ addresses: list(scalar), nodeName: scalar, conditions: record({ ready: scalar }) })),
    ports: list(port),
  },
  { requiredKeys: ['kind'] },
);

describe('the Event, Endpoints and EndpointSlice reducers', () => {
  const cases = [
    ['Event', rawEvent, referenceEvent],
    ['Endpoints', rawEndpoints, referenceEndpoints],
    ['EndpointSlice', rawEndpointSlice, referenceEndpointSlice],
  ] as const;
  for (const [kind, raws, reference] of cases) {
    it(`${kind}: the same object as the spread-and-copy formulation, fields in the same order (property)`, () => {
      fc.assert(
        fc.property(raws as fc.Arbitrary<Record<string, unknown>>, (raw) => {
          const source = { file: 'x.json', object: `${kind} x` };
          const reduced = reduceObject(raw as Raw, source);
          const expected = reference(raw as Raw, source);
          expect(reduced).toStrictEqual(expected);
          expect(JSON.stringify(reduced)).toBe(JSON.stringify(expected));
        }),
        { numRuns: 3000 },
      );
    });
  }
});
