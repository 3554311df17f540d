import type { EventObject, ServiceObject } from '../../snapshot/objects.js';
import { objectKey, type SnapshotIndex } from '../snapshot-index.js';

/**
 * The IKS cloud provider's event messages quoted in "无法通过网络负载均衡器 (NLB) 服务连接到应用程序" and
 * "无法获取 Ingress ALB 的子域…". The provider prefixes them with
 * `Error on cloud load balancer <name> for service <ns>/<svc> with UID <uid>: `; core/v1 Events carry
 * them in `message`, events.k8s.io/v1 in `note` (both reduce to `message`).
 */
export interface IksEventPattern {
  id: 'oneNode' | 'noPortableIp' | 'ipNotAvailable' | 'noNodesForNlb' | 'subnetLimit';
  /** The text as the document prints it. */
  quote: string;
  pattern: RegExp;
}

export const iksEventPatterns: readonly IksEventPattern[] = [
  { id: 'oneNode', quote: 'Clusters with one node must use services of type NodePort', pattern: /Clusters with one node must use services of type NodePort/i },
  {
    id: 'noPortableIp',
    quote: 'No cloud provider IPs are available to fulfill the NLB service request. Add a portable subnet to the cluster and try again',
    // Older releases: "… to fulfill the load balancer service request".
    pattern: /No cloud provider IPs are available to fulfill the (?:NLB|load balancer) service request/i,
  },
  {
    id: 'ipNotAvailable',
    quote: 'Requested cloud provider IP <cloud-provider-ip> is not available. The following cloud provider IPs are available: <available-cloud-provider-ips>',
    pattern: /Requested cloud provider IP (\S+?) is not available\.(?:\s*The following cloud provider IP(?:s| addresses) are available:\s*(.*))?/i,
  },
  { id: 'noNodesForNlb', quote: 'No available nodes for NLB services', pattern: /No available nodes for (?:NLB|load balancer) services/i },
  { id: 'subnetLimit', quote: 'ErrorSubnetLimitReached: There are already the maximum number of subnets permitted in this VLAN.', pattern: /ErrorSubnetLimitReached/ },
];

export interface IksEventMatch {
  id: IksEventPattern['id'];
  event: EventObject;
  /** Capture groups: the requested IP and the available list of `ipNotAvailable`. */
  groups: string[];
}

const cache = new WeakMap<SnapshotIndex, { all: IksEventMatch[]; byService: Map<string, IksEventMatch[]> }>();

/** Every event matching a pattern, once per analysis; those about a Service also keyed by `ns/name`. */
export function iksEventMatches(index: SnapshotIndex): { all: IksEventMatch[]; byService: Map<string, IksEventMatch[]> } {
  const cached = cache.get(index);
  if (cached) return cached;
  const all: IksEventMatch[] = [];
  const byService = new Map<string, IksEventMatch[]>();
  for (const event of index.snapshot.events) {
    for (const p of iksEventPatterns) {
      const m = p.pattern.exec(event.message);
      if (!m) continue;
      const match = { id: p.id, event, groups: m.slice(1).map((g) => g ?? '') };
      all.push(match);
      if (event.involvedKind === 'Service') {
        const key = objectKey(event.involvedNamespace ?? event.namespace, event.involvedName ?? '');
        byService.set(key, [...(byService.get(key) ?? []), match]);
      }
    }
  }
  const value = { all, byService };
  cache.set(index, value);
  return value;
}

export const eventObject = (e: EventObject) => `Event ${e.namespace ? `${e.namespace}/` : ''}${e.name}`;

const services = new WeakMap<SnapshotIndex, ServiceObject[]>();

/**
 * The Services the IKS events name: the captured ones, and for an event whose Service is not in the snapshot
 * (deleted since, or its namespace not captured) a stand-in with the event's involvedObject name and the event as
 * its source — the event alone is the document's evidence ("kubectl describe service" → Events), so it is
 * reported on `Service <ns>/<name>` rather than dropped.
 */
export function iksEventServices(index: SnapshotIndex): ServiceObject[] {
  const cached = services.get(index);
  if (cached) return cached;
  const result: ServiceObject[] = [];
  for (const [key, matches] of [...iksEventMatches(index).byService.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const captured = index.servicesByKey.get(key);
    if (captured) {
      result.push(captured);
      continue;
    }
    const event = matches[0]!.event;
    const name = event.involvedName ?? '';
    if (name === '') continue;
    const namespace = event.involvedNamespace ?? event.namespace;
    result.push({
      kind: 'Service',
      name,
      ...(namespace ? { namespace } : {}),
      labels: {},
      annotations: {},
      source: { ...event.source, object: eventObject(event) },
      type: '',
      clusterIPs: [],
      ports: [],
      externalIPs: [],
      loadBalancerIngress: [],
    });
  }
  services.set(index, result);
  return result;
}

/** Whether the Service is in the snapshot (not a stand-in built from its events). */
export const isCapturedService = (index: SnapshotIndex, service: ServiceObject) => index.servicesByKey.get(objectKey(service.namespace, service.name)) === service;
