import { MissingDataError } from '../../errors.js';
import { compareVersions } from '../../versions/compare-versions.js';
import { flannelVersion } from '../cluster/component-version.js';
import { defineFact } from '../define.js';
import { flannelCniConfig } from './flannel-config.js';

/** ACK: "低于v0.15.1.4-e02c8f12-aliyun版本的Flannel不允许回环访问". */
export const hairpinMinimumFlannel = 'v0.15.1.4-e02c8f12-aliyun';

export const flannelHairpin = defineFact({
  id: 'flannelHairpin',
  subject: 'Cluster',
  description: `delegate.hairpinMode of kube-flannel-cfg cni-conf.json, the flannel image version, and whether an Alibaba flannel build is older than ${hairpinMinimumFlannel} (which cannot hairpin at all).`,
  reads: ['ConfigMap kube-system/kube-flannel-cfg key cni-conf.json', 'flannel DaemonSet or pod image'],
  compute: (_cluster, index) => {
    const cni = flannelCniConfig(index);
    if (!cni) throw new MissingDataError('ConfigMap kube-system/kube-flannel-cfg with key cni-conf.json (kubectl -n kube-system get cm kube-flannel-cfg -o yaml)');
    const flannel = cni.config.flannel;
    const version = flannelVersion(index);
    // Only Alibaba's builds carry the `-aliyun` tags the document's threshold is written in.
    const aliyunBuild = version !== undefined && /-aliyun$/.test(version.version);
    return {
      hairpinMode: flannel?.hairpinMode === true,
      hairpinModeValue: flannel?.hairpinMode === undefined ? 'not set' : String(flannel.hairpinMode),
      version: version?.version ?? 'unknown',
      versionFrom: version?.from ?? 'no flannel DaemonSet or pod in the snapshot',
      aliyunBuild,
      belowHairpinMinimum: aliyunBuild && compareVersions(version.version, hairpinMinimumFlannel) < 0,
      source: { ...cni.source, ...(flannel ? { line: flannel.line } : {}) },
    };
  },
});
