import { z } from 'zod';
import { compareDiagnostics, diagnostic } from '../../diagnostics.js';
import { type ParseOptions, defineParser } from '../define-parser.js';
import { fieldOf, isRecord, stringsOf } from '../configs/go-json-values.js';
import { looksLikeHnsEndpointList, notAnEndpoint, readHnsEndpointList } from './hns-endpoint-list.js';
import { hnsPolicies, listOf, textOf } from './hns-objects.js';
import { readPowerShellObjects } from './powershell-json.js';

export const HnsEndpoint = z.object({
  name: z.string().optional(),
  id: z.string().optional(),
  ipAddress: z.string().optional(),
  prefixLength: z.number().int().optional(),
  macAddress: z.string().optional(),
  /** v1 `VirtualNetworkName`; v2 objects only carry the network id. */
  virtualNetworkName: z.string().optional(),
  virtualNetworkId: z.string().optional(),
  /** An endpoint kube-proxy or flannel created for a pod on another node (v1 `IsRemoteEndpoint`, v2 flag 1). */
  isRemoteEndpoint: z.boolean(),
  policyTypes: z.array(z.string()),
  /** An `OutBoundNAT` policy is present; its ExceptionList (v1) or Settings.Exceptions (v2) below. */
  outboundNat: z.boolean(),
  exceptionList: z.array(z.string()),
  line: z.number().int().positive(),
});
export type HnsEndpoint = z.infer<typeof HnsEndpoint>;

export const HnsEndpointCount = z.object({
  /** Network name, else its id, else `unknown`. */
  network: z.string(),
  local: z.number().int().nonnegative(),
  remote: z.number().int().nonnegative(),
});

export const HnsEndpointsValue = z.object({ endpoints: z.array(HnsEndpoint), byNetwork: z.array(HnsEndpointCount) });
export type HnsEndpointsValue = z.infer<typeof HnsEndpointsValue>;

// hcn.EndpointFlagsRemoteEndpoint
const REMOTE_FLAG = 1;

export const hnsEndpointsParser = defineParser<HnsEndpointsValue>({
  id: 'hns-endpoints',
  command: 'Get-HnsEndpoint | ConvertTo-Json -Depth 10',
  description:
    'HNS endpoints of a Windows node: IP and MAC, network, local or remote, policies with the OutBoundNAT ExceptionList, and endpoint counts per network. Plain `Get-HnsEndpoint` (Format-List, as usually pasted) is read too, but for the ExceptionList entries, which PowerShell prints as `System.Object[]` (a warning says so).',
  schema: HnsEndpointsValue,
  example: `[
    {
        "ID":  "8f109901-9970-4fda-bb2b-e9882fb3e8fb",
        "IPAddress":  "10.244.2.141",
        "IsRemoteEndpoint":  true,
        "MacAddress":  "0E-2A-0a-f4-02-8d",
        "Name":  "remote_10.244.2.141",
        "VirtualNetworkName":  "vxlan0"
    },
    {
        "ID":  "26DCB6EE-F66B-4AB8-98D2-8223F769894A",
        "IPAddress":  "10.244.3.7",
        "MacAddress":  "00-15-5D-2C-41-07",
        "Name":  "Ethernet",
        "Policies":  [
                         {
                             "ExceptionList":  [
                                                   "10.244.0.0/16",
                                                   "10.96.0.0/12"
                                               ],
                             "Type":  "OutBoundNAT"
                         }
                     ],
        "VirtualNetworkName":  "vxlan0"
    }
]`,
  empty: () => ({ endpoints: [], byNetwork: [] }),
  parse(text, { file }) {
    if (!/^\s*[[{]/.test(text) && looksLikeHnsEndpointList(text)) {
      const listed = readHnsEndpointList(text, file);
      if (listed.endpoints.length > 0) {
        return { value: { endpoints: listed.endpoints, byNetwork: countByNetwork(listed.endpoints) }, diagnostics: listed.diagnostics.sort(compareDiagnostics) };
      }
    }
    const { objects, diagnostics } = readPowerShellObjects(text, file, 'Get-HnsEndpoint');
    const endpoints: HnsEndpoint[] = [];
    for (const { value, line } of objects) {
      const endpoint = readEndpoint(value, line);
      if (endpoint.id === undefined && endpoint.ipAddress === undefined && endpoint.name === undefined) {
        diagnostics.push(diagnostic('warning', 'hns-endpoint-unrecognised', notAnEndpoint, { file, line }));
        continue;
      }
      endpoints.push(endpoint);
    }
    if (objects.length > 0 && endpoints.length === 0) {
      diagnostics.push(diagnostic('error', 'unrecognised-input', 'no HNS endpoint objects found in this file', { file }));
    }
    return { value: { endpoints, byNetwork: countByNetwork(endpoints) }, diagnostics: diagnostics.sort(compareDiagnostics) };
  },
});

export function parseHnsEndpoints(text: string, options?: ParseOptions) {
  return hnsEndpointsParser.parse(text, options);
}

function readEndpoint(value: Record<string, unknown>, line: number): HnsEndpoint {
  const endpoint: HnsEndpoint = { isRemoteEndpoint: false, policyTypes: [], outboundNat: false, exceptionList: [], line };
  const set = (key: 'name' | 'id' | 'ipAddress' | 'macAddress' | 'virtualNetworkName' | 'virtualNetworkId', item: string | undefined) => {
    if (item !== undefined && item !== '') endpoint[key] = item;
  };
  set('name', textOf(value, 'Name'));
  set('id', textOf(value, 'ID'));
  set('ipAddress', textOf(value, 'IPAddress'));
  set('macAddress', textOf(value, 'MacAddress'));
  set('virtualNetworkName', textOf(value, 'VirtualNetworkName'));
  set('virtualNetworkId', textOf(value, 'VirtualNetwork') ?? textOf(value, 'HostComputeNetwork'));
  const prefix = fieldOf(value, 'PrefixLength')?.value;
  if (typeof prefix === 'number') endpoint.prefixLength = prefix;
  const [ipConfig] = listOf(value, 'IpConfigurations') ?? [];
  if (isRecord(ipConfig)) {
    set('ipAddress', endpoint.ipAddress ?? textOf(ipConfig, 'IpAddress'));
    const v2Prefix = fieldOf(ipConfig, 'PrefixLength')?.value;
    if (endpoint.prefixLength === undefined && typeof v2Prefix === 'number') endpoint.prefixLength = v2Prefix;
  }
  const remote = fieldOf(value, 'IsRemoteEndpoint')?.value;
  // Only HCN v2 endpoints (HostComputeNetwork, IpConfigurations) say "remote" through Flags.
  const flags = fieldOf(value, 'Flags')?.value;
  const v2 = fieldOf(value, 'HostComputeNetwork') !== undefined || ipConfig !== undefined;
  endpoint.isRemoteEndpoint = remote === true || (v2 && typeof flags === 'number' && (flags & REMOTE_FLAG) !== 0);
  for (const policy of hnsPolicies(value)) {
    endpoint.policyTypes.push(policy.type);
    if (policy.type.toLowerCase() !== 'outboundnat') continue;
    endpoint.outboundNat = true;
    const list = stringsOf(fieldOf(policy.settings, 'ExceptionList')?.value) ?? stringsOf(fieldOf(policy.settings, 'Exceptions')?.value) ?? [];
    endpoint.exceptionList.push(...list);
  }
  return endpoint;
}

function countByNetwork(endpoints: readonly HnsEndpoint[]): z.infer<typeof HnsEndpointCount>[] {
  const counts = new Map<string, z.infer<typeof HnsEndpointCount>>();
  for (const endpoint of endpoints) {
    const network = endpoint.virtualNetworkName ?? endpoint.virtualNetworkId ?? 'unknown';
    const count = counts.get(network) ?? { network, local: 0, remote: 0 };
    count[endpoint.isRemoteEndpoint ? 'remote' : 'local'] += 1;
    counts.set(network, count);
  }
  return [...counts.values()].sort((a, b) => a.network.localeCompare(b.network));
}
