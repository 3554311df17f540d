import { isValidCidr } from '../../cidr/index.js';
import { diagnostic } from '../../diagnostics.js';
import { parseIbmcloudKsSubnets } from '../../parsers/cluster/ibmcloud-ks-subnets.js';
import type { Source } from '../../snapshot/source.js';
import { parsedClusterOutputs } from '../cluster-outputs.js';
import { objectKey, type SnapshotIndex } from '../snapshot-index.js';

export const vlanIpConfigName = 'ibm-cloud-provider-vlan-ip-config';

export interface PortableSubnet {
  cidr: string;
  vlanId: string;
  public: boolean | undefined;
  zone?: string;
  /** The usable portable IPs listed for it (ConfigMap only). */
  ips?: string[];
  source: Source;
}

export interface PortableSubnets {
  /** The ConfigMap was captured (its vlanipmap.json read). */
  configMap: boolean;
  clusterId?: string;
  subnets: PortableSubnet[];
}

const cache = new WeakMap<SnapshotIndex, PortableSubnets>();
type Raw = Record<string, unknown>;
const rec = (v: unknown): Raw => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
const arr = (v: unknown): Raw[] => (Array.isArray(v) ? v.map(rec) : []);

/**
 * The cluster's portable subnets: `kube-system/ibm-cloud-provider-vlan-ip-config` key `vlanipmap.json`
 * (`{"vlans":[{"id":"2936318","subnets":[{"cidr":"169.47.155.240/29","ips":[…],"is_public":true}],"zone":"wdc04"}]}`),
 * and the rows of `ibmcloud ks subnets` bound to this cluster when that output was captured.
 */
export function portableSubnets(index: SnapshotIndex): PortableSubnets {
  const cached = cache.get(index);
  if (cached) return cached;
  const result: PortableSubnets = { configMap: false, subnets: [] };
  const cm = index.configMapsByKey.get(objectKey('kube-system', vlanIpConfigName));
  const text = cm?.data['vlanipmap.json'];
  if (cm && text !== undefined) {
    const source = { file: cm.source.file, object: `ConfigMap kube-system/${vlanIpConfigName}`, key: 'vlanipmap.json' };
    try {
      const root = rec(JSON.parse(text));
      result.configMap = true;
      if (cm.data.cluster_id) result.clusterId = cm.data.cluster_id;
      for (const vlan of arr(root.vlans)) {
        for (const subnet of arr(vlan.subnets)) {
          const cidr = String(subnet.cidr ?? '');
          if (!isValidCidr(cidr)) continue;
          result.subnets.push({
            cidr,
            vlanId: String(vlan.id ?? ''),
            public: typeof subnet.is_public === 'boolean' ? subnet.is_public : undefined,
            ...(typeof vlan.zone === 'string' ? { zone: vlan.zone } : {}),
            ips: Array.isArray(subnet.ips) ? subnet.ips.map(String) : [],
            source,
          });
        }
      }
    } catch (error) {
      index.diagnostics.push(
        diagnostic('error', 'invalid-json', `vlanipmap.json is not valid JSON: ${(error as Error).message}`, { file: cm.source.file }),
      );
    }
  }
  const boundTo = new Set([result.clusterId].filter((x): x is string => x !== undefined));
  for (const output of parsedClusterOutputs(index, 'ibmcloudKsSubnets', parseIbmcloudKsSubnets)) {
    for (const row of output.value.subnets) {
      const bound = row.boundCluster && row.boundCluster !== '-' ? row.boundCluster : undefined;
      if (!bound || !row.network || !isValidCidr(row.network)) continue;
      if (boundTo.size > 0 && !boundTo.has(bound)) continue;
      if (result.subnets.some((s) => s.cidr === row.network)) continue;
      result.subnets.push({ cidr: row.network, vlanId: row.vlanId ?? '', public: row.type ? row.type === 'public' : undefined, source: output.at(row.line) });
    }
  }
  cache.set(index, result);
  return result;
}
