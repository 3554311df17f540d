import { parseAliyunRouteEntries, type RouteTable } from '../parsers/cloud/aliyun-route-entries.js';
import { parseAliyunSnatEntries, type SnatEntry } from '../parsers/cloud/aliyun-snat-entries.js';
import { parseAliyunVswitches, type VSwitch } from '../parsers/cloud/aliyun-vswitches.js';
import { type AzureRoute, parseAzureRoutes } from '../parsers/cloud/azure-routes.js';
import type { ParseResult } from '../parsers/define-parser.js';
import { parseTencentSecurityGroups, type SecurityGroup } from '../parsers/cloud/tencent-security-groups.js';
import type { TextFile } from '../snapshot/schema.js';
import type { Source } from '../snapshot/source.js';
import type { SnapshotIndex } from './snapshot-index.js';

/** Which cloud file a record came from, and where in it. */
type Sourced<T> = T & { source: Source };

export type CloudKind = 'vswitches' | 'snatEntries' | 'routeTables' | 'securityGroups' | 'azureRoutes';

export interface CloudInventory {
  /** Alibaba Cloud vSwitches (`cloud/aliyun-vswitches*.json`). */
  vswitches: Sourced<VSwitch>[];
  /** Alibaba Cloud SNAT entries, with the NAT gateway and SNAT table they belong to (`cloud/aliyun-snat-entries*.json`). */
  snatEntries: Sourced<SnatEntry & { natGatewayId?: string; snatTableId?: string }>[];
  /** Alibaba Cloud route tables and their routes (`cloud/aliyun-route-entries*.json`); the source is the first route. */
  routeTables: Sourced<RouteTable>[];
  /** Tencent Cloud security groups with normalised rules (`cloud/tencent-security-groups*.json`). */
  securityGroups: Sourced<SecurityGroup>[];
  /** Azure route table routes (`cloud/azure-routes*.json`). */
  azureRoutes: Sourced<AzureRoute>[];
  /** Files read for each kind; an empty list means the snapshot did not capture it (→ MissingDataError). */
  files: Record<CloudKind, string[]>;
  /** Files whose parse reported an error: their records may be incomplete (a cut file) or missing. */
  incomplete: Record<CloudKind, string[]>;
}

/** `cloud/<prefix>.json`, `cloud/<prefix>-<anything>.json`: one kind may be captured in several files. */
const prefixes: Record<CloudKind, string> = {
  vswitches: 'aliyun-vswitches',
  snatEntries: 'aliyun-snat-entries',
  routeTables: 'aliyun-route-entries',
  securityGroups: 'tencent-security-groups',
  azureRoutes: 'azure-routes',
};

// Per index, not per snapshot: each index collects its own parse diagnostics.
const cache = new WeakMap<SnapshotIndex, CloudInventory>();

function kindOf(name: string): CloudKind | undefined {
  const base = (name.split('/').pop() ?? name).replace(/\.(?:json|txt|out)$/i, '').toLowerCase();
  return (Object.keys(prefixes) as CloudKind[]).find((kind) => base === prefixes[kind] || base.startsWith(`${prefixes[kind]}-`));
}

function emptyInventory(): CloudInventory {
  const perKind = (): Record<CloudKind, string[]> => ({ vswitches: [], snatEntries: [], routeTables: [], securityGroups: [], azureRoutes: [] });
  return { vswitches: [], snatEntries: [], routeTables: [], securityGroups: [], azureRoutes: [], files: perKind(), incomplete: perKind() };
}

/**
 * The snapshot's cloud inventory, each file parsed once through `index.parsed`
 * (so its diagnostics reach the report) and every record tagged with its file
 * and line. Not a fact: facts about vSwitches, SNAT, routes and security groups
 * build on it.
 */
export function cloudInventory(index: SnapshotIndex): CloudInventory {
  const cached = cache.get(index);
  if (cached) return cached;
  const inventory = emptyInventory();
  const read = <T>(kind: CloudKind, file: TextFile, parse: (text: string, options: { file: string }) => ParseResult<T>): T => {
    const result = index.parseResult(file, parse);
    inventory.files[kind].push(file.file);
    if (result.diagnostics.some((d) => d.severity === 'error')) inventory.incomplete[kind].push(file.file);
    return result.value;
  };
  const at = (file: TextFile, line: number): Source => ({ file: file.file, line });
  for (const [name, file] of Object.entries(index.snapshot.cloud).sort(([a], [b]) => a.localeCompare(b))) {
    switch (kindOf(name)) {
      case 'vswitches':
        for (const vswitch of read('vswitches', file, parseAliyunVswitches).vswitches) {
          inventory.vswitches.push({ ...vswitch, source: at(file, vswitch.line) });
        }
        break;
      case 'snatEntries':
        for (const { snatEntries, ...gateway } of read('snatEntries', file, parseAliyunSnatEntries).natGateways) {
          for (const entry of snatEntries) inventory.snatEntries.push({ ...entry, ...gateway, source: at(file, entry.line) });
        }
        break;
      case 'routeTables':
        for (const table of read('routeTables', file, parseAliyunRouteEntries).routeTables) {
          inventory.routeTables.push({ ...table, source: at(file, table.routes[0]?.line ?? 1) });
        }
        break;
      case 'securityGroups':
        for (const group of read('securityGroups', file, parseTencentSecurityGroups).securityGroups) {
          inventory.securityGroups.push({ ...group, source: at(file, group.line) });
        }
        break;
      case 'azureRoutes':
        for (const route of read('azureRoutes', file, parseAzureRoutes).routes) {
          inventory.azureRoutes.push({ ...route, source: at(file, route.line) });
        }
        break;
      default:
        break;
    }
  }
  cache.set(index, inventory);
  return inventory;
}
