import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';

const list = (...items: object[]) => ({ path: `objects-${items.length}-${Math.random()}.json`, text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items }) });

describe('cluster facts', () => {
  it('takes snapshot.yaml first, with its provenance', () => {
    const { snapshot } = buildSnapshot([
      { path: 'snapshot.yaml', text: 'cluster:\n  provider: tke\n  cni: flannel\n  serviceCIDRs: [172.17.252.0/22]\n  externalCIDRs: [{cidr: 10.10.0.0/16, name: idc}]\n' },
      list({ kind: 'Node', metadata: { name: 'n' }, spec: { providerID: 'aws:///us-east-1a/i-1' } }),
    ]);
    expect(snapshot.cluster.provider).toEqual({ value: 'tke', from: 'snapshot.yaml', source: { file: 'snapshot.yaml' } });
    expect(snapshot.cluster.externalCIDRs?.value).toEqual([{ cidr: '10.10.0.0/16', name: 'idc' }]);
  });

  it('infers provider, CNI, version and pod CIDR from objects, saying why', () => {
    const { snapshot } = buildSnapshot([
      list(
        { kind: 'Node', metadata: { name: 'a' }, spec: { providerID: 'cn-hangzhou.i-bp1abc' }, status: { nodeInfo: { kubeletVersion: 'v1.22.15-aliyun.1' } } },
        { kind: 'Node', metadata: { name: 'b' }, spec: {}, status: { nodeInfo: { kubeletVersion: 'v1.20.11-aliyun.1' } } },
        { kind: 'DaemonSet', apiVersion: 'apps/v1', metadata: { name: 'kube-flannel-ds', namespace: 'kube-system' }, spec: { template: { spec: { containers: [{ name: 'kube-flannel', image: 'x/flannel:v0.15.1.22-20a397e6-aliyun' }] } } } },
        { kind: 'ConfigMap', metadata: { name: 'kube-proxy-worker', namespace: 'kube-system' }, data: { 'config.conf': 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: 172.20.0.0/16\nmode: ipvs\n' } },
      ),
    ]);
    const c = snapshot.cluster;
    expect(c.provider).toMatchObject({ value: 'ack', from: 'providerID of node a' });
    expect(c.cni).toMatchObject({ value: 'flannel', from: 'DaemonSet kube-system/kube-flannel-ds' });
    expect(c.kubernetesVersion).toMatchObject({ value: 'v1.20.11-aliyun.1', from: 'lowest kubeletVersion among nodes: node b' });
    expect(c.podCIDRs).toMatchObject({ value: ['172.20.0.0/16'], from: 'clusterCIDR in ConfigMap kube-system/kube-proxy-worker' });
    expect(c.serviceCIDRs).toBeUndefined();
  });

  it('knows the provider from a vendor label prefix, and clusters no vendor manages (minikube, kind, k3s) as generic', () => {
    const node = (metadata: object, spec: object = {}) => ({ kind: 'Node', metadata: { name: 'n', ...metadata }, spec });
    // AKS nodes with the cluster label and providerID removed (edgexr/edge-cloud-platform pkg/k8smgmt/cluster_test.go keeps such a sample).
    const aks = buildSnapshot([list(node({ labels: { agentpool: 'agentpool', 'kubernetes.azure.com/role': 'agent' } }))]);
    expect(aks.snapshot.cluster.provider).toMatchObject({ value: 'aks', from: 'label kubernetes.azure.com/role on node n' });
    const minikube = buildSnapshot([list(node({ labels: { 'minikube.k8s.io/name': 'minikube' } }))]);
    expect(minikube.snapshot.cluster.provider).toMatchObject({ value: 'generic', from: 'label minikube.k8s.io/name on node n' });
    expect(buildSnapshot([list(node({}, { providerID: 'kind://docker/kind/kind-control-plane' }))]).snapshot.cluster.provider?.value).toBe('generic');
    expect(buildSnapshot([list(node({}, { providerID: 'k3s://server-1' }))]).snapshot.cluster.provider?.value).toBe('generic');
    expect(buildSnapshot([list(node({ labels: { 'kubernetes.io/os': 'linux' } }))]).snapshot.cluster.provider).toBeUndefined();
  });

  it('knows Calico from the address calico-node writes on each node when only nodes were captured', () => {
    const { snapshot } = buildSnapshot([list({ kind: 'Node', metadata: { name: 'minikube', annotations: { 'projectcalico.org/IPv4Address': '192.168.99.119/24' } } })]);
    expect(snapshot.cluster.cni).toMatchObject({ value: 'calico', from: 'annotation projectcalico.org/IPv4Address on node minikube' });
    // Both flannel's and calico-node's annotations: Canal (snapshots/real/oneke-canal-nodes).
    const canal = buildSnapshot([
      list({ kind: 'Node', metadata: { name: 'n', annotations: { 'flannel.alpha.coreos.com/backend-type': 'vxlan', 'projectcalico.org/IPv4Address': '172.20.0.100/24' } } }),
    ]);
    expect(canal.snapshot.cluster.cni).toMatchObject({ value: 'canal', from: 'annotations flannel.alpha.coreos.com/backend-type and projectcalico.org/IPv4Address on node n' });
  });

  it('knows the CNI from the config file a node loads when no object shows it (a CNI run outside Kubernetes)', () => {
    // kube-flannel.yml's cni-conf.json as the flannel charm of Charmed Kubernetes also writes it.
    const flannel = '{\n  "name": "cbr0",\n  "cniVersion": "0.3.1",\n  "plugins": [\n    { "type": "flannel", "delegate": { "hairpinMode": true, "isDefaultGateway": true } },\n    { "type": "portmap", "capabilities": { "portMappings": true } }\n  ]\n}\n';
    const canal = '{"name": "k8s-pod-network", "cniVersion": "0.3.1", "plugins": [{"type": "calico", "ipam": {"type": "host-local", "subnet": "usePodCidr"}}, {"type": "portmap", "capabilities": {"portMappings": true}}]}';
    const cilium = '{"cniVersion": "0.3.1", "name": "cilium", "type": "cilium-cni", "enable-debug": false}';
    const node = list({ kind: 'Node', metadata: { name: 'worker-0' }, spec: {} });
    const cniOf = (...files: Array<[string, string]>) => buildSnapshot([node, ...files.map(([path, text]) => ({ path, text }))]).snapshot.cluster.cni;
    expect(cniOf(['nodes/worker-0/cni/10-flannel.conflist', flannel])).toEqual({
      value: 'flannel',
      from: 'CNI config 10-flannel.conflist on node worker-0 (plugin type flannel)',
      source: { file: 'nodes/worker-0/cni/10-flannel.conflist' },
    });
    expect(cniOf(['nodes/worker-0/cni/10-canal.conflist', canal])?.value).toBe('canal');
    expect(cniOf(['nodes/worker-0/cni/05-cilium.conf', cilium])?.value).toBe('cilium');
    // The file the runtime loads is the first by name: a stale 00-old.conf of cilium shadows flannel's.
    expect(cniOf(['nodes/worker-0/cni/10-flannel.conflist', flannel], ['nodes/worker-0/cni/00-old.conf', cilium])?.value).toBe('cilium');
    // A bridge or an unreadable config tells nothing; a .bak file is not loaded.
    expect(cniOf(['nodes/worker-0/cni/10-bridge.conf', '{"cniVersion": "0.3.1", "name": "mynet", "type": "bridge"}'])).toBeUndefined();
    expect(cniOf(['nodes/worker-0/cni/10-flannel.conflist', '{"plugins": ['])).toBeUndefined();
    expect(cniOf(['nodes/worker-0/cni/10-flannel.conflist.bak', flannel])).toBeUndefined();
    // A DaemonSet still comes first.
    const withDaemonSet = buildSnapshot([
      list({ kind: 'DaemonSet', apiVersion: 'apps/v1', metadata: { name: 'calico-node', namespace: 'kube-system' }, spec: {} }),
      { path: 'nodes/worker-0/cni/10-flannel.conflist', text: flannel },
    ]);
    expect(withDaemonSet.snapshot.cluster.cni?.value).toBe('calico');
  });

  it('recognises Canal before flannel, and Terway from eni-config', () => {
    const canal = buildSnapshot([list({ kind: 'DaemonSet', apiVersion: 'apps/v1', metadata: { name: 'canal', namespace: 'kube-system' } })]);
    expect(canal.snapshot.cluster.cni?.value).toBe('canal');
    const terway = buildSnapshot([list({ kind: 'ConfigMap', metadata: { name: 'eni-config', namespace: 'kube-system' }, data: { eni_conf: '{"service_cidr": "172.21.0.0/20"}' } })]);
    expect(terway.snapshot.cluster.cni).toMatchObject({ value: 'terway', from: 'ConfigMap kube-system/eni-config' });
    expect(terway.snapshot.cluster.serviceCIDRs).toMatchObject({ value: ['172.21.0.0/20'], from: 'service_cidr in ConfigMap kube-system/eni-config' });
  });

  it('recognises IKS from the labels IKS sets on a worker, and from its ibm:// providerID', () => {
    // Labels of a real IKS free-cluster worker (kubectl get nodes -o json, 2020).
    const labels = {
      'ibm-cloud.kubernetes.io/machine-type': 'free',
      'ibm-cloud.kubernetes.io/worker-id': 'kube-brkkr2of0je3ktpg9lf0-yiyicluster-default-000000dd',
      'ibm-cloud.kubernetes.io/zone': 'mil01',
      privateVLAN: '2218181',
      publicVLAN: '2218179',
    };
    const byLabel = buildSnapshot([list({ kind: 'Node', metadata: { name: '10.144.213.119', labels }, spec: {} })]);
    expect(byLabel.snapshot.cluster.provider).toMatchObject({ value: 'iks', from: 'label ibm-cloud.kubernetes.io/worker-id on node 10.144.213.119' });
    const byProviderId = buildSnapshot([
      list({ kind: 'Node', metadata: { name: '10.144.213.119', labels }, spec: { providerID: 'ibm://676e515740d84100829a08daed2a5322///brkkr2of0je3ktpg9lf0/kube-brkkr2of0je3ktpg9lf0-yiyicluster-default-000000dd' } }),
    ]);
    expect(byProviderId.snapshot.cluster.provider).toMatchObject({ value: 'iks', from: 'providerID of node 10.144.213.119' });
  });
});
