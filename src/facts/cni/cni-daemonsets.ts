import { MissingDataError } from '../../errors.js';
import type { Source } from '../../snapshot/source.js';
import type { SnapshotIndex } from '../snapshot-index.js';

export interface CniDaemonSet {
  cni: string;
  namespace: string;
  name: string;
  /** Network-policy engines that enforce NetworkPolicy objects. */
  enforcesPolicy: boolean;
  source: Source;
}

// DaemonSet names as the projects ship them; canal before flannel (it contains flannel).
const cniPatterns: Array<[RegExp, string, boolean]> = [
  [/^(rke2-)?canal$/, 'canal', true],
  [/^terway/, 'terway', true],
  [/flannel/, 'flannel', false],
  [/^calico-node$/, 'calico', true],
  [/^cilium$/, 'cilium', true],
  [/^weave-net$/, 'weave', true],
  [/^kube-router$/, 'kube-router', true],
  [/^antrea-agent$/, 'antrea', true],
  [/^kube-ovn-cni$/, 'kube-ovn', true],
  // Policy engines beside a CNI that does not enforce NetworkPolicy itself (AKS Azure NPM, the upstream reference one).
  [/^azure-npm$/, 'azure-npm', true],
  [/^kube-network-policies$/, 'kube-network-policies', true],
  [/multus/, 'multus', false],
];

const cniOf = (name: string) => cniPatterns.find(([pattern]) => pattern.test(name));

/**
 * Every DaemonSet (any namespace) that installs a CNI plugin, from the
 * DaemonSets or, when those were not captured, from the owners of pods.
 */
export function cniDaemonSets(index: SnapshotIndex): CniDaemonSet[] {
  const captured = index.snapshot.captured;
  if (captured.includes('DaemonSet')) {
    return index.snapshot.workloads.flatMap((w) => {
      const match = w.kind === 'DaemonSet' ? cniOf(w.name) : undefined;
      return match ? [{ cni: match[1], namespace: w.namespace ?? '', name: w.name, enforcesPolicy: match[2], source: w.source }] : [];
    });
  }
  if (!captured.includes('Pod')) {
    throw new MissingDataError('kubectl get daemonsets -A -o json > daemonsets.json (or the pods: kubectl get pods -A -o json > pods.json)');
  }
  const seen = new Map<string, CniDaemonSet>();
  for (const pod of index.snapshot.pods) {
    const match = pod.ownerKind === 'DaemonSet' && pod.ownerName ? cniOf(pod.ownerName) : undefined;
    const key = `${pod.namespace ?? ''}/${pod.ownerName ?? ''}`;
    if (match && !seen.has(key)) seen.set(key, { cni: match[1], namespace: pod.namespace ?? '', name: pod.ownerName!, enforcesPolicy: match[2], source: pod.source });
  }
  return [...seen.values()];
}

export const describeCniDaemonSet = (d: CniDaemonSet) => `${d.cni} (DaemonSet ${d.namespace}/${d.name})`;
