import { cniDaemonSets, describeCniDaemonSet } from './cni-daemonsets.js';
import { defineFact } from '../define.js';
import { cappedList } from '../capped-list.js';

/**
 * ACK "如何选择Kubernetes集群Terway和Flannel网络插件?": Flannel does not support
 * Kubernetes NetworkPolicy, so in a Flannel-only cluster NetworkPolicy
 * objects exist but nothing enforces them.
 */
export const networkPoliciesUnenforced = defineFact({
  id: 'networkPoliciesUnenforced',
  subject: 'Cluster',
  description: 'The NetworkPolicy objects of the cluster, and the CNI DaemonSets that could enforce them (calico, cilium, terway … — none in a Flannel-only cluster).',
  reads: ['NetworkPolicy objects', 'DaemonSets (or DaemonSet-owned pods) of CNI plugins'],
  compute: (_cluster, index) => {
    const policies = index.snapshot.networkPolicies;
    const enforcers = cniDaemonSets(index).filter((d) => d.enforcesPolicy);
    return {
      networkPolicyCount: policies.length,
      networkPolicies: cappedList(policies.map((p) => `${p.namespace}/${p.name}`), 5),
      enforcerCount: enforcers.length,
      enforcers: enforcers.map(describeCniDaemonSet).join(', ') || 'none',
      ...(policies[0] ? { source: policies[0].source } : {}),
    };
  },
});
