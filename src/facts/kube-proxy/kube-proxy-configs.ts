import { type KubeProxyConfig, parseKubeProxyConfig } from '../../parsers/configs/kube-proxy-config.js';
import type { ParseResult } from '../../parsers/define-parser.js';
import { type ConfigMapText, configMapText } from '../config-map-text.js';
import type { NodeObject } from '../../snapshot/objects.js';
import { objectKey, type SnapshotIndex } from '../snapshot-index.js';

/**
 * ACK managed clusters configure kube-proxy through ConfigMap kube-proxy-worker;
 * dedicated clusters add kube-proxy-master for the masters; kubeadm clusters
 * use kube-proxy. Each holds the KubeProxyConfiguration under `config.conf`.
 * EKS's kube-proxy add-on reads ConfigMap kube-proxy-config (key `config`, mounted
 * for `--config=/var/lib/kube-proxy-config/config`), as Gardener does (key `config.yaml`).
 */
export const kubeProxyConfigMapNames = ['kube-proxy-worker', 'kube-proxy-master', 'kube-proxy', 'kube-proxy-config'] as const;
/** The keys a kube-proxy ConfigMap holds its KubeProxyConfiguration under, first found wins. */
const configKeys = ['config.conf', 'config', 'config.yaml'];

/** The ConfigMaps that configure a node's kube-proxy, most specific first. */
export const kubeProxyConfigOrder = (controlPlane: boolean): string[] =>
  controlPlane ? ['kube-proxy-master', 'kube-proxy', 'kube-proxy-config'] : ['kube-proxy-worker', 'kube-proxy', 'kube-proxy-config'];

export interface KubeProxyConfigMap {
  name: string;
  /** Undefined when the ConfigMap has no `config.conf` key. */
  text: ConfigMapText | undefined;
  result: ParseResult<KubeProxyConfig> | undefined;
}

export const kubeProxyConfigCapture =
  'ConfigMap kube-system/kube-proxy-worker (and kube-proxy-master on dedicated clusters) with key config.conf (kubectl -n kube-system get cm kube-proxy-worker kube-proxy-master -o yaml)';

/** Every kube-proxy ConfigMap present in kube-system, parsed once (memoised by `index.parseResult`). */
export function kubeProxyConfigMaps(index: SnapshotIndex): KubeProxyConfigMap[] {
  return kubeProxyConfigMapNames
    .filter((name) => index.configMapsByKey.has(objectKey('kube-system', name)))
    .map((name) => {
      const text = configMapText(index, [name], configKeys);
      return { name, text, result: text ? index.parseResult(text.file, parseKubeProxyConfig) : undefined };
    });
}

type ReadableConfigMap = KubeProxyConfigMap & { text: ConfigMapText; result: ParseResult<KubeProxyConfig> };

const readable = (m: KubeProxyConfigMap): m is ReadableConfigMap => m.text !== undefined && m.result !== undefined;

/** The config that governs worker nodes: kube-proxy-worker, else kube-proxy, else kube-proxy-config, else kube-proxy-master. */
export function workerKubeProxyConfig(index: SnapshotIndex): ReadableConfigMap | undefined {
  const maps = kubeProxyConfigMaps(index).filter(readable);
  for (const name of [...kubeProxyConfigOrder(false), 'kube-proxy-master']) {
    const found = maps.find((m) => m.name === name);
    if (found) return found;
  }
  return undefined;
}

const controlPlaneLabels = ['node-role.kubernetes.io/master', 'node-role.kubernetes.io/control-plane'];

export const isControlPlane = (node: NodeObject) => controlPlaneLabels.some((l) => node.labels[l] !== undefined);

/**
 * The kube-proxy configuration a node runs with: kube-proxy-master on control-plane nodes of ACK dedicated
 * clusters, kube-proxy-worker on ACK workers, else kubeadm's kube-proxy, else EKS's kube-proxy-config. Text under
 * `config.conf` (or `config`, `config.yaml`).
 */
export function kubeProxyConfigTextForNode(index: SnapshotIndex, node: NodeObject): ConfigMapText | undefined {
  return configMapText(index, kubeProxyConfigOrder(isControlPlane(node)), configKeys);
}
