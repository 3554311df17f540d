import { z } from 'zod';
import { compareDiagnostics, diagnostic } from '../../diagnostics.js';
import { type ParseOptions, defineParser } from '../define-parser.js';
import { fieldOf, isRecord, stringOf } from '../configs/go-json-values.js';
import { looksLikeHnsList, readHnsNetworkList } from './hns-network-list.js';
import { hnsPolicies, listOf, textOf } from './hns-objects.js';
import { readPowerShellObjects } from './powershell-json.js';

const line = z.number().int().positive();

export const HnsSubnet = z.object({ addressPrefix: z.string(), gatewayAddress: z.string().optional() });

export const HnsNetwork = z.object({
  name: z.string(),
  /** As HNS reports it: `L2Bridge`, `Overlay`, `NAT`/`nat`, `Transparent`, `ICS` … (case varies by creator). */
  type: z.string().optional(),
  id: z.string().optional(),
  subnets: z.array(HnsSubnet),
  managementIp: z.string().optional(),
  drMacAddress: z.string().optional(),
  networkAdapterName: z.string().optional(),
  /** Policy types in order, e.g. `VSID`, `RemoteSubnetRoute`, `NetAdapterName`. */
  policyTypes: z.array(z.string()),
  /** `v1` for hns.psm1's objects (`Subnets`, `ManagementIP`), `v2` for HCN objects (`Ipams`, `Settings`). */
  schema: z.enum(['v1', 'v2']),
  line,
});
export type HnsNetwork = z.infer<typeof HnsNetwork>;

export const HnsNetworksValue = z.object({ networks: z.array(HnsNetwork) });
export type HnsNetworksValue = z.infer<typeof HnsNetworksValue>;

export const hnsNetworksParser = defineParser<HnsNetworksValue>({
  id: 'hns-networks',
  command: 'Get-HnsNetwork | ConvertTo-Json -Depth 10',
  description:
    'HNS networks of a Windows node (hns.psm1 v1 objects or HCN v2 objects): name, type, subnets and gateways, management IP, DR MAC, adapter and policies. ' +
    'Plain `Get-HnsNetwork` (Format-List, as usually pasted) is read too; a collection PowerShell cut after 4 items is reported.',
  schema: HnsNetworksValue,
  example: `{
    "ActivityId":  "5D0E7F6B-2C3A-4B8E-9A51-0F6C1E2D3B4A",
    "DrMacAddress":  "00-15-5D-8E-2C-11",
    "ID":  "7A5B2C91-4E3F-4D1A-B6C2-9E8F7D6C5B4A",
    "ManagementIP":  "10.127.130.21",
    "Name":  "cbr0",
    "NetworkAdapterName":  "Ethernet",
    "Policies":  [

                 ],
    "Subnets":  [
                    {
                        "AddressPrefix":  "10.244.3.0/24",
                        "GatewayAddress":  "10.244.3.1"
                    }
                ],
    "Type":  "L2Bridge"
}`,
  empty: () => ({ networks: [] }),
  parse(text, { file }) {
    if (!/^\s*[[{]/.test(text) && looksLikeHnsList(text)) {
      const listed = readHnsNetworkList(text, file);
      if (listed.networks.length > 0) return { value: { networks: listed.networks }, diagnostics: listed.diagnostics.sort(compareDiagnostics) };
    }
    const { objects, document, diagnostics } = readPowerShellObjects(text, file, 'Get-HnsNetwork');
    const networks: HnsNetwork[] = [];
    for (const { value, path, line } of objects) {
      const name = stringOf(fieldOf(value, 'Name')?.value);
      if (name === undefined) {
        diagnostics.push(diagnostic('warning', 'hns-network-without-name', 'an object has no Name, so it is not read as an HNS network', { file, line }));
        continue;
      }
      networks.push(readNetwork(value, name, document?.lineOf([...path, fieldOf(value, 'Name')?.key ?? 'Name']) ?? line));
    }
    if (objects.length > 0 && networks.length === 0) {
      diagnostics.push(diagnostic('error', 'unrecognised-input', 'no HNS network objects found in this file', { file }));
    }
    return { value: { networks }, diagnostics: diagnostics.sort(compareDiagnostics) };
  },
});

export function parseHnsNetworks(text: string, options?: ParseOptions) {
  return hnsNetworksParser.parse(text, options);
}

function readNetwork(value: Record<string, unknown>, name: string, line: number): HnsNetwork {
  const ipams = listOf(value, 'Ipams');
  const network: HnsNetwork = { name, subnets: [], policyTypes: [], schema: ipams ? 'v2' : 'v1', line };
  const set = (key: 'type' | 'id' | 'managementIp' | 'drMacAddress' | 'networkAdapterName', item: string | undefined) => {
    if (item !== undefined && item !== '') network[key] = item;
  };
  set('type', textOf(value, 'Type'));
  set('id', textOf(value, 'ID'));
  set('managementIp', textOf(value, 'ManagementIP'));
  set('drMacAddress', textOf(value, 'DrMacAddress'));
  set('networkAdapterName', textOf(value, 'NetworkAdapterName'));
  for (const subnet of listOf(value, 'Subnets') ?? []) {
    const prefix = isRecord(subnet) ? textOf(subnet, 'AddressPrefix') : undefined;
    if (prefix === undefined || !isRecord(subnet)) continue;
    const gateway = textOf(subnet, 'GatewayAddress');
    network.subnets.push(gateway === undefined ? { addressPrefix: prefix } : { addressPrefix: prefix, gatewayAddress: gateway });
  }
  // HCN v2: Ipams[].Subnets[].IpAddressPrefix, the gateway being the next hop of the default route.
  for (const ipam of ipams ?? []) {
    for (const subnet of isRecord(ipam) ? listOf(ipam, 'Subnets') ?? [] : []) {
      const prefix = isRecord(subnet) ? textOf(subnet, 'IpAddressPrefix') : undefined;
      if (prefix === undefined || !isRecord(subnet)) continue;
      const route = (listOf(subnet, 'Routes') ?? []).find((r) => isRecord(r) && /^(0\.0\.0\.0\/0|::\/0)$/.test(textOf(r, 'DestinationPrefix') ?? ''));
      const gateway = isRecord(route) ? textOf(route, 'NextHop') : undefined;
      network.subnets.push(gateway === undefined ? { addressPrefix: prefix } : { addressPrefix: prefix, gatewayAddress: gateway });
    }
  }
  for (const policy of hnsPolicies(value)) {
    network.policyTypes.push(policy.type);
    if (policy.type === 'DrMacAddress') set('drMacAddress', network.drMacAddress ?? textOf(policy.settings, 'Address'));
    if (policy.type === 'NetAdapterName') set('networkAdapterName', network.networkAdapterName ?? textOf(policy.settings, 'NetworkAdapterName'));
  }
  return network;
}
