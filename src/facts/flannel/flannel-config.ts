import { parseCniConfig } from '../../parsers/configs/cni-config.js';
import { configMapText } from '../config-map-text.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/** flannel's CNI config as ACK and upstream ship it: ConfigMap kube-system/kube-flannel-cfg key cni-conf.json. */
export function flannelCniConfig(index: SnapshotIndex) {
  const text = configMapText(index, ['kube-flannel-cfg'], ['cni-conf.json']);
  if (!text) return undefined;
  return { config: index.parsed(text.file, parseCniConfig), source: text.source };
}
