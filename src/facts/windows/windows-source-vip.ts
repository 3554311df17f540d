import { cidrContains, isValidAddress, isValidCidr } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { parseSourcevip } from '../../parsers/windows/sourcevip.js';
import { defineFact } from '../define.js';
import { windowsCniConfig } from './windows-exception-list.js';

/** Overlay (VXLAN) plugins: only they give kube-proxy a source VIP. */
const overlayPlugin = /overlay/i;

/**
 * C:\k\SourceVip.json against the node's current pod subnet (在 Flannel (vxlan) 模式上,我的 Pod 在重新加入節點之後發生
 * 連線問題): when a deleted node rejoins, flanneld assigns it a new pod subnet, but the file kept from before still
 * holds an address of the old one, and kube-proxy's --source-vip with it. Only overlay nodes have a SourceVip:
 * on an l2bridge node (CNI config win-bridge / sdnbridge) the fact says it does not apply.
 */
export const windowsSourceVip = defineFact({
  id: 'windowsSourceVip',
  subject: 'Node',
  description:
    'The source VIP in the node\'s SourceVip.json, the node\'s spec.podCIDR(s), and whether the address is outside them (stale after the node rejoined); `applies` is false on l2bridge nodes.',
  reads: ['nodes/<node>/sourcevip.json', 'nodes/<node>/cni/* (Windows CNI config)', 'Node spec.podCIDRs'],
  compute: (node, index) => {
    const file = index.nodeOutputs(node.name)?.commands['sourcevip'];
    if (!file) {
      // Without the file, the CNI config tells whether one was expected.
      const cni = windowsCniConfig(index, node.name);
      if (!overlayPlugin.test(cni.windows.type)) return { applies: false, stale: false, source: { file: cni.file.file } };
      throw new MissingDataError('nodes/<node>/sourcevip.json: C:\\k\\SourceVip.json of each Windows overlay (VXLAN) node');
    }
    const vip = index.parsed(file, parseSourcevip);
    if (!vip.address || !isValidAddress(vip.address)) throw new MissingDataError('nodes/<node>/sourcevip.json: a readable C:\\k\\SourceVip.json (it holds no address)');
    const podCIDRs = node.podCIDRs.filter(isValidCidr);
    if (podCIDRs.length === 0) throw new MissingDataError('the Node\'s spec.podCIDR (kubectl get nodes -o json), to compare the SourceVip with');
    const inside = podCIDRs.some((cidr) => cidrContains(cidr, vip.address!));
    return {
      applies: true,
      address: vip.address,
      podCIDR: podCIDRs.join(', '),
      stale: !inside,
      source: { file: file.file, ...(vip.line === undefined ? {} : { line: vip.line }) },
    };
  },
});
