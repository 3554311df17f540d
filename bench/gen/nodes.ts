import { fieldsOf, managedField, metadata, timeAgo } from './meta.js';
import { iksKubeletVersion, iksNodeLabels, iksProviderId } from './iks-objects.js';
import { publicIpOf } from './iks-plan.js';
import type { Plan, PlannedNode } from './plan.js';
import type { Random } from './random.js';

const images = [
  'registry-vpc.cn-hangzhou.aliyuncs.com/acs/flannel:v0.15.1.22-20a397e6-aliyun',
  'registry-vpc.cn-hangzhou.aliyuncs.com/acs/kube-proxy:v1.26.3-aliyun.1',
  'registry-vpc.cn-hangzhou.aliyuncs.com/acs/node-exporter:v1.5.0',
  'registry-vpc.cn-hangzhou.aliyuncs.com/acs/coredns:v1.9.3.10-7dfca203-aliyun',
  'registry-vpc.cn-hangzhou.aliyuncs.com/acs/csi-plugin:v1.26.5-56d1e30-aliyun',
  'registry-vpc.cn-hangzhou.aliyuncs.com/acs/pause:3.5',
];

const iksImages = ['icr.io/calico/node:v3.26.4', 'icr.io/armada-master/keepalived:2385', 'icr.io/armada-master/ingress-nginx:1.8.1_5125_iks', 'icr.io/ext/coredns/coredns:1.10.1', 'registry.k8s.io/pause:3.9'];

const windowsImages = [
  'mcr.microsoft.com/oss/kubernetes/pause:3.9',
  'mcr.microsoft.com/windows/servercore:ltsc2019',
  'mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019',
];

/** What a Windows Server 2019 node reports (the build in node.kubernetes.io/windows-build, the revision in kernelVersion). */
export const windowsBuild = { build: '10.0.17763', kernelVersion: '10.0.17763.4252', osImage: 'Windows Server 2019 Datacenter' };

/** One Node as `kubectl get nodes -o json` prints it (ACK: providerID `<region>.<instance-id>`, flannel annotations). */
export function node(rnd: Random, n: PlannedNode, plan: Plan) {
  const windows = n.os === 'windows';
  const created = timeAgo(rnd.int(30 * 86400, 400 * 86400));
  const heartbeat = timeAgo(rnd.int(1, 40));
  const instance = `i-bp1${rnd.hex(17)}`;
  const annotations: Record<string, string> = {
    ...(n.flannelAnnotations
      ? {
          'flannel.alpha.coreos.com/backend-data': JSON.stringify({ VNI: plan.windowsCount > 0 ? 4096 : 1, VtepMAC: rnd.hex(12).replace(/(..)(?!$)/g, '$1:') }),
          'flannel.alpha.coreos.com/backend-type': 'vxlan',
          'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
          'flannel.alpha.coreos.com/public-ip': n.ip,
        }
      : {}),
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  };
  const iks = plan.provider === 'iks';
  const labels = iks ? iksNodeLabels(n) : {
    'alibabacloud.com/nodepool-id': 'np3f1c2d9a8b7e4c1f9a0d2b6c5e8f7a1d',
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/instance-type': 'ecs.g7.2xlarge',
    'beta.kubernetes.io/os': n.os,
    'failure-domain.beta.kubernetes.io/region': 'cn-hangzhou',
    'failure-domain.beta.kubernetes.io/zone': `cn-hangzhou-${'hijk'[n.index % 4]}`,
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': n.os,
    'node.kubernetes.io/instance-type': 'ecs.g7.2xlarge',
    ...(windows ? { 'node.kubernetes.io/windows-build': windowsBuild.build } : {}),
    'topology.kubernetes.io/region': 'cn-hangzhou',
    'topology.kubernetes.io/zone': `cn-hangzhou-${'hijk'[n.index % 4]}`,
  };
  const condition = (type: string, status: string, reason: string, message: string) => ({ lastHeartbeatTime: heartbeat, lastTransitionTime: created, message, reason, status, type });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: metadata(rnd, {
      name: n.name,
      labels,
      annotations,
      created,
      managedFields: [
        managedField('kubelet', 'Update', created, { 'f:metadata': { 'f:annotations': fieldsOf(['volumes.kubernetes.io/controller-managed-attach-detach']), 'f:labels': fieldsOf(Object.keys(labels)) }, 'f:spec': { 'f:providerID': {} } }),
        ...(iks ? [] : [managedField('flanneld', 'Update', created, { 'f:metadata': { 'f:annotations': fieldsOf(Object.keys(annotations).filter((a) => a.startsWith('flannel'))) } }, 'status')]),
        managedField('kube-controller-manager', 'Update', created, { 'f:metadata': { 'f:annotations': fieldsOf(['node.alpha.kubernetes.io/ttl']) }, ...(iks ? {} : { 'f:spec': { 'f:podCIDR': {}, 'f:podCIDRs': { '.': {}, [`v:"${n.podCIDR}"`]: {} } } }) }),
      ],
    }),
    // IKS: Calico hands out pod addresses in its own blocks; the Node has no podCIDR. A NotReady worker carries the node controller's taints.
    spec: iks
      ? { providerID: iksProviderId(n), ...(n.notReady ? { taints: [{ effect: 'NoSchedule', key: 'node.kubernetes.io/unreachable', timeAdded: timeAgo(900) }, { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', timeAdded: timeAgo(895) }] } : {}) }
      : { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR], providerID: `cn-hangzhou.${instance}` },
    status: {
      addresses: iks ? [{ address: n.ip, type: 'InternalIP' }, { address: publicIpOf(n), type: 'ExternalIP' }, { address: n.ip, type: 'Hostname' }] : [{ address: n.ip, type: 'InternalIP' }, { address: n.name, type: 'Hostname' }],
      allocatable: { cpu: '7910m', 'ephemeral-storage': '113611278167', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '28359212Ki', pods: '110' },
      capacity: { cpu: '8', 'ephemeral-storage': '123722704Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32498220Ki', pods: '110' },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        n.notReady ? condition('Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.') : condition('Ready', 'True', 'KubeletReady', iks ? 'kubelet is posting ready status. AppArmor enabled' : 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: (windows ? windowsImages : iks ? iksImages : images).map((name) => ({ names: [`${name.split(':')[0]}@sha256:${rnd.hex(64)}`, name], sizeBytes: rnd.int(300_000, 90_000_000) })),
      nodeInfo: {
        architecture: 'amd64',
        bootID: rnd.uid(),
        containerRuntimeVersion: windows ? 'containerd://1.6.21' : iks ? 'containerd://1.7.18' : 'containerd://1.6.20',
        kernelVersion: windows ? windowsBuild.kernelVersion : iks ? '5.4.0-189-generic' : '5.10.134-13.al8.x86_64',
        kubeProxyVersion: iks ? iksKubeletVersion : 'v1.26.3-aliyun.1',
        kubeletVersion: iks ? iksKubeletVersion : 'v1.26.3-aliyun.1',
        machineID: windows ? n.name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(-15) : rnd.hex(32),
        operatingSystem: n.os,
        osImage: windows ? windowsBuild.osImage : iks ? 'Ubuntu 20.04.6 LTS' : 'Alibaba Cloud Linux 3.2104 U8 (OpenAnolis Edition)',
        systemUUID: rnd.uid().toUpperCase(),
      },
    },
  };
}
