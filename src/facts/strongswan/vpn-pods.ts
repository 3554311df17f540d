import type { PodObject } from '../../snapshot/objects.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/**
 * The strongSwan VPN pods: the document finds them with `kubectl get pod -l app=strongswan,release=<release>`;
 * the chart's Deployment is `<release>-strongswan`.
 */
export function vpnPods(index: SnapshotIndex): PodObject[] {
  return index.snapshot.pods.filter((p) => p.labels.app === 'strongswan' || (p.ownerName ?? '').endsWith('-strongswan') || /-strongswan-[a-z0-9]+-[a-z0-9]+$/.test(p.name));
}
