import type { Snapshot } from './schema.js';

/** True when nothing was loaded: no object kind, node, cluster or cloud file, and no manifest. */
export function isEmptySnapshot(snapshot: Snapshot): boolean {
  return (
    snapshot.captured.length === 0 &&
    Object.keys(snapshot.nodeOutputs).length === 0 &&
    Object.keys(snapshot.clusterOutputs).length === 0 &&
    Object.keys(snapshot.cloud).length === 0 &&
    snapshot.name === undefined &&
    snapshot.capturedAt === undefined &&
    Object.keys(snapshot.cluster).length === 0
  );
}

/** How many objects the snapshot holds (all kinds). */
export function objectCount(snapshot: Snapshot): number {
  return (
    snapshot.nodes.length +
    snapshot.pods.length +
    snapshot.services.length +
    snapshot.endpoints.length +
    snapshot.configMaps.length +
    snapshot.events.length +
    snapshot.ingresses.length +
    snapshot.workloads.length +
    snapshot.networkPolicies.length +
    snapshot.namespaces.length +
    snapshot.secrets.length +
    snapshot.others.length
  );
}
