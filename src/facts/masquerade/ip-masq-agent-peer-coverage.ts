import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { coverageFigure } from '../figure-builders.js';
import { isPeerPodRange } from '../cluster/external-ranges.js';
import { nonMasqueradeCoverage } from './ip-masq-agent-coverage.js';

/**
 * Pods of two clusters that must see each other's pod IPs (across VPCs joined by CCN / peering) need each
 * other's container range in NonMasqueradeCIDRs (TKE: "修改 ip_masq_agent 的配置,彼此增加对方容器网段").
 */
export const ipMasqAgentPeerCoverage = defineFact({
  id: 'ipMasqAgentPeerCoverage',
  subject: 'Cluster',
  description:
    'NonMasqueradeCIDRs of the ip-masq-agent ConfigMap and, for each peer cluster container range (cluster.externalCIDRs entry of ' +
    'kind peer-pods), the part it does not cover.',
  reads: ['ConfigMap kube-system/ip-masq-agent-config (or ip-masq-agent) key config', 'cluster.externalCIDRs entries of kind peer-pods'],
  compute: (_cluster, index) => {
    const peers = (index.snapshot.cluster.externalCIDRs?.value ?? []).filter(isPeerPodRange);
    if (peers.length === 0) {
      throw new MissingDataError('cluster.externalCIDRs in snapshot.yaml: the peer cluster\'s container range, as an entry with kind: peer-pods (e.g. { cidr: 172.20.0.0/16, name: gz-data pods, kind: peer-pods })');
    }
    return nonMasqueradeCoverage(index, peers);
  },
  figure: (v) => coverageFigure('ip-masq-agent NonMasqueradeCIDRs against the peer cluster container ranges', { label: 'NonMasqueradeCIDRs', cidrs: v.cover }, v.required, v.uncovered),
});
