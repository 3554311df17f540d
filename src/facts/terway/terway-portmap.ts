import { parseCniConfig } from '../../parsers/configs/cni-config.js';
import { isRecord } from '../../parsers/configs/go-json-values.js';
import { parseStructuredOne } from '../../parsers/structured-text.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { terwayEniConfig } from './terway-eni-config.js';

export interface TerwayPortmap {
  portmap: boolean;
  from: string;
}

/**
 * Terway itself maps no hostPort (ACK: "只有Flannel插件支持hostPort"), but its
 * custom CNI chain can append the portmap plugin: eni-config key
 * `10-terway.conflist` (a full conflist) or, in newer releases, `cni_chain`
 * (a YAML list of the plugins after terway), e.g.
 *   cni_chain: |
 *     - type: portmap
 *       capabilities: {portMappings: true}
 */
export function terwayPortmap(index: SnapshotIndex): TerwayPortmap {
  const eni = terwayEniConfig(index);
  if (!eni) return { portmap: false, from: 'ConfigMap kube-system/eni-config not captured' };
  const conflist = eni.configMap.data['10-terway.conflist'];
  if (conflist !== undefined && parseCniConfig(conflist).value.portMappings) {
    return { portmap: true, from: 'eni-config 10-terway.conflist chains portmap with portMappings' };
  }
  const chain = eni.configMap.data.cni_chain;
  const plugins = chain === undefined ? undefined : parseStructuredOne(chain).document?.value;
  const chained = Array.isArray(plugins) && plugins.some((p) => isRecord(p) && p.type === 'portmap' && isRecord(p.capabilities) && p.capabilities.portMappings === true);
  if (chained) return { portmap: true, from: 'eni-config cni_chain includes portmap with portMappings' };
  return { portmap: false, from: 'eni-config chains no portmap plugin' };
}
