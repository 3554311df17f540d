import { MissingDataError } from '../../errors.js';
import { ipMasqAgentDefaultNonMasqueradeCidrs, parseIpMasqAgentConfig } from '../../parsers/configs/ip-masq-agent-config.js';
import { cidrCoverage } from './cidr-coverage.js';
import { configMapText } from '../config-map-text.js';
import { defineFact } from '../define.js';
import { coverageFigure } from '../figure-builders.js';
import { isIdcRange } from '../cluster/external-ranges.js';
import type { SnapshotIndex } from '../snapshot-index.js';

const names = ['ip-masq-agent-config', 'ip-masq-agent'];

/**
 * NonMasqueradeCIDRs of the ip-masq-agent ConfigMap against `ranges`; shared by the IDC and peer-cluster
 * facts (which entries are which: src/facts/external-ranges.ts).
 */
export function nonMasqueradeCoverage(index: SnapshotIndex, ranges: Array<{ cidr: string; name?: string | undefined }>) {
  const text = configMapText(index, names, ['config']);
  if (!text) throw new MissingDataError('ConfigMap kube-system/ip-masq-agent-config with key config (kubectl -n kube-system get configmap ip-masq-agent-config -o yaml)');
  const { value: config, diagnostics } = index.parseResult(text.file, parseIpMasqAgentConfig);
  if (diagnostics.some((d) => d.severity === 'error')) {
    throw new MissingDataError(`a readable ip-masq-agent config (${text.source.object} key ${text.key} does not parse; see diagnostics)`);
  }
  // With no CIDR list the agent falls back to its built-in defaults.
  const usesDefaults = config.keySpelling === 'none';
  const nonMasqueradeCIDRs = usesDefaults ? [...ipMasqAgentDefaultNonMasqueradeCidrs] : config.nonMasqueradeCIDRs;
  const coverage = cidrCoverage(
    nonMasqueradeCIDRs,
    ranges.map((e) => ({ name: e.name ?? 'external range', cidr: e.cidr })),
  );
  return {
    configMap: text.source.object,
    nonMasqueradeCIDRs,
    usesDefaults,
    keySpelling: config.keySpelling,
    ...coverage,
    source: { ...text.source, ...(config.nonMasqueradeCIDRsLine === undefined ? {} : { line: config.nonMasqueradeCIDRsLine }) },
  };
}

/**
 * ip-masq-agent SNATs pod traffic to the node IP unless the destination is in
 * NonMasqueradeCIDRs; an IDC that must see pod IPs has to be listed there
 * (TKE "IDC 与容器(Pod)无法访问"). Peer-cluster ranges are ipMasqAgentPeerCoverage's.
 */
export const ipMasqAgentCoverage = defineFact({
  id: 'ipMasqAgentCoverage',
  subject: 'Cluster',
  description:
    'NonMasqueradeCIDRs of the ip-masq-agent ConfigMap and, for each IDC range of cluster.externalCIDRs ' +
    '(kind idc; see docs/snapshot-format.md), the part it does not cover.',
  reads: ['ConfigMap kube-system/ip-masq-agent-config (or ip-masq-agent) key config', 'cluster.externalCIDRs'],
  compute: (_cluster, index) => {
    const external = index.snapshot.cluster.externalCIDRs;
    if (!external) throw new MissingDataError('cluster.externalCIDRs in snapshot.yaml: the IDC / peer ranges that must reach pods without SNAT');
    const ranges = external.value.filter(isIdcRange);
    if (ranges.length === 0) throw new MissingDataError('cluster.externalCIDRs in snapshot.yaml: an IDC range (an entry with kind: idc)');
    return nonMasqueradeCoverage(index, ranges);
  },
  figure: (v) => coverageFigure('ip-masq-agent NonMasqueradeCIDRs against the IDC ranges that must see pod IPs', { label: 'NonMasqueradeCIDRs', cidrs: v.cover }, v.required, v.uncovered),
});
