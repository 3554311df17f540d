import { MissingDataError } from '../../errors.js';
import { type TerwayEniConfig, parseTerwayEniConfig } from '../../parsers/configs/terway-eni-config.js';
import type { ConfigMapObject } from '../../snapshot/objects.js';
import type { Source } from '../../snapshot/source.js';
import { objectKey, type SnapshotIndex } from '../snapshot-index.js';

export interface TerwayEniConfigMap {
  configMap: ConfigMapObject;
  config: TerwayEniConfig;
  /** The ConfigMap; `key`/`line` point into one of its values (lines count within that value). */
  source: Source;
  /** Source of one eni-config key (`eni_conf`, `disable_network_policy` …), with the line of `eni_conf.<field>` when given. */
  sourceOf(key: string, field?: string): Source;
}

export const eniConfigCapture = 'ConfigMap kube-system/eni-config (kubectl -n kube-system get cm eni-config -o yaml)';

const cache = new WeakMap<SnapshotIndex, Map<string, TerwayEniConfigMap | undefined>>();

/** ConfigMap kube-system/eni-config, parsed once per snapshot; its diagnostics join the analysis'. */
export function terwayEniConfig(index: SnapshotIndex): TerwayEniConfigMap | undefined {
  return terwayConfigMap(index, 'eni-config');
}

/**
 * A kube-system ConfigMap in eni-config's format, parsed once per snapshot: eni-config itself, or a
 * node's dynamic config (the ConfigMap its `terway-config` label names, e.g. eni-config-fixed).
 */
export function terwayConfigMap(index: SnapshotIndex, name: string): TerwayEniConfigMap | undefined {
  let perName = cache.get(index);
  if (!perName) cache.set(index, (perName = new Map()));
  if (perName.has(name)) return perName.get(name);
  const configMap = index.configMapsByKey.get(objectKey('kube-system', name));
  let result: TerwayEniConfigMap | undefined;
  if (configMap) {
    const object = `ConfigMap kube-system/${name}`;
    const { value, diagnostics } = parseTerwayEniConfig(configMap.data, { file: `${configMap.source.file} (${object})` });
    index.diagnostics.push(...diagnostics);
    const source: Source = { file: configMap.source.file, object };
    result = {
      configMap,
      config: value,
      source,
      sourceOf: (key, field) => {
        const line = field === undefined ? undefined : value.lines[`${key}.${field}`];
        return { ...source, key, ...(line === undefined ? {} : { line }) };
      },
    };
  }
  perName.set(name, result);
  return result;
}

/** The same, or MissingDataError when the snapshot lacks it. */
export function requireTerwayEniConfig(index: SnapshotIndex): TerwayEniConfigMap {
  const found = terwayEniConfig(index);
  if (!found) throw new MissingDataError(eniConfigCapture);
  return found;
}
