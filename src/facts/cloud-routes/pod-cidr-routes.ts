import { isValidCidr, normalizeCidr } from '../../cidr/index.js';
import { MissingDataError } from '../../errors.js';
import { parseLogLines } from '../../parsers/logs/log-lines.js';
import type { Source } from '../../snapshot/source.js';
import { cloudInventory } from '../cloud-inventory.js';
import { defineFact } from '../define.js';
import { cappedList } from '../capped-list.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { internalIp, vswitchHolding } from '../terway/terway-vswitches.js';

const routeCapture = 'cloud/aliyun-route-entries.json (aliyun vpc DescribeRouteEntryList --RouteTableId <each route table of the cluster vSwitches>)';
const eventsCapture = 'cloud-controller-manager events (kubectl get events -A -o json)';
const multipleTables = /multiple route tables found/i;

/** `cn-hangzhou.i-bp1a7z9xyz0ekxh2lmk8` → `i-bp1a7z9xyz0ekxh2lmk8`: the ECS instance the pod CIDR route must point to. */
const instanceOf = (providerId: string | undefined) => /\.(i-[a-z0-9]+)$/.exec(providerId ?? '')?.[1];

/** cloud-controller-manager's "multiple route tables found" in events (any object) and node logs. */
function ccmErrors(index: SnapshotIndex): { seen: string[]; source?: Source } {
  const seen: string[] = [];
  let source: Source | undefined;
  for (const e of index.snapshot.events.filter((x) => multipleTables.test(x.message))) {
    seen.push(`event ${e.reason ?? ''} on ${e.involvedKind ?? 'object'} ${e.involvedName ?? ''} (×${e.count}): ${e.message}`);
    source ??= e.source;
  }
  for (const [node, outputs] of Object.entries(index.snapshot.nodeOutputs)) {
    for (const file of Object.values(outputs.logs)) {
      const found = index.parsed(file, parseLogLines).messages.find((m) => m.id === 'ccmMultipleRouteTables');
      if (!found) continue;
      const fields = [found.fields.vpcId?.length ? `VPC ${found.fields.vpcId.join(', ')}` : '', found.fields.tables?.length ? `${found.fields.tables.join(', ')} tables` : ''];
      seen.push(`${found.count} log lines in ${file.file} on ${node}${fields.some(Boolean) ? ` (${fields.filter(Boolean).join(', ')})` : ''}`);
      source ??= { file: file.file, line: found.firstLine };
    }
  }
  return { seen, ...(source ? { source } : {}) };
}

/**
 * ACK "什么场景下需要为集群配置多个路由表?" (Flannel): cloud-controller-manager adds a route per
 * node (destination = the node's pod CIDR, next hop = its ECS instance) to the VPC route
 * table. With a custom route table on a vSwitch, or several tables in the VPC, it needs the
 * multi-route-table configuration, or routes go missing ("multiple route tables found").
 */
export const podCidrRoutes = defineFact({
  id: 'podCidrRoutes',
  subject: 'Cluster',
  description:
    'cloud-controller-manager "multiple route tables found" errors (events, logs), and node pod CIDRs without a route (or with a route to another instance) in the VPC route tables of the nodes\' vSwitches.',
  reads: ['Events message', 'nodes/<node>/logs/*.log', 'Node spec.podCIDRs, spec.providerID, InternalIP', 'cloud/aliyun-route-entries*.json', 'cloud/aliyun-vswitches*.json (RouteTable)'],
  compute: (_cluster, index) => {
    const ccm = ccmErrors(index);
    const inventory = cloudInventory(index);
    const nodes = index.snapshot.nodes.filter((n) => n.podCIDRs.some((c) => isValidCidr(c) && !c.includes(':')));
    const tables = new Map(inventory.routeTables.map((t) => [t.routeTableId ?? '', t]));
    const tableOfNode = new Map(nodes.map((n) => [n.name, vswitchHolding(index, internalIp(n))]));
    const known = [...new Set([...tableOfNode.values()].flatMap((v) => (v?.routeTableId ? [v.routeTableId] : [])))];
    // Traffic leaves through the route table of the sender's vSwitch: each must route every node's pod CIDR.
    const relevant = known.length > 0 ? known : [...tables.keys()];
    const notCaptured = relevant.filter((id) => !tables.has(id));
    const checked = relevant.filter((id) => tables.has(id));
    const missing: string[] = [];
    let missingCount = 0;
    let source = ccm.source;
    for (const id of checked) {
      const table = tables.get(id)!;
      const owners = [...new Set([...tableOfNode.values()].filter((v) => v?.routeTableId === id).map((v) => v!.vswitchId))];
      const problems: string[] = [];
      // One map per table: thousands of nodes against thousands of routes stay linear.
      const byDestination = new Map(table.routes.filter((r) => isValidCidr(r.destination)).map((r) => [normalizeCidr(r.destination), r]));
      for (const node of nodes) {
        const instance = instanceOf(node.providerID);
        for (const cidr of node.podCIDRs.filter((c) => isValidCidr(c) && !c.includes(':'))) {
          const route = byDestination.get(normalizeCidr(cidr));
          if (!route) problems.push(`no route for ${node.name} ${cidr}`);
          else if (instance && !route.nextHops.some((h) => h.id === instance)) {
            problems.push(`${node.name} ${cidr} goes to ${route.nextHops.map((h) => h.id ?? h.type).join(', ') || 'no next hop'}, not ${instance}`);
            source ??= { file: table.source.file, line: route.line };
          }
        }
      }
      if (problems.length === 0) continue;
      missingCount += problems.length;
      source ??= table.source;
      missing.push(`${id || 'route table'}${owners.length > 0 ? ` (route table of ${owners.join(', ')})` : ''}: ${cappedList(problems, 5)}`);
    }
    if (ccm.seen.length === 0 && missing.length === 0) {
      const orEvents = index.snapshot.captured.includes('Event') ? '' : `, or ${eventsCapture}`;
      if (inventory.files.routeTables.length === 0) throw new MissingDataError(`${routeCapture}${orEvents}`);
      if (checked.length === 0) throw new MissingDataError(`${routeCapture}: route tables ${notCaptured.join(', ')} were not captured`);
    }
    return {
      ccmCount: ccm.seen.length,
      ccm: cappedList(ccm.seen, 3) || 'none',
      missingCount,
      missing: missing.join('; ') || 'none',
      tablesChecked: checked.map((id) => id || 'route table').join(', ') || 'none',
      notCaptured: notCaptured.join(', ') || 'none',
      ...(source ? { source } : {}),
    };
  },
});
