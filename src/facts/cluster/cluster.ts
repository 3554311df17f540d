import { defineFact } from '../define.js';

/** Cluster facts (snapshot.yaml or inferred) flattened for conditions: `cluster.cni`, `cluster.provider`, … */
export const clusterFact = defineFact({
  id: 'cluster',
  subject: 'Cluster',
  description: 'Provider, CNI and Kubernetes version of the cluster, each from snapshot.yaml or inferred (`from` says how).',
  reads: ['snapshot.yaml cluster.*', 'node providerID and labels', 'kube-system DaemonSets', 'node kubeletVersion'],
  compute: (_subject, index) => {
    const c = index.snapshot.cluster;
    return {
      provider: c.provider?.value,
      cni: c.cni?.value,
      kubernetesVersion: c.kubernetesVersion?.value,
      from: {
        provider: c.provider?.from,
        cni: c.cni?.from,
        kubernetesVersion: c.kubernetesVersion?.from,
      },
    };
  },
});
