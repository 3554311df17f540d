// Cloud inventory: vendor CLI outputs under cloud/ (Alibaba, Tencent, Azure).
import type { Parser } from '../define-parser.js';
import { aliyunRouteEntriesParser } from './aliyun-route-entries.js';
import { aliyunSnatEntriesParser } from './aliyun-snat-entries.js';
import { aliyunVswitchesParser } from './aliyun-vswitches.js';
import { azureRoutesParser } from './azure-routes.js';
import { tencentSecurityGroupsParser } from './tencent-security-groups.js';

export { parseAliyunRouteEntries, aliyunRouteEntriesParser, type AliyunRouteEntriesValue } from './aliyun-route-entries.js';
export { parseAliyunSnatEntries, aliyunSnatEntriesParser, type AliyunSnatEntriesValue } from './aliyun-snat-entries.js';
export { parseAliyunVswitches, aliyunVswitchesParser, type AliyunVSwitchesValue } from './aliyun-vswitches.js';
export { parseAzureRoutes, azureRoutesParser, type AzureRoutesValue } from './azure-routes.js';
export { parseTencentSecurityGroups, tencentSecurityGroupsParser, type TencentSecurityGroupsValue } from './tencent-security-groups.js';
export { mergePortRanges, parsePortRanges, portRangesCover, uncoveredPortRanges, unionPortRanges, type PortRange, type PortRanges } from './port-ranges.js';

export const cloudParsers = [aliyunRouteEntriesParser, aliyunSnatEntriesParser, aliyunVswitchesParser, azureRoutesParser, tencentSecurityGroupsParser] as readonly Parser<unknown>[];
