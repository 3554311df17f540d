import { MissingDataError } from '../../errors.js';
import { parseCniConfig } from '../../parsers/configs/cni-config.js';
import { compareVersions, isValidVersion } from '../../versions/compare-versions.js';
import { configMapText } from '../config-map-text.js';
import { defineFact } from '../define.js';
import { requirementsById } from '../requirements.js';

/** ACK: "集群版本升级到1.16之后,集群节点变成NotReady" when cni-conf.json lacks cniVersion. */
export const cniVersionRequiredFrom = '1.16';

const isReady = (conditions: Array<{ type: string; status: string }>) => conditions.some((c) => c.type === 'Ready' && c.status === 'True');

/**
 * The kubelet of Kubernetes 1.16 and later no longer loads a CNI config list
 * without `cniVersion`, so a flannel image upgraded by hand with the old
 * kube-flannel-cfg leaves nodes NotReady once flannel rewrites the node's CNI file.
 */
export const flannelCniVersion = defineFact({
  id: 'flannelCniVersion',
  subject: 'Cluster',
  description: `cniVersion of kube-flannel-cfg cni-conf.json, the newest kubelet version among the nodes, and which nodes at Kubernetes ${cniVersionRequiredFrom} or later are not Ready.`,
  reads: ['ConfigMap kube-system/kube-flannel-cfg key cni-conf.json', 'Node status.nodeInfo.kubeletVersion and Ready condition', 'cluster.kubernetesVersion'],
  compute: (_cluster, index) => {
    const text = configMapText(index, ['kube-flannel-cfg'], ['cni-conf.json']);
    if (!text) throw new MissingDataError('ConfigMap kube-system/kube-flannel-cfg with key cni-conf.json (kubectl -n kube-system get cm kube-flannel-cfg -o yaml)');
    const { value: config, diagnostics } = index.parseResult(text.file, parseCniConfig);
    if (diagnostics.some((d) => d.severity === 'error')) {
      throw new MissingDataError('a readable kube-flannel-cfg cni-conf.json (it does not parse as JSON; see diagnostics)');
    }
    const linux = index.snapshot.nodes.filter((n) => n.os !== 'windows' && n.kubeletVersion !== undefined && isValidVersion(n.kubeletVersion));
    // A cluster mid-upgrade has old and new kubelets: the newest one is the one that breaks first.
    const newest = linux.reduce<(typeof linux)[number] | undefined>((a, b) => (!a || compareVersions(b.kubeletVersion!, a.kubeletVersion!) > 0 ? b : a), undefined);
    const manifest = index.snapshot.cluster.kubernetesVersion;
    const kubernetesVersion = newest?.kubeletVersion ?? manifest?.value;
    if (kubernetesVersion === undefined) throw new MissingDataError(requirementsById.get('cluster.kubernetesVersion')!.capture);
    const affected = newest
      ? linux.filter((n) => compareVersions(n.kubeletVersion!, cniVersionRequiredFrom) >= 0)
      : index.snapshot.nodes.filter((n) => n.os !== 'windows');
    const notReady = affected.filter((n) => !isReady(n.conditions)).map((n) => n.name);
    return {
      cniVersionSet: config.cniVersion !== undefined,
      cniVersion: config.cniVersion ?? 'not set',
      kubernetesVersion,
      versionFrom: newest ? `newest kubeletVersion among nodes: node ${newest.name}` : (manifest?.from ?? 'unknown'),
      affectedNodes: affected.length,
      notReadyCount: notReady.length,
      notReadyNodes: notReady.length > 0 ? notReady.join(', ') : 'none',
      source: { ...text.source, ...(config.cniVersionLine === undefined ? {} : { line: config.cniVersionLine }) },
    };
  },
});
