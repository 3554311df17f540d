/**
 * `Get-HnsNetwork` as PowerShell prints it without ConvertTo-Json (Format-List): what people paste
 * most. Each network is a block of `Key : Value` lines; a long value wraps onto lines indented to
 * the value column, and nested objects print as `@{Key=Value; …}`, collections as `{…, …}`:
 *
 *     Name                   : External
 *     Subnets                : {@{AdditionalParams=; AddressPrefix=192.168.255.0/30; GatewayAddress=192.168.255.1; Health=;
 *                              ID=A1320335-EB6A-4247-8FA4-47471041D2F5; ObjectType=5; Policies=System.Object[]; State=0}}
 *     Type                   : overlay
 *
 * A collection of more than $FormatEnumerationLimit (4) items ends in `...}` (`…}` in PowerShell 7):
 * the rest is not in the text. Helpers for hns-networks.ts; no parser lives here.
 */
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { numberedLines } from '../capped-warnings.js';

/** One network as HnsNetwork (hns-networks.ts) holds it; declared here so that module can import this one. */
export interface ListedNetwork {
  name: string;
  type?: string;
  id?: string;
  subnets: { addressPrefix: string; gatewayAddress?: string }[];
  managementIp?: string;
  drMacAddress?: string;
  networkAdapterName?: string;
  policyTypes: string[];
  schema: 'v1';
  line: number;
}

interface ListField {
  value: string;
  line: number;
}

const property = /^([A-Za-z][\w.]*)\s*: ?(.*)$/;

/** Blocks of `Key : Value` lines; continuation lines (indented) are joined to their value with a space. */
export function readFormatList(text: string): Map<string, ListField>[] {
  const records: Map<string, ListField>[] = [];
  let current: Map<string, ListField> | undefined;
  let last: ListField | undefined;
  for (const { text: raw, line } of numberedLines(text)) {
    if (raw.trim() === '') {
      current = undefined;
      last = undefined;
      continue;
    }
    const match = /^\s/.test(raw) ? undefined : property.exec(raw);
    if (match) {
      if (!current) records.push((current = new Map()));
      last = { value: (match[2] ?? '').trim(), line };
      current.set((match[1] ?? '').toLowerCase(), last);
    } else if (last) {
      last.value = `${last.value} ${raw.trim()}`;
    }
  }
  return records;
}

/** Does the text look like Format-List output of HNS objects (a `Name :` and an `ID :` or `ActivityId :` line)? */
export function looksLikeHnsList(text: string): boolean {
  return /^Name\s+: /m.test(text) && /^(?:ID|ActivityId)\s+: /m.test(text);
}

/** The `@{…}` items of a printed collection, each as its `Key=Value` pairs, and whether PowerShell cut the list. */
export function printedItems(value: string): { items: Map<string, string>[]; cut: boolean } {
  const items = [...value.matchAll(/@\{([^{}]*)\}/g)].map((m) => {
    const pairs = new Map<string, string>();
    for (const pair of (m[1] ?? '').split(/;\s*/)) {
      const eq = pair.indexOf('=');
      if (eq > 0) pairs.set(pair.slice(0, eq).trim().toLowerCase(), pair.slice(eq + 1).trim());
    }
    return pairs;
  });
  return { items, cut: /(?:\.\.\.|…)\}\s*$/.test(value) };
}

/** The HNS networks of a Format-List dump, or none when no block has a Name. */
export function readHnsNetworkList(text: string, file: string | undefined): { networks: ListedNetwork[]; diagnostics: Diagnostic[] } {
  const networks: ListedNetwork[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const record of readFormatList(text)) {
    const name = record.get('name');
    if (!name || name.value === '') continue;
    // Get-HnsEndpoint prints the same way: an endpoint (IPAddress, VirtualNetwork) is no network.
    if (record.has('ipaddress') || record.has('virtualnetwork')) continue;
    const network: ListedNetwork = { name: name.value, subnets: [], policyTypes: [], schema: 'v1', line: name.line };
    const plain = [['type', 'type'], ['id', 'id'], ['managementip', 'managementIp'], ['drmacaddress', 'drMacAddress'], ['networkadaptername', 'networkAdapterName']] as const;
    for (const [key, field] of plain) {
      const value = record.get(key)?.value;
      if (value) network[field] = value;
    }
    const subnets = record.get('subnets');
    const policies = record.get('policies');
    const readSubnets = printedItems(subnets?.value ?? '');
    for (const item of readSubnets.items) {
      const prefix = item.get('addressprefix');
      if (!prefix) continue;
      const gateway = item.get('gatewayaddress');
      network.subnets.push(gateway ? { addressPrefix: prefix, gatewayAddress: gateway } : { addressPrefix: prefix });
    }
    const readPolicies = printedItems(policies?.value ?? '');
    for (const item of readPolicies.items) {
      const type = item.get('type');
      if (type) network.policyTypes.push(type);
    }
    for (const [label, field, read] of [['Subnets', subnets, readSubnets], ['Policies', policies, readPolicies]] as const) {
      if (!read.cut || !field) continue;
      const message = `PowerShell listed only the first ${read.items.length} ${label} of network ${network.name} (the list ends in "..."); capture Get-HnsNetwork | ConvertTo-Json -Depth 10 for all of them`;
      diagnostics.push(diagnostic('warning', 'powershell-list-cut', message, { file, line: field.line }));
    }
    // Every HNS network has a Type, printed after Subnets: a block without one was cut (a paste, a head).
    if (!record.has('type')) {
      const message = `network ${network.name} has no Type line: the list looks cut, so its type, subnets or policies may be missing`;
      diagnostics.push(diagnostic('warning', 'powershell-list-incomplete', message, { file, line: name.line }));
    }
    networks.push(network);
  }
  return { networks, diagnostics };
}
