import { parseFlannelNetConf } from '../../parsers/configs/flannel-net-conf.js';
import { configMapText } from '../config-map-text.js';
import type { SnapshotIndex } from '../snapshot-index.js';

/** flannel's net-conf.json (ConfigMap kube-system/kube-flannel-cfg): Network and Backend (Type, Port, VNI). */
export function flannelNetConf(index: SnapshotIndex) {
  const text = configMapText(index, ['kube-flannel-cfg', 'kube-flannel-windows-cfg'], ['net-conf.json']);
  if (!text) return undefined;
  return { config: index.parsed(text.file, parseFlannelNetConf), source: text.source };
}
