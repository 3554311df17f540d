import { safeJson } from './safe-json.js';
import type { ClusterInfo, NodeOutputs } from './schema.js';

type Cni = NonNullable<ClusterInfo['cni']>['value'];

/** Plugin types of the CNIs the documents speak of, as their own configs name the first plugin. */
const cniByPluginType: Record<string, Cni> = {
  flannel: 'flannel',
  calico: 'calico',
  'cilium-cni': 'cilium',
  terway: 'terway',
  'weave-net': 'weave',
  // CNIs no rule is about: knowing them still tells Flannel/Terway rules they do not apply.
  'aws-cni': 'other',
  'azure-vnet': 'other',
  antrea: 'other',
  'kube-ovn': 'other',
  'ovn-k8s-cni-overlay': 'other',
};

const loadable = /\.(conf|conflist|json)$/;

/**
 * The CNI from the config files captured under a node's `cni/` folder, for clusters whose CNI runs
 * outside Kubernetes (Charmed Kubernetes' flannel charm, a systemd flanneld): the file the runtime
 * loads — libcni takes `.conf`, `.conflist` and `.json` sorted by name, the first wins — and its first
 * plugin's type. Canal's config names calico as its plugin, so its file name (`10-canal.conflist`)
 * says canal. Generic plugins (bridge, ptp, multus) tell no CNI: nothing is inferred from them.
 */
export function cniFromNodeConfigs(nodeOutputs: Record<string, NodeOutputs>): ClusterInfo['cni'] {
  for (const node of Object.keys(nodeOutputs).sort()) {
    const files = (nodeOutputs[node]?.cni ?? [])
      .map((file) => ({ file, name: file.file.split('/cni/').slice(1).join('/cni/') || file.file }))
      .filter((f) => loadable.test(f.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const active = files[0];
    if (!active) continue;
    const type = firstPluginType(active.file.text);
    const cni = /canal/.test(active.name) && type === 'calico' ? 'canal' : type === undefined ? undefined : cniByPluginType[type];
    if (cni) return { value: cni, from: `CNI config ${active.name} on node ${node} (plugin type ${type})`, source: { file: active.file.file } };
  }
  return undefined;
}

function firstPluginType(text: string): string | undefined {
  const config = safeJson(text);
  if (config === null || typeof config !== 'object') return undefined;
  const { plugins, type } = config as { plugins?: unknown; type?: unknown };
  const first = Array.isArray(plugins) ? (plugins[0] as { type?: unknown } | undefined) : { type };
  return typeof first?.type === 'string' ? first.type : undefined;
}
