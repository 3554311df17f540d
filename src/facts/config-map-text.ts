import type { ConfigMapObject } from '../snapshot/objects.js';
import type { Source } from '../snapshot/source.js';
import type { TextFile } from '../snapshot/schema.js';
import { objectKey, type SnapshotIndex } from './snapshot-index.js';

export interface ConfigMapText {
  configMap: ConfigMapObject;
  key: string;
  /** Shaped like a node output so `index.parsed` memoises it the same way. */
  file: TextFile;
  source: Source;
}

const textCache = new WeakMap<ConfigMapObject, Map<string, TextFile>>();

/** The first of `keys` present in the first of `names` found in kube-system. */
export function configMapText(index: SnapshotIndex, names: readonly string[], keys: readonly string[]): ConfigMapText | undefined {
  for (const name of names) {
    const configMap = index.configMapsByKey.get(objectKey('kube-system', name));
    if (!configMap) continue;
    const key = keys.find((k) => configMap.data[k] !== undefined);
    if (key === undefined) continue;
    const perMap = textCache.get(configMap) ?? new Map<string, TextFile>();
    textCache.set(configMap, perMap);
    const file = perMap.get(key) ?? { file: `${configMap.source.file} (ConfigMap kube-system/${name} key ${key})`, text: configMap.data[key] ?? '' };
    perMap.set(key, file);
    return { configMap, key, file, source: { file: configMap.source.file, object: `ConfigMap kube-system/${name}`, key } };
  }
  return undefined;
}
