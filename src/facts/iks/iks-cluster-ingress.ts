import { parseIbmcloudKsClusterGet } from '../../parsers/cluster/ibmcloud-ks-cluster-get.js';
import { requiredClusterOutput } from '../cluster-outputs.js';
import { defineFact } from '../define.js';

/** `ibmcloud ks cluster-get`: state and the IBM-provided Ingress subdomain and secret. */
export const iksClusterIngress = defineFact({
  id: 'iksClusterIngress',
  subject: 'Cluster',
  description: 'From `ibmcloud ks cluster-get`: the cluster name and State, whether an Ingress Subdomain is set, and the IBM-provided Ingress Secret name.',
  reads: ['cluster/ibmcloud-ks-cluster-get.txt'],
  compute: (_cluster, index) => {
    const out = requiredClusterOutput(index, 'ibmcloudKsClusterGet', parseIbmcloudKsClusterGet, (v) => v.state === undefined);
    const v = out.value;
    return {
      name: v.name ?? v.id ?? 'unknown',
      state: v.state ?? 'unknown',
      hasIngressSubdomain: v.ingressSubdomain !== undefined,
      ingressSubdomain: v.ingressSubdomain ?? '-',
      ingressSecret: v.ingressSecret ?? '-',
      source: out.at(v.lines.ingressSubdomain ?? v.lines.state),
    };
  },
});
