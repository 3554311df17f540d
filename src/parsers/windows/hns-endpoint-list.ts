/**
 * `Get-HnsEndpoint` as PowerShell prints it without ConvertTo-Json (Format-List), as it is pasted:
 * one block of `Key : Value` lines per endpoint (hns-network-list.ts reads the layout). What the
 * JSON gives is there but for lists nested in a policy: an OutBoundNAT policy prints its ExceptionList
 * as `System.Object[]`, so that list is not in the text (a warning says so). Helpers for
 * hns-endpoints.ts; no parser lives here.
 */
import { type Diagnostic, diagnostic } from '../../diagnostics.js';
import { printedItems, readFormatList } from './hns-network-list.js';

/** The fields of HnsEndpoint (hns-endpoints.ts) this layout gives; declared here so that module can import this one. */
export interface ListedEndpoint {
  name?: string;
  id?: string;
  ipAddress?: string;
  prefixLength?: number;
  macAddress?: string;
  virtualNetworkName?: string;
  virtualNetworkId?: string;
  isRemoteEndpoint: boolean;
  policyTypes: string[];
  outboundNat: boolean;
  exceptionList: string[];
  line: number;
}

/** What an object that is no endpoint gets (both layouts). */
export const notAnEndpoint = 'an object has no ID, Name or IP address, so it is not read as an HNS endpoint';

/** Does the text look like Format-List output of HNS endpoints (an `IPAddress :` or `VirtualNetwork :` line beside an `ID :` one)? */
export function looksLikeHnsEndpointList(text: string): boolean {
  return /^(?:IPAddress|VirtualNetwork)\s+: /m.test(text) && /^ID\s+: /m.test(text);
}

/** The endpoints of a Format-List dump; a block with no ID, Name or IP address is no endpoint (a warning). */
export function readHnsEndpointList(text: string, file: string | undefined): { endpoints: ListedEndpoint[]; diagnostics: Diagnostic[] } {
  const endpoints: ListedEndpoint[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const record of readFormatList(text)) {
    const line = Math.min(...[...record.values()].map((field) => field.line));
    const value = (key: string) => record.get(key)?.value || undefined;
    const endpoint: ListedEndpoint = { isRemoteEndpoint: value('isremoteendpoint')?.toLowerCase() === 'true', policyTypes: [], outboundNat: false, exceptionList: [], line };
    const plain = [['name', 'name'], ['id', 'id'], ['ipaddress', 'ipAddress'], ['macaddress', 'macAddress'], ['virtualnetworkname', 'virtualNetworkName'], ['virtualnetwork', 'virtualNetworkId']] as const;
    for (const [key, field] of plain) {
      const text = value(key);
      if (text !== undefined) endpoint[field] = text;
    }
    const prefix = value('prefixlength');
    if (prefix !== undefined && /^\d{1,3}$/.test(prefix)) endpoint.prefixLength = Number(prefix);
    if (endpoint.id === undefined && endpoint.ipAddress === undefined && endpoint.name === undefined) {
      diagnostics.push(diagnostic('warning', 'hns-endpoint-unrecognised', notAnEndpoint, { file, line }));
      continue;
    }
    const policies = record.get('policies');
    const read = printedItems(policies?.value ?? '');
    for (const item of read.items) {
      const type = item.get('type');
      if (!type) continue;
      endpoint.policyTypes.push(type);
      if (type.toLowerCase() !== 'outboundnat') continue;
      endpoint.outboundNat = true;
      const list = item.get('exceptionlist');
      if (list !== undefined && list !== '') {
        const message = `endpoint ${endpoint.name ?? endpoint.id ?? endpoint.ipAddress}: PowerShell printed its OutBoundNAT ExceptionList as "${list}", not its entries; capture Get-HnsEndpoint | ConvertTo-Json -Depth 10 for them`;
        diagnostics.push(diagnostic('warning', 'powershell-list-unread', message, { file, line: policies?.line ?? line }));
      }
    }
    if (read.cut && policies) {
      const message = `PowerShell listed only the first ${read.items.length} Policies of endpoint ${endpoint.name ?? endpoint.id ?? endpoint.ipAddress} (the list ends in "..."); capture Get-HnsEndpoint | ConvertTo-Json -Depth 10 for all of them`;
      diagnostics.push(diagnostic('warning', 'powershell-list-cut', message, { file, line: policies.line }));
    }
    endpoints.push(endpoint);
  }
  return { endpoints, diagnostics };
}
