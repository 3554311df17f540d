/** Reducers for Nodes, Pods and the DaemonSets / Deployments that run them. */
import type { NodeObject, PodObject, WorkloadObject } from './objects.js';
import { type Raw, arr, defined, num, rec, str, stringMap, strings } from './raw.js';
import { meta } from './reduce-meta.js';
import type { Source } from './source.js';

export function node(raw: Raw, source: Source): NodeObject {
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

export function pod(raw: Raw, source: Source): PodObject {
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

export function workload(kind: 'DaemonSet' | 'Deployment') {
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
