import { isValidCidr, uncoveredCidrs } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { cloudInventory } from '../cloud-inventory.js';
import { defineFact } from '../define.js';
import { examplesText } from '../capped-list.js';
import { describeVSwitch, terwayVSwitchesInUse, vswitchesById, vswitchesCapture } from './terway-vswitches.js';

const snatCapture =
  'cloud/aliyun-snat-entries.json (aliyun vpc DescribeSnatTableEntries --SnatTableId <SNAT table of each NAT gateway of the cluster VPC>)';

/**
 * ACK "Terway网络模式下增加了虚拟交换机后,集群无法访问公网怎么办?": a vSwitch added to
 * Terway for more pod IPs has no SNAT entry on the NAT gateway, so its pods cannot reach
 * the Internet. An entry covers a vSwitch by SourceVSwitchId, or by a SourceCIDR that
 * contains the vSwitch CIDR (several entries may cover parts of it).
 */
export const terwayVSwitchSnat = defineFact({
  id: 'terwayVSwitchSnat',
  subject: 'Cluster',
  description:
    'For every vSwitch Terway uses (eni-config and the ConfigMaps named by nodes\' terway-config labels): whether a NAT gateway SNAT entry covers it (by SourceVSwitchId, or SourceCIDR covering its CIDR), with the uncovered part of partly covered ones.',
  reads: ['ConfigMap kube-system/eni-config and dynamic configs eni_conf vswitches', 'Node labels terway-config', 'cloud/aliyun-snat-entries*.json', 'cloud/aliyun-vswitches*.json'],
  compute: (_cluster, index) => {
    const uses = terwayVSwitchesInUse(index);
    const inventory = cloudInventory(index);
    if (inventory.files.snatEntries.length === 0) throw new MissingDataError(snatCapture);
    // A SNAT entry being deleted no longer translates new connections.
    const entries = inventory.snatEntries.filter((e) => e.status !== 'Deleting');
    const byId = vswitchesById(index);
    const uncovered: string[] = [];
    const unknown: string[] = [];
    let covered = 0;
    let source = uses[0]?.source;
    for (const use of uses) {
      const vswitch = byId.get(use.id);
      const name = `${describeVSwitch(use.id, vswitch, use.zone)} from ${use.configMaps.join(', ')}`;
      if (entries.some((e) => e.sourceVSwitchId === use.id)) {
        covered += 1;
        continue;
      }
      if (vswitch?.cidr === undefined || !isValidCidr(vswitch.cidr)) {
        unknown.push(use.id);
        continue;
      }
      const cover = entries.flatMap((e) => (e.sourceCidr !== undefined && isValidCidr(e.sourceCidr) ? [e.sourceCidr] : []));
      const missing = uncoveredCidrs(vswitch.cidr, cover);
      if (missing.length === 0) {
        covered += 1;
        continue;
      }
      if (uncovered.length === 0) source = vswitch.source;
      const partial = missing.length !== 1 || missing[0] !== vswitch.cidr;
      uncovered.push(partial ? `${name}: SNAT covers only part of it, missing ${missing.join(', ')}` : `${name}: no SNAT entry`);
    }
    if (uncovered.length > 0 && inventory.incomplete.snatEntries.length > 0) {
      throw new MissingDataError(`${snatCapture}, read whole (${inventory.incomplete.snatEntries.join(', ')} is cut or unreadable)`);
    }
    if (uncovered.length === 0 && unknown.length > 0) throw new MissingDataError(`${vswitchesCapture} listing ${unknown.join(', ')}`);
    const gateways = [...new Set(entries.map((e) => e.natGatewayId ?? e.snatTableId ?? 'unknown gateway'))];
    return {
      terwayVSwitches: uses.length,
      covered,
      uncoveredCount: uncovered.length,
      uncovered: examplesText(uncovered.slice(0, 10), uncovered.length, '; '),
      unknown: unknown.length > 0 ? `${unknown.join(', ')} (not in the vSwitch inventory)` : 'none',
      snatEntries: `${entries.length} SNAT entries${gateways.length > 0 ? ` on ${gateways.join(', ')}` : ''}`,
      ...(source ? { source } : {}),
    };
  },
});
