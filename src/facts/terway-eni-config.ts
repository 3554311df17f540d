import { MissingDataError } from '../errors.js';
import { type TerwayEniConfig, parseTerwayEniConfig } from '../parsers/terway-eni-config.js';
import type { ConfigMapObject } from '../snapshot/objects.js';
import type { Source } from '../snapshot/source.js';
import { objectKey, type SnapshotIndex } from './snapshot-index.js';

export interface TerwayEniConfigMap {
  configMap: ConfigMapObject;
  config: TerwayEniConfig;
  /** The ConfigMap; `key`/`line` point into one of its values (lines count within that value). */
  source: Source;
  /** Source of one eni-config key (`eni_conf`, `disable_network_policy` …), with the line of `eni_conf.<field>` when given. */
  sourceOf(key: string, field?: string): Source;
}

export const eniConfigCapture = 'ConfigMap kube-system/eni-config (kubectl -n kube-system get cm eni-config -o yaml)';

const cache = new WeakMap<SnapshotIndex, TerwayEniConfigMap | undefined>();

/** ConfigMap kube-system/eni-config, parsed once per snapshot; its diagnostics join the analysis'. */
export function terwayEniConfig(index: SnapshotIndex): TerwayEniConfigMap | undefined {
  if (cache.has(index)) return cache.get(index);
  const configMap = index.configMapsByKey.get(objectKey('kube-system', 'eni-config'));
  let result: TerwayEniConfigMap | undefined;
  if (configMap) {
    const object = 'ConfigMap kube-system/eni-config';
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
  cache.set(index, result);
  return result;
}

/** The same, or MissingDataError when the snapshot lacks it. */
export function requireTerwayEniConfig(index: SnapshotIndex): TerwayEniConfigMap {
  const found = terwayEniConfig(index);
  if (!found) throw new MissingDataError(eniConfigCapture);
  return found;
}
