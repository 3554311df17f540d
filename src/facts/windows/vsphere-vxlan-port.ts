import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { flannelNetConf } from '../flannel/flannel-net-conf.js';

/** flannel's VXLAN default port, which vSphere's overlay networking also reserves. */
export const VXLAN_DEFAULT_PORT = 4789;

const SHOWN = 3;

/**
 * 在 vSphere 上執行的 Kubernetes 叢集上,主機之間的 Pod 對 Pod 連線中斷: vSphere and Flannel both reserve UDP 4789
 * (the default VXLAN port) for overlay networking, so packets can end up intercepted. The vSphere nodes are those whose
 * spec.providerID starts with `vsphere://`; the port is flannel's Backend.Port (4789 when unset).
 */
export const vsphereVxlanPort = defineFact({
  id: 'vsphereVxlanPort',
  subject: 'Cluster',
  description: 'The vSphere nodes (providerID vsphere://), flannel\'s backend type and VXLAN port (4789 when net-conf.json sets none), and whether both use 4789.',
  reads: ['Node spec.providerID', 'ConfigMap kube-system/kube-flannel-cfg net-conf.json Backend'],
  compute: (_cluster, index) => {
    const vsphere = index.snapshot.nodes.filter((n) => n.providerID?.startsWith('vsphere://')).map((n) => n.name);
    if (vsphere.length === 0) return { vsphereNodes: 0, conflict: false, source: index.snapshot.nodes[0]?.source ?? { file: '' } };
    const conf = flannelNetConf(index);
    if (!conf?.config.backendType) throw new MissingDataError('ConfigMap kube-system/kube-flannel-cfg with net-conf.json (kubectl -n kube-system get configmaps -o json)');
    const vxlan = conf.config.backendType.toLowerCase() === 'vxlan';
    const port = conf.config.port ?? VXLAN_DEFAULT_PORT;
    return {
      vsphereNodes: vsphere.length,
      vsphereNodeNames: vsphere.length <= SHOWN ? vsphere.join(', ') : `${vsphere.slice(0, SHOWN).join(', ')} and ${vsphere.length - SHOWN} more`,
      backend: conf.config.backendType,
      port,
      portFrom: conf.config.port === undefined ? 'the default: net-conf.json sets no Backend.Port' : 'Backend.Port in net-conf.json',
      conflict: vxlan && port === VXLAN_DEFAULT_PORT,
      source: conf.source,
    };
  },
});
