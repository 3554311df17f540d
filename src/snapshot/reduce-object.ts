import type { Source } from './source.js';
import { type Raw, arr, defined, num, rec, str, stringMap, strings } from './raw.js';
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

function meta(raw: Raw, source: Source) {
  const m = rec(raw.metadata);
  const owner = arr(m.ownerReferences).find((o) => o.controller === true) ?? arr(m.ownerReferences)[0];
  return defined({
    name: str(m.name) ?? '',
    namespace: str(m.namespace),
    labels: stringMap(m.labels),
    annotations: stringMap(m.annotations),
    ownerKind: owner ? str(owner.kind) : undefined,
    ownerName: owner ? str(owner.name) : undefined,
    source,
  });
}

function node(raw: Raw, source: Source): NodeObject {
  const spec = rec(raw.spec);
  const status = rec(raw.status);
  const info = rec(status.nodeInfo);
  const m = meta(raw, source);
  const podCIDRs = strings(spec.podCIDRs);
  const podCIDR = str(spec.podCIDR) ?? podCIDRs[0];
  return defined({
    kind: 'Node' as const,
    ...m,
    podCIDR,
    podCIDRs: podCIDRs.length > 0 ? podCIDRs : podCIDR ? [podCIDR] : [],
    providerID: str(spec.providerID),
    unschedulable: spec.unschedulable === true,
    taints: arr(spec.taints).map((t) => defined({ key: str(t.key) ?? '', value: str(t.value), effect: str(t.effect) ?? '' })),
    conditions: arr(status.conditions).map((c) => defined({ type: str(c.type) ?? '', status: str(c.status) ?? 'Unknown', reason: str(c.reason) })),
    addresses: arr(status.addresses).map((a) => ({ type: str(a.type) ?? '', address: str(a.address) ?? '' })),
    capacityPods: num(rec(status.capacity).pods),
    os: str(info.operatingSystem) ?? m.labels['kubernetes.io/os'] ?? m.labels['beta.kubernetes.io/os'],
    kubeletVersion: str(info.kubeletVersion),
    kernelVersion: str(info.kernelVersion),
    osImage: str(info.osImage),
    containerRuntimeVersion: str(info.containerRuntimeVersion),
  });
}

function containerPorts(c: Raw) {
  return arr(c.ports).map((p) =>
    defined({ name: str(p.name), containerPort: num(p.containerPort) ?? 0, protocol: str(p.protocol) ?? 'TCP', hostPort: num(p.hostPort) }),
  );
}

function pod(raw: Raw, source: Source): PodObject {
  const spec = rec(raw.spec);
  const status = rec(raw.status);
  const ips = strings(arr(status.podIPs).map((p) => p.ip));
  const podIP = str(status.podIP);
  return defined({
    kind: 'Pod' as const,
    ...meta(raw, source),
    nodeName: str(spec.nodeName),
    hostNetwork: spec.hostNetwork === true,
    phase: str(status.phase),
    ready: arr(status.conditions).some((c) => c.type === 'Ready' && c.status === 'True'),
    podIPs: ips.length > 0 ? ips : podIP ? [podIP] : [],
    containers: arr(spec.containers).map((c) => defined({ name: str(c.name) ?? '', image: str(c.image), ports: containerPorts(c) })),
    containerStatuses: arr(status.containerStatuses).map((c) =>
      defined({
        name: str(c.name) ?? '',
        ready: c.ready === true,
        restartCount: num(c.restartCount) ?? 0,
        waitingReason: str(rec(rec(c.state).waiting).reason),
      }),
    ),
    nodeSelector: stringMap(spec.nodeSelector),
    tolerations: arr(spec.tolerations).map((t) =>
      defined({ key: str(t.key), operator: str(t.operator), value: str(t.value), effect: str(t.effect) }),
    ),
  });
}

function service(raw: Raw, source: Source): ServiceObject {
  const spec = rec(raw.spec);
  const clusterIPs = strings(spec.clusterIPs);
  const clusterIP = str(spec.clusterIP);
  const selector = spec.selector === undefined || spec.selector === null ? undefined : stringMap(spec.selector);
  return defined({
    kind: 'Service' as const,
    ...meta(raw, source),
    type: str(spec.type) ?? 'ClusterIP',
    selector,
    clusterIPs: clusterIPs.length > 0 ? clusterIPs : clusterIP ? [clusterIP] : [],
    ipFamilyPolicy: str(spec.ipFamilyPolicy),
    ports: arr(spec.ports).map((p) =>
      defined({
        name: str(p.name),
        protocol: str(p.protocol) ?? 'TCP',
        port: num(p.port) ?? 0,
        targetPort: typeof p.targetPort === 'number' ? p.targetPort : str(p.targetPort),
        nodePort: num(p.nodePort),
      }),
    ),
    externalTrafficPolicy: str(spec.externalTrafficPolicy),
    internalTrafficPolicy: str(spec.internalTrafficPolicy),
    trafficDistribution: str(spec.trafficDistribution),
    loadBalancerIP: str(spec.loadBalancerIP),
    externalIPs: strings(spec.externalIPs),
    loadBalancerIngress: arr(rec(rec(raw.status).loadBalancer).ingress).map((i) => str(i.ip) ?? str(i.hostname) ?? ''),
  });
}

function endpoints(raw: Raw, source: Source): EndpointsObject {
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

function endpointSlice(raw: Raw, source: Source): EndpointsObject {
  const m = meta(raw, source);
  return {
    kind: 'EndpointSlice',
    ...m,
    serviceName: m.labels['kubernetes.io/service-name'] ?? '',
    // A missing `ready` condition means ready (EndpointSlice API docs).
    addresses: arr(raw.endpoints).flatMap((e) =>
      strings(e.addresses).map((ip) => defined({ ip, nodeName: str(e.nodeName), ready: rec(e.conditions).ready !== false })),
    ),
    ports: arr(raw.ports).map((p) => defined({ name: str(p.name), port: num(p.port) ?? 0, protocol: str(p.protocol) ?? 'TCP' })),
  };
}

function event(raw: Raw, source: Source): EventObject {
  // core/v1 Event and events.k8s.io/v1 Event name the same things differently.
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

function ingress(raw: Raw, source: Source): IngressObject {
  const spec = rec(raw.spec);
  const backend = (b: Raw, host?: string, path?: string) => {
    // networking.k8s.io/v1 nests service{name,port{number|name}}; v1beta1 has serviceName/servicePort.
    const svc = rec(b.service);
    const port = rec(svc.port);
    return defined({
      host,
      path,
      serviceName: str(svc.name) ?? str(b.serviceName) ?? '',
      servicePort: num(port.number) ?? str(port.name) ?? num(b.servicePort) ?? str(b.servicePort),
    });
  };
  const rules = arr(spec.rules).flatMap((r) =>
    arr(rec(r.http).paths).map((p) => backend(rec(p.backend), str(r.host), str(p.path))),
  );
  const fallback = spec.defaultBackend ?? spec.backend;
  return defined({
    kind: 'Ingress' as const,
    ...meta(raw, source),
    ingressClassName: str(spec.ingressClassName),
    backends: fallback ? [backend(rec(fallback)), ...rules] : rules,
    tlsSecrets: strings(arr(spec.tls).map((t) => t.secretName)),
    loadBalancerIngress: arr(rec(rec(raw.status).loadBalancer).ingress).map((i) => str(i.ip) ?? str(i.hostname) ?? ''),
  });
}

function workload(kind: 'DaemonSet' | 'Deployment') {
  return (raw: Raw, source: Source): WorkloadObject => {
    const podSpec = rec(rec(rec(raw.spec).template).spec);
    const status = rec(raw.status);
    return defined({
      kind,
      ...meta(raw, source),
      images: [...arr(podSpec.initContainers), ...arr(podSpec.containers)].map((c) => ({ container: str(c.name) ?? '', image: str(c.image) ?? '' })),
      nodeSelector: stringMap(podSpec.nodeSelector),
      desired: num(status.desiredNumberScheduled) ?? num(rec(raw.spec).replicas),
      ready: num(status.numberReady) ?? num(status.readyReplicas),
    });
  };
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
