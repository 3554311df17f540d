import { clusterFact } from './cluster.js';
import { conntrackTableFull } from './conntrack-table-full.js';
import type { Fact } from './define.js';
import { dnsServicePorts } from './dns-service-ports.js';
import { flannelHairpin } from './flannel-hairpin.js';
import { ingressBackends } from './ingress-backends.js';
import { ipMasqAgentCoverage } from './ip-masq-agent-coverage.js';
import { ipMasqAgentPeerCoverage } from './ip-masq-agent-peer-coverage.js';
import { ipamRangeExhaustion } from './ipam-range-exhaustion.js';
import { nodeFlannelAnnotations } from './node-flannel-annotations.js';
import { nodeKubeProxyRules } from './node-kube-proxy-rules.js';
import { nodePodCidrCapacity } from './node-pod-cidr-capacity.js';
import { serviceClbDirectAccess } from './service-clb-direct-access.js';
import { serviceEndpoints } from './service-endpoints.js';
import { serviceKubeProxyRules } from './service-kube-proxy-rules.js';
import { serviceNodePortRange } from './service-node-port-range.js';
import { servicePods } from './service-pods.js';
import { serviceTargetPorts } from './service-target-ports.js';
import { cidrOverlaps } from './cidr-overlaps.js';
import { conntrackTuning } from './conntrack-tuning.js';
import { dualStack } from './dual-stack.js';
import { dualStackListeners } from './dual-stack-listeners.js';
import { flannelCniVersion } from './flannel-cni-version.js';
import { ipv4OnlyPods } from './ipv4-only-pods.js';
import { ipvsUdpTimeout } from './ipvs-udp-timeout.js';
import { kubeProxyConfigValidity } from './kube-proxy-config-validity.js';
import { networkPoliciesUnenforced } from './network-policies-unenforced.js';
import { nodeNetworkUnavailable } from './node-network-unavailable.js';
import { podHostPorts } from './pod-host-ports.js';
import { singleStackServices } from './single-stack-services.js';
import { terwayEip } from './terway-eip.js';
import { terwayIpvlanLb } from './terway-ipvlan-lb.js';
import { terwayMacNotFound } from './terway-mac-not-found.js';
import { terwayNetworkPolicy } from './terway-network-policy.js';
import { terwayNodeReadiness } from './terway-node-readiness.js';
import { thirdPartyCni } from './third-party-cni.js';
import { windowsExceptionList } from './windows-exception-list.js';
import { kubeProxyIpvsScheduler } from './kube-proxy-ipvs-scheduler.js';
import { nodeCniConfig } from './node-cni-config.js';
import { nodeConntrack } from './node-conntrack.js';
import { nodeIpvsModules } from './node-ipvs-modules.js';
import { nodeLogMessages } from './node-log-messages.js';
import { windowsHnsNetworks } from './windows-hns-networks.js';
import { clbSecurityGroupPorts } from './clb-security-group-ports.js';
import { nodeSecurityGroupNodeAddresses } from './node-security-group-node-addresses.js';
import { nodeSecurityGroupNodePorts } from './node-security-group-node-ports.js';
import { nodeSecurityGroupPeerCidrs } from './node-security-group-peer-cidrs.js';
import { nodeSecurityGroupPodCidr } from './node-security-group-pod-cidr.js';
import { serviceLoadBalancerIngress } from './service-load-balancer-ingress.js';
import { podCidrRoutes } from './pod-cidr-routes.js';
import { podIpsOutsideVSwitches } from './pod-ips-outside-vswitches.js';
import { terwayEniQuota } from './terway-eni-quota.js';
import { terwayFixedVSwitch } from './terway-fixed-vswitch.js';
import { terwayPodCapacity } from './terway-pod-capacity.js';
import { terwayVSwitchExhaustion } from './terway-vswitch-exhaustion.js';
import { terwayVSwitchSnat } from './terway-vswitch-snat.js';

/** Every fact a rule may name. Adding a fact = a file in src/facts/ + a line here. */
export const facts: Fact[] = [
  clusterFact,
  conntrackTableFull,
  dnsServicePorts,
  flannelHairpin,
  ingressBackends,
  ipMasqAgentCoverage,
  ipMasqAgentPeerCoverage,
  ipamRangeExhaustion,
  nodeFlannelAnnotations,
  nodeKubeProxyRules,
  nodePodCidrCapacity,
  serviceClbDirectAccess,
  serviceEndpoints,
  serviceKubeProxyRules,
  serviceNodePortRange,
  servicePods,
  serviceTargetPorts,
  cidrOverlaps,
  conntrackTuning,
  dualStack,
  dualStackListeners,
  flannelCniVersion,
  ipv4OnlyPods,
  ipvsUdpTimeout,
  kubeProxyConfigValidity,
  networkPoliciesUnenforced,
  nodeNetworkUnavailable,
  podHostPorts,
  singleStackServices,
  terwayEip,
  terwayIpvlanLb,
  terwayMacNotFound,
  terwayNetworkPolicy,
  terwayNodeReadiness,
  thirdPartyCni,
  windowsExceptionList,
  kubeProxyIpvsScheduler,
  nodeCniConfig,
  nodeConntrack,
  nodeIpvsModules,
  nodeLogMessages,
  windowsHnsNetworks,
  clbSecurityGroupPorts,
  nodeSecurityGroupNodeAddresses,
  nodeSecurityGroupNodePorts,
  nodeSecurityGroupPeerCidrs,
  nodeSecurityGroupPodCidr,
  serviceLoadBalancerIngress,
  podCidrRoutes,
  podIpsOutsideVSwitches,
  terwayEniQuota,
  terwayFixedVSwitch,
  terwayPodCapacity,
  terwayVSwitchExhaustion,
  terwayVSwitchSnat,
] as Fact[];

export const factsById = new Map(facts.map((f) => [f.id, f]));
