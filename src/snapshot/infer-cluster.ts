import { isValidCidr, mergeCidrs } from '../cidr/index.js';
import type { ConfigMapObject, NodeObject, PodObject, WorkloadObject } from './objects.js';
import { cniFromNodeConfigs } from './cni-from-node-configs.js';
import type { ClusterInfo, Manifest } from './schema.js';
import type { Snapshot } from './schema.js';

type Cni = NonNullable<ClusterInfo['cni']>['value'];
type Provider = NonNullable<ClusterInfo['provider']>['value'];

const manifestSource = { file: 'snapshot.yaml' };
const fromManifest = <T>(value: T) => ({ value, from: 'snapshot.yaml', source: manifestSource });

/**
 * Cluster-wide facts: what the manifest says, otherwise what the objects show,
 * each with the reason it is believed (`from`) so a finding can explain itself.
 */
export function inferCluster(manifest: Manifest['cluster'], snapshot: Omit<Snapshot, 'cluster'>): ClusterInfo {
  const m = manifest ?? {};
  const info: ClusterInfo = {};
  const provider = m.provider ? fromManifest(m.provider) : inferProvider(snapshot.nodes, snapshot.namespaces.map((n) => n.name));
  if (provider) info.provider = provider;
  const cni = m.cni ? fromManifest(m.cni) : (inferCni(snapshot.workloads, snapshot.pods, snapshot.configMaps, snapshot.nodes) ?? cniFromNodeConfigs(snapshot.nodeOutputs));
  if (cni) info.cni = cni;
  const version = m.kubernetesVersion ? fromManifest(m.kubernetesVersion) : inferKubernetesVersion(snapshot.nodes);
  if (version) info.kubernetesVersion = version;
  const podCIDRs = m.podCIDRs ? fromManifest(m.podCIDRs) : inferPodCidrs(snapshot.configMaps, snapshot.nodes);
  if (podCIDRs) info.podCIDRs = podCIDRs;
  const serviceCIDRs = m.serviceCIDRs ? fromManifest(m.serviceCIDRs) : inferServiceCidrs(snapshot.configMaps);
  if (serviceCIDRs) info.serviceCIDRs = serviceCIDRs;
  if (m.nodeCIDRs) info.nodeCIDRs = fromManifest(m.nodeCIDRs);
  if (m.externalCIDRs) info.externalCIDRs = fromManifest(m.externalCIDRs);
  return info;
}

const providerIdSchemes: Array<[RegExp, Provider]> = [
  [/^qcloud:\/\//, 'tke'],
  [/^ibm:\/\//, 'iks'],
  [/^azure:\/\//, 'aks'],
  [/^aws:\/\//, 'eks'],
  [/^gce:\/\//, 'gke'],
  [/^alicloud:\/\//, 'ack'],
  // ACK writes `<region>.<instance-id>` with no scheme, e.g. `cn-hangzhou.i-bp1abc`.
  [/^[a-z]{2}-[a-z]+(-\d+)?\.i-[a-z0-9]+$/, 'ack'],
  // Clusters no vendor manages: kind, k3s (on any machine, a cloud's too, it is not that cloud's managed service).
  [/^kind:\/\//, 'generic'],
  [/^k3s:\/\//, 'generic'],
];

const providerLabels: Array<[string, Provider]> = [
  ['alibabacloud.com/nodepool-id', 'ack'],
  ['cloud.tencent.com/node-instance-id', 'tke'],
  ['ibm-cloud.kubernetes.io/worker-id', 'iks'],
  ['kubernetes.azure.com/cluster', 'aks'],
  ['eks.amazonaws.com/nodegroup', 'eks'],
  ['cloud.google.com/gke-nodepool', 'gke'],
];

/** Label prefixes only one kind of cluster writes, for nodes whose providerID and telling label were removed. */
const providerLabelPrefixes: Array<[string, Provider]> = [
  ['kubernetes.azure.com/', 'aks'],
  ['eks.amazonaws.com/', 'eks'],
  ['minikube.k8s.io/', 'generic'],
  ['microk8s.io/', 'generic'],
];

function inferProvider(nodes: NodeObject[], namespaces: string[]): ClusterInfo['provider'] {
  for (const node of nodes) {
    const id = node.providerID ?? '';
    const scheme = providerIdSchemes.find(([pattern]) => pattern.test(id));
    if (scheme) return { value: scheme[1], from: `providerID of node ${node.name}`, source: node.source };
    const label = providerLabels.find(([key]) => key in node.labels);
    if (label) return { value: label[1], from: `label ${label[0]} on node ${node.name}`, source: node.source };
  }
  for (const node of nodes) {
    const key = Object.keys(node.labels).find((k) => providerLabelPrefixes.some(([prefix]) => k.startsWith(prefix)));
    const prefix = key && providerLabelPrefixes.find(([p]) => key.startsWith(p));
    if (key && prefix) return { value: prefix[1], from: `label ${key} on node ${node.name}`, source: node.source };
  }
  if (namespaces.includes('cattle-system')) return { value: 'rancher', from: 'namespace cattle-system' };
  return undefined;
}

// Canal runs flannel inside its own DaemonSet, so it is checked before flannel.
const cniByName: Array<[RegExp, Cni]> = [
  [/^canal$|^rke2-canal$/, 'canal'],
  [/^terway/, 'terway'],
  [/flannel/, 'flannel'],
  [/^calico-node$/, 'calico'],
  [/^cilium$|^anetd$/, 'cilium'],
  [/^weave-net$/, 'weave'],
  // CNIs no rule of the documents is about: knowing them still tells Flannel/Terway rules they do not apply.
  [/^aws-node$|^azure-cns$|^azure-cni|^kube-router$|^antrea-agent$|^kindnet$|^kube-ovn-cni$|^ovnkube-node$/, 'other'],
];

/**
 * The CNI, from its DaemonSet (or the pods it owns) in any namespace — upstream Flannel ≥ 0.20 runs in
 * `kube-flannel`, the Calico operator installs into `calico-system` — kube-system first; then from its
 * ConfigMaps; then from the annotations Flannel writes on every node it runs on, which is all that shows
 * k3s' embedded Flannel (no DaemonSet, no pod); last (by the caller) from the nodes' captured CNI config files.
 */
function inferCni(workloads: WorkloadObject[], pods: PodObject[], configMaps: ConfigMapObject[], nodes: NodeObject[]): ClusterInfo['cni'] {
  const kubeSystemFirst = <T extends { namespace?: string | undefined }>(list: T[]) =>
    [...list.filter((x) => x.namespace === 'kube-system'), ...list.filter((x) => x.namespace !== 'kube-system')];
  const daemonSets = kubeSystemFirst(workloads.filter((w) => w.kind === 'DaemonSet'));
  const daemonSetPods = kubeSystemFirst(pods.filter((p) => p.ownerKind === 'DaemonSet'));
  for (const [pattern, cni] of cniByName) {
    const ds = daemonSets.find((d) => pattern.test(d.name));
    if (ds) return { value: cni, from: `DaemonSet ${ds.namespace}/${ds.name}`, source: ds.source };
    const pod = daemonSetPods.find((p) => pattern.test(p.ownerName ?? ''));
    if (pod) return { value: cni, from: `pod ${pod.namespace}/${pod.name} of DaemonSet ${pod.ownerName}`, source: pod.source };
  }
  const cm = kubeSystemFirst(configMaps).find((c) => c.name === 'eni-config' || c.name === 'kube-flannel-cfg');
  if (cm) return { value: cm.name === 'eni-config' ? 'terway' : 'flannel', from: `ConfigMap ${cm.namespace}/${cm.name}`, source: cm.source };
  // AKS labels every node with its network plugin (azure, kubenet, none) and eBPF dataplane.
  const aks = nodes.find((n) => n.labels['kubernetes.azure.com/network-plugin'] !== undefined);
  if (aks) {
    const cilium = aks.labels['kubernetes.azure.com/ebpf-dataplane'] === 'cilium';
    const plugin = aks.labels['kubernetes.azure.com/network-plugin'];
    if (cilium || plugin === 'azure' || plugin === 'kubenet') {
      return { value: cilium ? 'cilium' : 'other', from: `label kubernetes.azure.com/${cilium ? 'ebpf-dataplane' : 'network-plugin'} on node ${aks.name}`, source: aks.source };
    }
  }
  const annotated = nodes.find((n) => 'flannel.alpha.coreos.com/backend-type' in n.annotations);
  if (annotated) {
    // Canal: beside flanneld, calico-node (for policy) writes its address too — OneKE's RKE2 Canal nodes carry both.
    const calicoKey = ['projectcalico.org/IPv4Address', 'projectcalico.org/IPv6Address'].find((k) => k in annotated.annotations);
    if (calicoKey) {
      return { value: 'canal', from: `annotations flannel.alpha.coreos.com/backend-type and ${calicoKey} on node ${annotated.name}`, source: annotated.source };
    }
    const k3s = /\+k3s\d*$/.test(annotated.kubeletVersion ?? '') ? ' (k3s embedded flannel)' : '';
    return { value: 'flannel', from: `annotation flannel.alpha.coreos.com/backend-type on node ${annotated.name}${k3s}`, source: annotated.source };
  }
  // calico-node writes its address on every node it runs on (seen when only nodes were captured).
  for (const node of nodes) {
    const key = ['projectcalico.org/IPv4Address', 'projectcalico.org/IPv6Address'].find((k) => k in node.annotations);
    if (key) return { value: 'calico', from: `annotation ${key} on node ${node.name}`, source: node.source };
  }
  return undefined;
}

function inferKubernetesVersion(nodes: NodeObject[]): ClusterInfo['kubernetesVersion'] {
  const versioned = nodes.filter((n) => n.kubeletVersion);
  if (versioned.length === 0) return undefined;
  const lowest = versioned.reduce((a, b) => (compareLoose(b.kubeletVersion!, a.kubeletVersion!) < 0 ? b : a));
  return { value: lowest.kubeletVersion!, from: `lowest kubeletVersion among nodes: node ${lowest.name}`, source: lowest.source };
}

function compareLoose(a: string, b: string): number {
  const parts = (v: string) => (v.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

const kubeProxyConfigMaps = ['kube-proxy', 'kube-proxy-worker', 'kube-proxy-master'];

function inferPodCidrs(configMaps: ConfigMapObject[], nodes: NodeObject[]): ClusterInfo['podCIDRs'] {
  for (const cm of configMaps) {
    if (cm.namespace !== 'kube-system') continue;
    if (kubeProxyConfigMaps.includes(cm.name)) {
      for (const [key, text] of Object.entries(cm.data)) {
        const found = /^\s*clusterCIDR:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
        const cidrs = (found ?? '').split(',').filter(isValidCidr);
        if (cidrs.length > 0) return { value: mergeCidrs(cidrs), from: `clusterCIDR in ConfigMap kube-system/${cm.name}`, source: { ...cm.source, key } };
      }
    }
    if (cm.name === 'kube-flannel-cfg' && cm.data['net-conf.json']) {
      const network = /"Network"\s*:\s*"([^"]+)"/.exec(cm.data['net-conf.json'])?.[1];
      if (network && isValidCidr(network)) {
        return { value: [network], from: 'Network in ConfigMap kube-system/kube-flannel-cfg net-conf.json', source: { ...cm.source, key: 'net-conf.json' } };
      }
    }
  }
  const perNode = nodes.flatMap((n) => n.podCIDRs).filter(isValidCidr);
  if (perNode.length > 0) return { value: mergeCidrs(perNode), from: 'union of the nodes\' spec.podCIDRs (the cluster range may be wider)' };
  return undefined;
}

function inferServiceCidrs(configMaps: ConfigMapObject[]): ClusterInfo['serviceCIDRs'] {
  const eni = configMaps.find((c) => c.namespace === 'kube-system' && c.name === 'eni-config');
  const cidr = eni?.data.eni_conf ? /"service_cidr"\s*:\s*"([^"]+)"/.exec(eni.data.eni_conf)?.[1] : undefined;
  if (eni && cidr && isValidCidr(cidr)) return { value: [cidr], from: 'service_cidr in ConfigMap kube-system/eni-config', source: { ...eni.source, key: 'eni_conf' } };
  return undefined;
}
