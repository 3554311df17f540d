import type { Source } from './source.js';
import { type Raw, defined, num, rec, str, stringMap } from './raw.js';
import type {
  ConfigMapObject,
  EndpointsObject,
  EventObject,
  IngressObject,
  NodeObject,
  OtherObject,
  PodObject,
  SecretObject,
  ServiceObject,
  WorkloadObject,
} from './objects.js';
import { meta, putDefined, putMeta } from './reduce-meta.js';
import { endpointSlice, endpoints, ingress, service } from './reduce-services.js';
import { node, pod, workload } from './reduce-workloads.js';

/** Reduces one raw Kubernetes object to the typed shape the facts read. */
export type Reduced =
  | NodeObject
  | PodObject
  | ServiceObject
  | EndpointsObject
  | ConfigMapObject
  | EventObject
  | IngressObject
  | WorkloadObject
  | SecretObject
  | OtherObject;

/**
 * Built by assignment in the schema's order, each optional field only when defined (as `pod()`): the
 * same object as `defined({ kind, ...meta(raw, source), … })` without the spread and the copy.
 */
function event(raw: Raw, source: Source): EventObject {
  // core/v1 Event and events.k8s.io/v1 Event name the same things differently.
  const involved = rec(raw.involvedObject ?? raw.regarding);
  const out = putMeta({ kind: 'Event' } as Record<string, unknown>, raw, source);
  putDefined(out, 'type', str(raw.type));
  putDefined(out, 'reason', str(raw.reason));
  out.message = str(raw.message) ?? str(raw.note) ?? '';
  putDefined(out, 'involvedKind', str(involved.kind));
  putDefined(out, 'involvedName', str(involved.name));
  putDefined(out, 'involvedNamespace', str(involved.namespace));
  out.count = num(raw.count) ?? num(rec(raw.series).count) ?? num(raw.deprecatedCount) ?? 1;
  putDefined(out, 'firstTimestamp', str(raw.firstTimestamp) ?? str(raw.deprecatedFirstTimestamp) ?? str(raw.eventTime));
  putDefined(out, 'lastTimestamp', str(raw.lastTimestamp) ?? str(raw.deprecatedLastTimestamp) ?? str(raw.eventTime));
  putDefined(out, 'host', str(rec(raw.source).host) ?? str(raw.reportingInstance));
  return out as EventObject;
}

const reducers: Record<string, (raw: Raw, source: Source) => Reduced> = {
  Node: node,
  Pod: pod,
  Service: service,
  Endpoints: endpoints,
  EndpointSlice: endpointSlice,
  ConfigMap: (raw, source) => ({ kind: 'ConfigMap', ...meta(raw, source), data: stringMap(raw.data) }),
  Event: event,
  Ingress: ingress,
  DaemonSet: workload('DaemonSet'),
  Deployment: workload('Deployment'),
  NetworkPolicy: (raw, source) => ({ kind: 'NetworkPolicy', ...meta(raw, source) }),
  Namespace: (raw, source) => ({ kind: 'Namespace', ...meta(raw, source) }),
  Secret: (raw, source) =>
    defined({ kind: 'Secret' as const, ...meta(raw, source), type: str(raw.type), keys: Object.keys({ ...rec(raw.data), ...rec(raw.stringData) }).sort() }),
};

export const reducedKinds = Object.keys(reducers);

export function reduceObject(raw: Raw, source: Source): Reduced {
  const kind = str(raw.kind) ?? '';
  const reducer = reducers[kind];
  if (reducer) return reducer(raw, source);
  return defined({ kind, apiVersion: str(raw.apiVersion), ...meta(raw, source) });
}
