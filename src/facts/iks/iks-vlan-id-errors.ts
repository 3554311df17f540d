import { numberedLines } from '../../parsers/capped-warnings.js';
import type { Source } from '../../snapshot/source.js';
import { defineFact } from '../define.js';

/**
 * "由于 VLAN 标识无效而无法添加工作程序节点". The document shows the message translated:
 * `SoftLayerAPIError(SoftLayer_Exception_Public)：无法获取标识为 #123456 的网络 VLAN。`; the API's English original is
 * `SoftLayerAPIError(SoftLayer_Exception_Public): Could not obtain network VLAN with id #123456.` and the catalog's
 * wording "Unable to get network VLAN with ID" is matched too.
 */
const patterns = [
  /SoftLayer_Exception_Public\)\s*[:：]\s*(?:Could not obtain|Unable to get|Unable to find) network VLAN with id\s*#?(\d+)/i,
  /SoftLayer_Exception_Public\)\s*[:：]\s*无法获取标识为\s*#?(\d+)\s*的网络 ?VLAN/,
  /(?:Could not obtain|Unable to get) network VLAN with id\s*#?(\d+)/i,
];

function vlanIdOf(text: string): string | undefined {
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) return m[1];
  }
  return undefined;
}

/** VLAN ids the infrastructure could not find, in cluster/ outputs (worker lists, worker-get, kubectl errors …) and Events. */
export const iksVlanIdErrors = defineFact({
  id: 'iksVlanIdErrors',
  subject: 'Cluster',
  description:
    'VLAN ids named by `SoftLayerAPIError … network VLAN with id #<id>` (English, or the translated 无法获取标识为 #<id> 的网络 VLAN) in any cluster/ output or Event message, with where each was seen.',
  reads: ['every cluster/ file', 'Events message/note'],
  compute: (_cluster, index) => {
    const hits: Array<{ vlan: string; at: Source }> = [];
    for (const [, file] of Object.entries(index.snapshot.clusterOutputs).sort(([a], [b]) => a.localeCompare(b))) {
      if (!/VLAN/i.test(file.text)) continue;
      for (const { text, line } of numberedLines(file.text)) {
        const vlan = vlanIdOf(text);
        if (vlan) hits.push({ vlan, at: { file: file.file, line } });
      }
    }
    for (const event of index.snapshot.events) {
      const vlan = vlanIdOf(event.message);
      if (vlan) hits.push({ vlan, at: event.source });
    }
    const vlans = [...new Set(hits.map((h) => h.vlan))];
    return {
      count: vlans.length,
      vlanIds: vlans.join(', '),
      seenIn: hits.map((h) => `VLAN ${h.vlan} at ${h.at.file}${h.at.line ? `:${h.at.line}` : ''}`).slice(0, 10).join('; '),
      source: hits[0]?.at ?? { file: 'cluster/' },
    };
  },
});
