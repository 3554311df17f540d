import { defineFact } from '../define.js';
import { nodeForwardingSummary } from './kube-proxy-rules-by-service.js';
import { examplesText } from '../capped-list.js';

/**
 * Services missing from a node's kube-proxy rules (TKE "检查当前 Pod 所在节点上的
 * iptables 或者 ipvs 转发规则是否完整"): the proxy mode the node runs, which
 * Service ClusterIP:port / NodePort entries it lacks, and IPVS virtual servers
 * whose real servers differ from the Service's ready endpoints.
 */
export const nodeKubeProxyRules = defineFact({
  id: 'nodeKubeProxyRules',
  subject: 'Node',
  description:
    'The kube-proxy mode of the node (and why it is believed), how many Service ClusterIP:port and NodePort entries were looked up in its ' +
    'iptables-save / ipvsadm -Ln output, the missing ones (first 10 and count), and IPVS virtual servers whose weighted real servers ' +
    'differ from the Service\'s ready endpoints. A port counts as programmed in iptables mode when it has a KUBE-SERVICES / KUBE-NODEPORTS ' +
    'jump or a "has no endpoints" REJECT; headless, ExternalName and service-proxy-name Services are not expected.',
  reads: [
    'nodes/<node>/iptables-save, ip6tables-save (kube-proxy view)',
    'nodes/<node>/ipvsadm',
    'ConfigMap kube-system/kube-proxy-worker, kube-proxy-master, kube-proxy or kube-proxy-config (EKS) key config.conf (or config) (mode)',
    'Services spec.clusterIPs, ports, nodePort',
    'Endpoints / EndpointSlices (ready addresses)',
  ],
  compute: (node, index) => {
    const f = nodeForwardingSummary(index, node);
    const missingCount = f.missingClusterIP + f.missingNodePort;
    return {
      mode: f.mode,
      modeFrom: f.modeFrom,
      checked: f.checked,
      missingCount,
      missing: examplesText(f.missingExamples, missingCount),
      missingClusterIPCount: f.missingClusterIP,
      missingNodePortCount: f.missingNodePort,
      realServerMismatchCount: f.mismatches,
      realServerMismatches: examplesText(f.mismatchExamples, f.mismatches, '; '),
      source: f.source,
    };
  },
});
