import type { PodObject, ServiceObject } from '../../snapshot/objects.js';
import { defineFact } from '../define.js';
import { matchingPods } from '../snapshot-index.js';

type Declared = PodObject['containers'][number]['ports'][number];
type ServicePort = ServiceObject['ports'][number];

const MAX_NAMES = 5;

/** `a, b, c` — at most five names, then how many more. */
function names(pods: readonly PodObject[]): string {
  const sorted = pods.map((p) => p.name).sort();
  const shown = sorted.slice(0, MAX_NAMES).join(', ');
  return sorted.length > MAX_NAMES ? `${shown} and ${sorted.length - MAX_NAMES} more` : shown;
}

const portText = (d: Declared) => `${d.name ? `${d.name}:` : ''}${d.containerPort}/${d.protocol.toUpperCase()}`;
const declaredBy = (pod: PodObject) => pod.containers.flatMap((c) => c.ports);

/** Pods grouped by the ports they declare: `web-a, web-b: http:8080/TCP; web-c: none`. */
function portsByPod(pods: readonly PodObject[]): string {
  const groups = new Map<string, PodObject[]>();
  for (const pod of pods) {
    const key = [...new Set(declaredBy(pod).map(portText))].sort().join(', ') || 'none';
    groups.set(key, [...(groups.get(key) ?? []), pod]);
  }
  return [...groups.entries()]
    .map(([ports, group]) => [ports, group.sort((a, b) => a.name.localeCompare(b.name))] as const)
    .sort(([, a], [, b]) => a[0]!.name.localeCompare(b[0]!.name))
    .map(([ports, group]) => `${names(group)}: ${ports}`)
    .join('; ');
}

/** A named targetPort resolves PER POD: the containerPort its own container declares under that name and protocol. */
function resolveNamed(pod: PodObject, name: string, protocol: string): number | undefined {
  return declaredBy(pod).find((d) => d.name === name && d.protocol.toUpperCase() === protocol)?.containerPort;
}

/** The pod declares ports, and not this one (no array per pod: asked for every port of every selected pod). */
function declaresOthersOnly(pod: PodObject, protocol: string, port: number): boolean {
  let declares = false;
  for (const c of pod.containers) {
    for (const d of c.ports) {
      if (d.containerPort === port && d.protocol.toUpperCase() === protocol) return false;
      declares = true;
    }
  }
  return declares;
}

interface PortCheck {
  unresolved?: string;
  partial?: string;
  undeclared?: string;
}

const noProblem: PortCheck = Object.freeze({});

/** `port http 80/TCP → targetPort web`, built only for a port that is reported. */
function portLabel(sp: ServicePort, protocol: string, target: number | string): string {
  return `port ${sp.name ? `${sp.name} ` : ''}${sp.port}/${protocol} → targetPort ${target}`;
}

function checkPort(sp: ServicePort, pods: readonly PodObject[]): PortCheck {
  const target = sp.targetPort ?? sp.port;
  const protocol = sp.protocol.toUpperCase();
  if (typeof target === 'string') {
    const resolved = pods.map((pod) => ({ pod, port: resolveNamed(pod, target, protocol) }));
    const missing = resolved.filter((r) => r.port === undefined).map((r) => r.pod);
    const found = resolved.filter((r): r is { pod: PodObject; port: number } => r.port !== undefined);
    if (found.length === 0) return { unresolved: portLabel(sp, protocol, target) };
    if (missing.length === 0) return noProblem;
    const mapping = found
      .sort((a, b) => a.pod.name.localeCompare(b.pod.name))
      .slice(0, MAX_NAMES)
      .map((r) => `${r.pod.name} → ${r.port}`)
      .join(', ');
    const more = found.length > MAX_NAMES ? ` and ${found.length - MAX_NAMES} more` : '';
    return { partial: `${portLabel(sp, protocol, target)} resolves on ${mapping}${more}; not declared by ${names(missing)}` };
  }
  // containerPort is informational: a numeric target is only suspicious on pods that declare ports, none of them it.
  const port = Number(target);
  const undeclared = pods.filter((pod) => declaresOthersOnly(pod, protocol, port));
  return undeclared.length > 0 ? { undeclared: `${portLabel(sp, protocol, target)} (not declared by ${names(undeclared)})` } : noProblem;
}

/**
 * A Service's `spec.ports` against the pods it selects (TKE "检查 Service 的 spec.ports 字段是否正确", IKS "检查是否使用的是
 * 应用程序侦听的端口"). Named targetPorts resolve per pod, as the endpoints controller does: two pods may map one name to
 * different numbers, and a pod that does not declare the name is left out of the endpoints for that port — all pods
 * (unresolved) or some (partial). A numeric targetPort need not be declared, so it is only reported for pods that
 * declare other ports and not it — a likely typo, not a certainty.
 */
export const serviceTargetPorts = defineFact({
  id: 'serviceTargetPorts',
  subject: 'Service',
  description:
    'For each Service port, its targetPort (the port when absent) against each selected pod\'s containerPorts: named targetPorts no selected pod ' +
    'declares (unresolved), named ones some pods declare and others do not (partial, with the number each pod resolves it to), and numeric ones ' +
    'pods that declare other ports do not declare (undeclared); the ports each pod declares.',
  reads: ['Service spec.ports[].targetPort, protocol, spec.selector', 'Pods spec.containers[].ports (name, containerPort, protocol)'],
  priority: 2,
  compute: (service, index) => {
    const pods = matchingPods(index, service.namespace, service.selector ?? {}).filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed');
    const unresolved: string[] = [];
    const partial: string[] = [];
    const undeclared: string[] = [];
    if (pods.length > 0) {
      for (const sp of service.ports) {
        const check = checkPort(sp, pods);
        if (check.unresolved !== undefined) unresolved.push(check.unresolved);
        if (check.partial !== undefined) partial.push(check.partial);
        if (check.undeclared !== undefined) undeclared.push(check.undeclared);
      }
    }
    // Message data only, read when a check fires: built on first read, not for each of 20,000 Services.
    let containerPorts: string | undefined;
    return {
      pods: pods.length,
      unresolvedNamedCount: unresolved.length,
      unresolvedNamed: unresolved.join('; '),
      partialNamedCount: partial.length,
      partialNamed: partial.join('; '),
      undeclaredCount: undeclared.length,
      undeclared: undeclared.join('; '),
      get containerPorts() {
        return (containerPorts ??= portsByPod(pods) || 'none');
      },
      source: service.source,
    };
  },
});
