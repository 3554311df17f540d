import type { NodeObject } from '../../snapshot/objects.js';

/** Zone labels as IKS sets them, then the upstream forms. */
const zoneLabels = ['ibm-cloud.kubernetes.io/zone', 'topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
const machineTypeLabels = ['ibm-cloud.kubernetes.io/machine-type', 'node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'];

export const zoneOf = (node: NodeObject): string | undefined => zoneLabels.map((l) => node.labels[l]).find((z) => z !== undefined && z !== '');
export const machineTypeOf = (node: NodeObject): string | undefined => machineTypeLabels.map((l) => node.labels[l]).find((z) => z !== undefined && z !== '');
export const isReady = (node: NodeObject): boolean => node.conditions.some((c) => c.type === 'Ready' && c.status === 'True');

/** Worker nodes by zone (nodes without a zone label under `(no zone label)`), sorted by zone. */
export function workersByZone(nodes: readonly NodeObject[]): Array<{ zone: string; nodes: NodeObject[]; ready: NodeObject[] }> {
  const map = new Map<string, NodeObject[]>();
  for (const node of nodes) {
    const zone = zoneOf(node) ?? '(no zone label)';
    map.set(zone, [...(map.get(zone) ?? []), node]);
  }
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([zone, list]) => ({ zone, nodes: list, ready: list.filter(isReady) }));
}
