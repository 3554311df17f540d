import { isVirtualNode } from './cluster/virtual-node.js';
import { defineSelector, type Selector } from './define.js';
import { ipamRangeEventsByNode } from './capacity/ipam-range-events.js';
import { nodesWithProxyRuleOutputs } from './kube-proxy/kube-proxy-rules-by-service.js';
import { isProxiedService } from './kube-proxy/kube-proxy-service-ports.js';
import { networkUnavailableTaint } from './cloud-routes/node-network-unavailable.js';
import { hasHostPort } from './cni/pod-host-ports.js';
import { podsWithMacNotFoundEvents } from './terway/terway-mac-not-found.js';
import { nodesWithPodsAwaitingNetwork } from './terway/terway-node-readiness.js';
import { isTerwayNode } from './terway/terway-vswitches.js';
import type { SubjectKind } from './subjects.js';
import type { SnapshotIndex } from './snapshot-index.js';
import type { PodObject } from '../snapshot/objects.js';
import { iksSelectors } from './iks/selectors.js';

const windowsPodsOf = new WeakMap<SnapshotIndex, readonly PodObject[]>();

/**
 * Pods scheduled on a Windows node, not finished, in snapshot order: once per index. A pod's node is looked up in
 * the set of the Windows nodes' names (from nodesByName, as before), not in the map of all nodes.
 */
function windowsPods(index: SnapshotIndex): readonly PodObject[] {
  let pods = windowsPodsOf.get(index);
  if (pods) return pods;
  const windows = new Set<string>();
  for (const [name, node] of index.nodesByName) if (node.os === 'windows') windows.add(name);
  pods = windows.size === 0 ? [] : index.snapshot.pods.filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed' && windows.has(p.nodeName ?? ''));
  windowsPodsOf.set(index, pods);
  return pods;
}

/**
 * Which subjects a rule runs for. Each selector is computed once per rule from
 * the index, so a rule about Windows nodes never runs for 5,000 Linux ones.
 */
export const selectors: Selector[] = [
  defineSelector({ id: 'cluster', subject: 'Cluster', description: 'the cluster itself (one subject)', select: (index) => [index.clusterSubject] }),
  defineSelector({ id: 'allNodes', subject: 'Node', description: 'every Node', select: (index) => index.snapshot.nodes }),
  defineSelector({ id: 'allPods', subject: 'Pod', description: 'every Pod', select: (index) => index.snapshot.pods }),
  defineSelector({ id: 'allServices', subject: 'Service', description: 'every Service', select: (index) => index.snapshot.services }),
  defineSelector({ id: 'allConfigMaps', subject: 'ConfigMap', description: 'every ConfigMap', select: (index) => index.snapshot.configMaps }),
  defineSelector({ id: 'allIngresses', subject: 'Ingress', description: 'every Ingress', select: (index) => index.snapshot.ingresses }),
  defineSelector({ id: 'allEvents', subject: 'Event', description: 'every Event', select: (index) => index.snapshot.events }),
  defineSelector({
    id: 'windowsNodes',
    subject: 'Node',
    description: 'Nodes whose status.nodeInfo.operatingSystem (or kubernetes.io/os label) is windows',
    select: (index) => index.snapshot.nodes.filter((n) => n.os === 'windows'),
  }),
  defineSelector({
    id: 'nodesRunningFlannel',
    subject: 'Node',
    description:
      'Nodes that run Flannel: those hosting a pod of a flannel/canal DaemonSet when such pods were captured; otherwise every node but ' +
      'virtual ones (virtual-kubelet, ACK ECI, EKS Fargate), which run no CNI agent (k3s embeds Flannel in its own process).',
    select: (index) => {
      const agents = index.snapshot.pods.filter((p) => p.ownerKind === 'DaemonSet' && /flannel|canal/.test(p.ownerName ?? '') && p.nodeName);
      if (agents.length > 0) {
        const hosts = new Set(agents.map((p) => p.nodeName));
        return index.snapshot.nodes.filter((n) => hosts.has(n.name));
      }
      return index.snapshot.nodes.filter((n) => !isVirtualNode(n));
    },
  }),
  defineSelector({
    id: 'linuxNodes',
    subject: 'Node',
    description: 'Nodes that are not Windows (kernel outputs such as dmesg exist only there)',
    select: (index) => index.snapshot.nodes.filter((n) => n.os !== 'windows'),
  }),
  defineSelector({
    id: 'nodesWithPodCidr',
    subject: 'Node',
    description: 'Nodes that have spec.podCIDR(s) assigned',
    select: (index) => index.snapshot.nodes.filter((n) => n.podCIDRs.length > 0),
  }),
  defineSelector({
    id: 'servicesWithSelector',
    subject: 'Service',
    description: 'Services with a non-empty spec.selector (the endpoints controller manages their Endpoints); ExternalName excluded',
    select: (index) => index.snapshot.services.filter((s) => s.type !== 'ExternalName' && s.selector !== undefined && Object.keys(s.selector).length > 0),
  }),
  defineSelector({
    id: 'nodesWithIpamRangeEvents',
    subject: 'Node',
    description: 'Linux nodes with events "no IP addresses available in range set" for their pods (Windows nodes: win-ipam-range-exhausted)',
    select: (index) => [...ipamRangeEventsByNode(index).keys()].flatMap((name) => index.nodesByName.get(name) ?? []).filter((n) => n.os !== 'windows'),
  }),
  defineSelector({
    id: 'nodesWithProxyRules',
    subject: 'Node',
    description: 'Nodes with an iptables-save, ip6tables-save or ipvsadm output (where kube-proxy rules can be checked)',
    select: nodesWithProxyRuleOutputs,
  }),
  defineSelector({
    id: 'proxiedServices',
    subject: 'Service',
    description: 'Services kube-proxy programs: a cluster IP (not headless), not ExternalName, no service.kubernetes.io/service-proxy-name label',
    select: (index) => index.snapshot.services.filter(isProxiedService),
  }),
  defineSelector({
    id: 'clusterDnsServices',
    subject: 'Service',
    description: 'The cluster DNS Service: kube-system/kube-dns (CoreDNS keeps that name), kube-system/coredns, or a kube-system Service labelled k8s-app=kube-dns',
    select: (index) =>
      index.snapshot.services.filter((s) => s.namespace === 'kube-system' && (s.name === 'kube-dns' || s.name === 'coredns' || s.labels['k8s-app'] === 'kube-dns')),
  }),
  defineSelector({
    id: 'servicesWithNodePorts',
    subject: 'Service',
    description: 'NodePort and LoadBalancer Services with at least one spec.ports[].nodePort',
    select: (index) =>
      index.snapshot.services.filter((s) => (s.type === 'NodePort' || s.type === 'LoadBalancer') && s.ports.some((p) => (p.nodePort ?? 0) > 0)),
  }),
  defineSelector({
    id: 'kubelbInternetService',
    subject: 'Service',
    description: 'default/kubelb-internet, the Service TKE creates when public access is enabled on an independent cluster',
    select: (index) => index.snapshot.services.filter((s) => s.namespace === 'default' && s.name === 'kubelb-internet'),
  }),
  defineSelector({
    id: 'podsWithHostPort',
    subject: 'Pod',
    description: 'Pods (not host-network, not finished) with a container port that sets hostPort',
    select: (index) => index.snapshot.pods.filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed' && hasHostPort(p)),
  }),
  defineSelector({
    id: 'clusterWithWindowsNodes',
    subject: 'Cluster',
    description: 'The cluster, when it has at least one Windows node (rules of the Windows guide about the whole cluster)',
    select: (index) => (index.snapshot.nodes.some((n) => n.os === 'windows') ? [index.clusterSubject] : []),
  }),
  defineSelector({
    id: 'windowsPods',
    subject: 'Pod',
    description: 'Pods scheduled on a Windows node, not finished',
    select: (index) => [...windowsPods(index)],
  }),
  defineSelector({
    id: 'kubeSystemPodsWithWindowsNodes',
    subject: 'Pod',
    description: 'kube-system pods, in clusters that have Windows nodes (the Windows guide\'s master checks)',
    select: (index) => (index.snapshot.nodes.some((n) => n.os === 'windows') ? (index.podsByNamespace.get('kube-system') ?? []) : []),
  }),
  defineSelector({
    id: 'windowsPodsWithHostPort',
    subject: 'Pod',
    description: 'Pods (not host-network, not finished) with a hostPort, scheduled on a Windows node',
    // The same pods as windowsPods, those with a hostPort: one pass over every pod serves both.
    select: (index) => windowsPods(index).filter(hasHostPort),
  }),
  defineSelector({
    id: 'nodesWithNetworkUnavailableTaint',
    subject: 'Node',
    description: 'Nodes that carry the node.kubernetes.io/network-unavailable taint (ACK calls it the NodeNetworkUnavailable taint)',
    select: (index) => index.snapshot.nodes.filter((n) => n.taints.some((t) => t.key === networkUnavailableTaint)),
  }),
  defineSelector({
    id: 'nodesWithPodsAwaitingNetwork',
    subject: 'Node',
    description: 'Nodes (not virtual-kubelet) with scheduled, non host-network pods still Pending (ContainerCreating)',
    select: nodesWithPodsAwaitingNetwork,
  }),
  defineSelector({
    id: 'podsWithMacNotFoundEvents',
    subject: 'Pod',
    description: 'Pods with events saying "can\'t found dev by mac" (Terway)',
    select: podsWithMacNotFoundEvents,
  }),
  defineSelector({
    id: 'terwayNodes',
    subject: 'Node',
    description: 'Nodes Terway manages: not virtual-kubelet (ECI) nodes, not labelled k8s.aliyun.com/ignore-by-terway=true',
    select: (index) => index.snapshot.nodes.filter(isTerwayNode),
  }),
  ...iksSelectors,
];

export const selectorsById = new Map(selectors.map((s) => [s.id, s]));

export const defaultSelector: Record<SubjectKind, string> = {
  Cluster: 'cluster',
  Node: 'allNodes',
  Pod: 'allPods',
  Service: 'allServices',
  ConfigMap: 'allConfigMaps',
  Ingress: 'allIngresses',
  Event: 'allEvents',
};
