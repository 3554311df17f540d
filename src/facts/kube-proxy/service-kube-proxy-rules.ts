import { defineFact } from '../define.js';
import { type Gap, serviceGaps } from './kube-proxy-rules-by-service.js';

/** `… 10.96.0.10:53/UDP on node-a, node-b (+3 nodes)`, one per missing entry. */
function describeGap(gap: Gap): string {
  return [...gap.byText].map(([text, { nodes, count }]) => `${text} on ${nodes.join(', ')}${count > nodes.length ? ` (+${count - nodes.length} nodes)` : ''}`).join(', ');
}

/** Mismatch entries already name their node; at most 3 are kept. */
function describeMismatches(gap: Gap): string {
  const shown = [...gap.byText.keys()];
  return shown.join('; ') + (gap.nodes > shown.length ? ` … and ${gap.nodes - shown.length} more nodes` : '');
}

/** One Service seen from every node with kube-proxy rule outputs (the nodeKubeProxyRules checks, turned around). */
export const serviceKubeProxyRules = defineFact({
  id: 'serviceKubeProxyRules',
  subject: 'Service',
  description:
    'For a Service, across the nodes whose iptables-save / ipvsadm -Ln was captured: how many nodes lack its ClusterIP:port or its NodePort ' +
    'in their kube-proxy rules (and which), the missing ClusterIP ports as `port/PROTOCOL`, and nodes whose IPVS real servers for it differ ' +
    'from its ready endpoints. Nodes whose outputs could not be read for their proxy mode are counted in nodesNotChecked.',
  reads: ['the nodeKubeProxyRules inputs of every node with nodes/<node>/iptables-save, ip6tables-save or ipvsadm'],
  compute: (service, index) => {
    const g = serviceGaps(index, service);
    const file = g.clusterIP.file ?? g.nodePort.file ?? g.mismatch.file;
    return {
      nodesChecked: g.nodesChecked,
      nodesNotChecked: g.nodesNotChecked,
      clusterIPMissingNodes: g.clusterIP.nodes,
      clusterIPMissing: describeGap(g.clusterIP),
      missingPorts: [...g.missingPorts],
      nodePortMissingNodes: g.nodePort.nodes,
      nodePortMissing: describeGap(g.nodePort),
      realServerMismatchNodes: g.mismatch.nodes,
      realServerMismatches: describeMismatches(g.mismatch),
      source: file ? { file } : service.source,
    };
  },
});
