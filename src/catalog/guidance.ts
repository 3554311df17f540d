/**
 * Catalog items marked G (guidance only): what the document advises and why a
 * snapshot cannot show it. Rendered into docs/coverage.md.
 */
export const guidance: Record<string, string> = {
  'iks-nlb-custom-domain':
    'The custom domain must map to the NLB public IP in a PTR record; DNS records live outside the cluster, so a snapshot cannot show them.',
  'win-icmp-unsupported':
    'Windows pods have no ICMP egress rules: test external reachability with curl <IP>, not ping <IP>. This is a platform limitation, not a state to detect.',
  'win-service-ip-from-node':
    'A Windows node cannot reach Service IPs itself (its pods can): a known limitation of the Windows network stack, not a misconfiguration.',
  'win-network-topology':
    'Check that the chosen topology (l2bridge or overlay) is configured, pod traffic and HTTP are allowed, and ICMP vs TCP/UDP are not dropped: these are checks on the network beyond the cluster.',
  'tke-capture-guidance':
    'Packet capture (tcpdump on the node, or inside the pod netns via nsenter) is an action, not state a snapshot records.',
  'ack-plugin-immutable':
    'The network plugin (Terway or Flannel) is chosen at cluster creation and cannot be changed afterwards; switching means creating a new cluster.',
  'ack-plugin-choice':
    'Flannel does not support Kubernetes NetworkPolicy; choose Terway when NetworkPolicy is needed.',
  'ack-pod-ping-ecs':
    'Pods cannot ping some ECS instances when the ECS is in the same VPC but another security group (add it to the cluster security group), or in another VPC (reach it through its public entrance). Security group membership is outside the snapshot.',
  'ack-cidr-immutable':
    'The number of pod IPs per node, the pod CIDR and the Service CIDR cannot be changed after creation: plan them before creating the cluster (ack-node-podcidr-capacity checks the consequence).',
  'ack-datapath-v2':
    'From Terway v1.8.0, new clusters that choose IPvlan use DataPath V2 by default; existing IPvlan clusters keep their data path. Informational.',
};
