// Windows node outputs: HNS networks and endpoints, hnsdiag, netsh, Get-NetAdapter, processes, SourceVip, CNI config.
import type { Parser } from '../define-parser.js';
import { cniPluginVersionParser } from './cni-plugin-version.js';
import { dynamicportParser } from './dynamicport.js';
import { hnsEndpointsParser } from './hns-endpoints.js';
import { hnsNetworksParser } from './hns-networks.js';
import { hnsdiagParser } from './hnsdiag.js';
import { netAdaptersParser } from './net-adapters.js';
import { reservedportsParser } from './reservedports.js';
import { sourcevipParser } from './sourcevip.js';

export { parseCniPluginVersion, cniPluginVersionParser, type CniPluginVersionValue } from './cni-plugin-version.js';
export { parseDynamicport, dynamicportParser, type DynamicPortValue } from './dynamicport.js';
export { parseHnsEndpoints, hnsEndpointsParser, type HnsEndpointsValue } from './hns-endpoints.js';
export { parseHnsNetworks, hnsNetworksParser, type HnsNetworksValue } from './hns-networks.js';
export { parseHnsdiag, hnsdiagParser, type HnsdiagValue } from './hnsdiag.js';
export { parseNetAdapters, netAdaptersParser, type NetAdaptersValue } from './net-adapters.js';
export { parseReservedports, reservedportsParser, type ReservedPortsValue } from './reservedports.js';
export { parseSourcevip, sourcevipParser, type SourceVipValue } from './sourcevip.js';

export const windowsParsers = [cniPluginVersionParser, dynamicportParser, hnsEndpointsParser, hnsNetworksParser, hnsdiagParser, netAdaptersParser, reservedportsParser, sourcevipParser] as readonly Parser<unknown>[];
