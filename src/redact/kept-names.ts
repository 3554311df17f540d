import { builtinRuleSources } from '../catalog/builtin-rules.generated.js';

/**
 * Names that stay as they are in a redacted copy, because rules and facts find
 * components by them (kube-system, kube-proxy, coredns, kube-flannel-cfg,
 * ibm-cloud-provider-vlan-ip-config, vpn-strongswan, default/kubernetes …) and
 * because they say nothing about the user's cluster:
 * - every object in a system namespace (below): vendors' components, not the user's;
 * - names starting with a component's name (`kube-`, `terway`, `calico` …);
 * - every identifier (with `-` or `.`) the built-in rules' text names (read from the bundled catalog, so a
 *   rule added later keeps its names without a change here);
 * - words of the formats themselves (protocols, field values), never names.
 */
export const systemNamespaces: ReadonlySet<string> = new Set([
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'kube-flannel',
  'calico-system',
  'calico-apiserver',
  'tigera-operator',
  'ibm-system',
  'ibm-operators',
  'ibm-cert-store',
  'cattle-system',
  'cattle-prometheus',
  'fleet-system',
  'ingress-nginx',
  'arms-prom',
]);

const componentPrefixes = [
  'kube-',
  'kubernetes',
  'coredns',
  'flannel',
  'terway',
  'calico',
  'canal',
  'cilium',
  'weave',
  'antrea',
  'ibm-',
  'ibmcloud-',
  'cattle-',
  'rancher',
  'strongswan',
  'vpn-strongswan',
  'ip-masq-agent',
  'nginx-ingress',
  'ingress-nginx',
  'metrics-server',
  'csi-',
  'cloud-controller-manager',
  'aliyun-',
  'tke-',
  'tencent-',
  'public-cr',
  'private-cr',
  'storage-',
  'node-local-dns',
];

const formatWords = ['tcp', 'udp', 'sctp', 'http', 'https', 'grpc', 'dns', 'dns-tcp', 'metrics', 'none', 'all', 'any', 'true', 'false', 'null', 'local', 'cluster', 'node', 'pod', 'service', 'master', 'worker', 'edge', 'windows', 'linux'];

let ruleWords: Set<string> | undefined;

function wordsOfRules(): Set<string> {
  if (ruleWords) return ruleWords;
  ruleWords = new Set(formatWords);
  // Identifiers only (`kube-flannel-cfg`, `vpn-strongswan`, `ibm-cloud-provider-vlan-ip-config`): a plain
  // English word of a rule's prose (`api`, `web`) is no reason to keep a user's Service of that name.
  for (const source of builtinRuleSources) for (const word of source.text.toLowerCase().match(/[a-z0-9][a-z0-9._-]*[a-z0-9]/g) ?? []) if (/[-.]/.test(word)) ruleWords.add(word);
  return ruleWords;
}

/** Whether a name keeps its value in a redacted copy. */
export function isKeptName(name: string, namespace?: string): boolean {
  if (name.length < 3) return true;
  if (namespace !== undefined && systemNamespaces.has(namespace) && namespace !== 'default') return true;
  if (systemNamespaces.has(name)) return true;
  const lower = name.toLowerCase();
  if (componentPrefixes.some((prefix) => lower.startsWith(prefix))) return true;
  return wordsOfRules().has(lower);
}
