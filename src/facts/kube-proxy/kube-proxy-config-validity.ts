import { MissingDataError } from '../../errors.js';
import type { Source } from '../../snapshot/source.js';
import { defineFact } from '../define.js';
import { kubeProxyConfigCapture, kubeProxyConfigMaps } from './kube-proxy-configs.js';
import { objectKey } from '../snapshot-index.js';

interface InvalidConfig {
  configMap: string;
  /** First line kube-proxy would reject, within the config.conf text. */
  line?: number;
  key: string;
  /** `kube-system/kube-proxy-worker config.conf line 4: …` */
  summary: string;
}

/**
 * ACK "kube-proxy配置文件对格式要求严格,请勿漏填冒号和空格": a config.conf that
 * kube-proxy cannot decode makes the recreated kube-proxy pods fail to start.
 */
export const kubeProxyConfigValidity = defineFact({
  id: 'kubeProxyConfigValidity',
  subject: 'Cluster',
  description:
    'Whether each kube-proxy ConfigMap (kube-proxy-worker, kube-proxy-master, kube-proxy) holds a config.conf that kube-proxy accepts as a KubeProxyConfiguration, with the lines and reasons it would reject.',
  reads: ['ConfigMaps kube-system/kube-proxy-worker, kube-proxy-master, kube-proxy key config.conf'],
  compute: (_cluster, index) => {
    const maps = kubeProxyConfigMaps(index);
    if (maps.length === 0) throw new MissingDataError(kubeProxyConfigCapture);
    const invalid: InvalidConfig[] = [];
    for (const { name, text, result } of maps) {
      if (!text || !result) {
        invalid.push({ configMap: name, key: 'config.conf', summary: `kube-system/${name} has no config.conf key, the file kube-proxy is started with (--config)` });
        continue;
      }
      if (result.value.valid) continue;
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const problems = errors.map((d) => (d.line === undefined ? d.message : `line ${d.line}: ${d.message}`)).join('; ');
      invalid.push({ configMap: name, key: text.key, ...(errors[0]?.line === undefined ? {} : { line: errors[0].line }), summary: `kube-system/${name} ${text.key} ${problems}` });
    }
    const first = invalid[0];
    const configMap = first ? index.configMapsByKey.get(objectKey('kube-system', first.configMap)) : undefined;
    const source: Source | undefined = first && configMap
      ? { file: configMap.source.file, object: `ConfigMap kube-system/${first.configMap}`, key: first.key, ...(first.line === undefined ? {} : { line: first.line }) }
      : undefined;
    return {
      checked: maps.map((m) => `kube-system/${m.name}`).join(', '),
      invalidCount: invalid.length,
      invalid: invalid.map((i) => i.summary).join('; '),
      invalidConfigMaps: invalid.map((i) => i.configMap).join(', '),
      ...(source ? { source } : {}),
    };
  },
});
