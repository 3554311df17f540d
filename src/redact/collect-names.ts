import type { Snapshot } from '../snapshot/schema.js';
import type { NameKind, NamePseudonyms } from './name-pseudonyms.js';

/**
 * Registers every name the snapshot's manifest (the cluster's name), objects, node folders and cloud inventory give:
 * nodes, namespaces, pods (and the workloads that own them), Services, Endpoints,
 * ConfigMaps, DaemonSets / Deployments, Ingresses, NetworkPolicies, Secrets, other
 * objects, and cloud resource names (`VSwitchName`, `SecurityGroupName` …).
 */
export function collectNames(snapshot: Snapshot, names: NamePseudonyms): void {
  const add = (name: string | undefined, kind: NameKind, namespace?: string): void => {
    if (name) names.register(name, kind, namespace);
  };
  add(snapshot.name, 'cluster');
  for (const node of snapshot.nodes) {
    add(node.name, 'node');
    // `kube-<cluster id>-<cluster name>-<pool>-<number>`: the cluster's name, also in `ibmcloud ks` tables.
    const worker = /^kube-[a-z0-9]{20}-(.+)-[a-z0-9]+-\d{8}$/.exec(node.labels['ibm-cloud.kubernetes.io/worker-id'] ?? '');
    if (worker) add(worker[1], 'cluster');
  }
  for (const node of Object.keys(snapshot.nodeOutputs)) add(node, 'node');
  const groups: Array<[ReadonlyArray<{ name: string; namespace?: string; ownerName?: string; ownerKind?: string }>, NameKind]> = [
    [snapshot.namespaces, 'namespace'],
    [snapshot.workloads, 'workload'],
    [snapshot.services, 'service'],
    [snapshot.endpoints, 'service'],
    [snapshot.configMaps, 'configmap'],
    [snapshot.pods, 'pod'],
    [snapshot.ingresses, 'object'],
    [snapshot.networkPolicies, 'object'],
    [snapshot.secrets, 'object'],
    [snapshot.others, 'object'],
  ];
  for (const [objects, kind] of groups) {
    for (const object of objects) {
      add(object.namespace, 'namespace');
      add(object.name, kind, object.namespace);
      if (object.ownerName && object.ownerKind !== 'Node') add(object.ownerName, 'workload', object.namespace);
    }
  }
  for (const pod of snapshot.pods) add(pod.nodeName, 'node');
  for (const file of Object.values(snapshot.cloud)) {
    for (const match of file.text.matchAll(/"[A-Za-z]*Name"\s*:\s*"([^"\\]{3,128})"/g)) add(match[1], 'cloud-name');
  }
}
