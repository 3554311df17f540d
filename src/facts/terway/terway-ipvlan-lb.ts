import { MissingDataError } from '../../errors.js';
import { componentVersion } from '../cluster/component-version.js';
import { defineFact } from '../define.js';
import { requireTerwayEniConfig } from './terway-eni-config.js';

/** ACK: "v1.2.0及以上版本的Terway" supports in-cluster load balancing in IPvlan mode. */
export const inClusterLoadBalanceFrom = 'v1.2.0';

/**
 * ACK "如何为Terway IPvlan集群开启集群内负载均衡?": in IPvlan mode Cilium, not
 * kube-proxy, handles pod traffic, so in-cluster access to a LoadBalancer or
 * external IP is not short-circuited to the endpoints unless eni-config sets
 * `in_cluster_loadbalance: "true"` (on by default only for clusters created
 * with Terway v1.2.0 or later).
 */
export const terwayIpvlanLb = defineFact({
  id: 'terwayIpvlanLb',
  subject: 'Cluster',
  description: `Whether Terway runs in IPvlan mode (eni-config 10-terway.conf eniip_virtual_type), its image version (must be ${inClusterLoadBalanceFrom} or later for the feature), and the in_cluster_loadbalance flag beside eni_conf.`,
  reads: ['ConfigMap kube-system/eni-config keys 10-terway.conf(list), in_cluster_loadbalance', 'terway DaemonSet or pod image (container terway)'],
  priority: 5,
  compute: (_cluster, index) => {
    const eni = requireTerwayEniConfig(index);
    const version = componentVersion(index, /^terway/, /^terway$/);
    // Only IPvlan clusters need the version; there it decides whether the flag can work at all.
    if (eni.config.ipvlan && !version) {
      throw new MissingDataError('the terway DaemonSet or its pods (kubectl -n kube-system get ds terway-eniip -o yaml) for the Terway image version');
    }
    const flag = eni.config.inClusterLoadBalance;
    const cniKey = ['10-terway.conflist', '10-terway.conf'].find((key) => eni.configMap.data[key] !== undefined) ?? 'eni_conf';
    return {
      ipvlan: eni.config.ipvlan,
      virtualType: eni.config.virtualType ?? 'not set',
      version: version?.version ?? 'unknown',
      versionFrom: version?.from ?? 'no terway DaemonSet or pod in the snapshot',
      inClusterLoadBalance: flag === true,
      inClusterLoadBalanceValue: flag === undefined ? 'not set' : String(flag),
      source: eni.sourceOf(flag === undefined ? cniKey : 'in_cluster_loadbalance'),
    };
  },
});
