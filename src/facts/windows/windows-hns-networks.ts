import { MissingDataError } from '../../errors.js';
import { parseHnsNetworks } from '../../parsers/windows/hns-networks.js';
import { parseHnsdiag } from '../../parsers/windows/hnsdiag.js';
import { isVEthernetOnEthernet, parseNetAdapters } from '../../parsers/windows/net-adapters.js';
import type { TextFile } from '../../snapshot/schema.js';
import { defineFact } from '../define.js';
import { activeCniConfig } from '../cni/node-cni-config.js';
import type { SnapshotIndex } from '../snapshot-index.js';

const isVEthernet = (name: string) => /^vEthernet \(.*\)$/i.test(name);

/** The networks the Windows guide looks for: `cbr0` (l2bridge) and `vxlan0` (overlay). */
export const GUIDE_NETWORKS = ['cbr0', 'vxlan0'];

interface Network {
  name: string;
  type: string | null;
}

function readNetworks(index: SnapshotIndex, node: string): { networks: Network[]; file: TextFile; line?: number } {
  const commands = index.nodeOutputs(node)?.commands ?? {};
  const unreadable = (result: { diagnostics: { severity: string }[] }, found: number) => found === 0 && result.diagnostics.some((d) => d.severity === 'error');
  const json = commands['hns-networks'];
  if (json) {
    const result = index.parseResult(json, parseHnsNetworks);
    if (!unreadable(result, result.value.networks.length)) {
      return { networks: result.value.networks.map((n) => ({ name: n.name, type: n.type ?? null })), file: json, line: result.value.networks[0]?.line };
    }
  }
  const listing = commands['hnsdiag-networks'];
  if (listing) {
    const result = index.parseResult(listing, parseHnsdiag);
    if (!unreadable(result, result.value.networks.length)) {
      return { networks: result.value.networks.map((n) => ({ name: n.name, type: null })), file: listing, line: result.value.networks[0]?.line };
    }
  }
  throw new MissingDataError('nodes/<node>/hns-networks.json (Get-HnsNetwork | ConvertTo-Json -Depth 10) or nodes/<node>/hnsdiag-networks (hnsdiag list networks) on each Windows node');
}

/**
 * Whether the HNS network Kubernetes pods attach to exists on a Windows node, and the
 * `vEthernet (Ethernet*)` adapter it creates on the host (Windows guide: 啟動 Kubelet 時找不到網路適配器).
 * The expected network is the one the node's Windows CNI config names (flannel: the HNS network
 * name, e.g. `flannel.4096`), else the guide's `cbr0` / `vxlan0`. net-adapters is only required
 * when the network exists: a missing network is a finding on its own.
 */
export const windowsHnsNetworks = defineFact({
  id: 'windowsHnsNetworks',
  subject: 'Node',
  description:
    'HNS networks of a Windows node (hns-networks.json, else hnsdiag-networks), whether cbr0 / vxlan0 — or the network its CNI config names — exist, and whether Get-NetAdapter shows a vEthernet (Ethernet*) adapter or a vEthernet on another host adapter (present, missing, or not captured).',
  reads: ['nodes/<node>/hns-networks.json or hnsdiag-networks', 'nodes/<node>/net-adapters', 'nodes/<node>/cni/*'],
  compute: (node, index) => {
    const { networks, file, line } = readNetworks(index, node.name);
    const cni = activeCniConfig(index, node.name);
    const cniNetwork = cni?.config.windows ? cni.config.name : undefined;
    const expected = cniNetwork ? [cniNetwork] : GUIDE_NETWORKS;
    const has = (name: string) => networks.some((n) => n.name.toLowerCase() === name.toLowerCase());
    const present = expected.some(has);
    const adaptersFile = index.nodeOutputs(node.name)?.commands['net-adapters'];
    const adapters = adaptersFile ? index.parsed(adaptersFile, parseNetAdapters).adapters : undefined;
    if ((!adapters || adapters.length === 0) && present) {
      throw new MissingDataError('nodes/<node>/net-adapters (Get-NetAdapter) on each Windows node');
    }
    const vEthernet = adapters?.filter((a) => isVEthernet(a.name)).map((a) => a.name) ?? [];
    // The guide's pattern, or a vEthernet on another host adapter (`vEthernet (以太网)` after start.ps1 -InterfaceName 以太网).
    const hostAdapters = adapters?.filter((a) => !isVEthernet(a.name)).map((a) => a.name.toLowerCase()) ?? [];
    const onHostAdapter = vEthernet.some((name) => isVEthernetOnEthernet(name) || hostAdapters.includes(name.slice('vEthernet ('.length, -1).toLowerCase()));
    return {
      networks: networks.map((n) => (n.type ? `${n.name} (${n.type})` : n.name)),
      hasCbr0: has('cbr0'),
      hasVxlan0: has('vxlan0'),
      expected: expected.join(' or '),
      expectedFrom: cniNetwork ? `the name in ${cni?.file.file}` : 'the Windows guide (cbr0 for l2bridge, vxlan0 for overlay)',
      kubernetesNetworkPresent: present,
      vEthernetAdapter: !adapters || adapters.length === 0 ? 'not captured' : onHostAdapter ? 'present' : 'missing',
      vEthernetAdapters: vEthernet,
      adaptersFile: adaptersFile?.file ?? null,
      source: { file: file.file, ...(line === undefined ? {} : { line }) },
    };
  },
});
