// One parser per command output or config file; each is usable on its own:
//   import { parseIpvsadm } from 'kube-netdoctor';
//   const { value, diagnostics } = parseIpvsadm(text);
import type { Parser } from './define-parser.js';
import { aliyunRouteEntriesParser } from './aliyun-route-entries.js';
import { aliyunSnatEntriesParser } from './aliyun-snat-entries.js';
import { aliyunVswitchesParser } from './aliyun-vswitches.js';
import { azureRoutesParser } from './azure-routes.js';
import { calicoctlConfigParser } from './calicoctl-config.js';
import { calicoctlVersionParser } from './calicoctl-version.js';
import { cniConfigParser } from './cni-config.js';
import { conntrackParser } from './conntrack.js';
import { dmesgParser } from './dmesg.js';
import { dynamicportParser } from './dynamicport.js';
import { flannelNetConfParser } from './flannel-net-conf.js';
import { helmErrorsParser } from './helm-errors.js';
import { hnsEndpointsParser } from './hns-endpoints.js';
import { hnsNetworksParser } from './hns-networks.js';
import { hnsdiagParser } from './hnsdiag.js';
import { ibmcloudKsAlbCertsParser } from './ibmcloud-ks-alb-certs.js';
import { ibmcloudKsAlbsParser } from './ibmcloud-ks-albs.js';
import { ibmcloudKsClusterGetParser } from './ibmcloud-ks-cluster-get.js';
import { ibmcloudKsSubnetsParser } from './ibmcloud-ks-subnets.js';
import { ibmcloudKsWorkerGetParser } from './ibmcloud-ks-worker-get.js';
import { ibmcloudKsWorkersParser } from './ibmcloud-ks-workers.js';
import { ipAddrParser } from './ip-addr.js';
import { ipLinkParser } from './ip-link.js';
import { ipMasqAgentConfigParser } from './ip-masq-agent-config.js';
import { ipRouteParser } from './ip-route.js';
import { ipsecStatusParser } from './ipsec-status.js';
import { iptablesSaveParser } from './iptables-save.js';
import { ipvsadmParser } from './ipvsadm.js';
import { ipvsadmTimeoutParser } from './ipvsadm-timeout.js';
import { kubeProxyConfigParser } from './kube-proxy-config.js';
import { kubectlErrorsParser } from './kubectl-errors.js';
import { logLinesParser } from './log-lines.js';
import { lsmodParser } from './lsmod.js';
import { netAdaptersParser } from './net-adapters.js';
import { netstatParser } from './netstat.js';
import { overlayTestParser } from './overlay-test.js';
import { processesParser } from './processes.js';
import { reservedportsParser } from './reservedports.js';
import { sourcevipParser } from './sourcevip.js';
import { strongswanValuesParser } from './strongswan-values.js';
import { subnetEnvParser } from './subnet-env.js';
import { tencentSecurityGroupsParser } from './tencent-security-groups.js';
import { vpndebugParser } from './vpndebug.js';

export type { Parser, ParseOptions, ParseResult } from './define-parser.js';
export { parseAliyunRouteEntries, aliyunRouteEntriesParser, type AliyunRouteEntriesValue } from './aliyun-route-entries.js';
export { parseAliyunSnatEntries, aliyunSnatEntriesParser, type AliyunSnatEntriesValue } from './aliyun-snat-entries.js';
export { parseAliyunVswitches, aliyunVswitchesParser, type AliyunVSwitchesValue } from './aliyun-vswitches.js';
export { parseAzureRoutes, azureRoutesParser, type AzureRoutesValue } from './azure-routes.js';
export { parseCalicoctlConfig, calicoctlConfigParser, type CalicoctlConfigValue } from './calicoctl-config.js';
export { parseCalicoctlVersion, calicoctlVersionParser, calicoctlErrorOf, type CalicoctlVersionValue } from './calicoctl-version.js';
export { parseCniConfig, cniConfigParser, type CniConfig } from './cni-config.js';
export { parseConntrack, conntrackParser } from './conntrack.js';
export { parseDmesg, dmesgParser, type DmesgValue } from './dmesg.js';
export { parseDynamicport, dynamicportParser, type DynamicPortValue } from './dynamicport.js';
export { parseFlannelNetConf, flannelNetConfParser } from './flannel-net-conf.js';
export { parseHelmErrors, helmErrorsParser, type HelmErrorsValue } from './helm-errors.js';
export { parseHnsEndpoints, hnsEndpointsParser, type HnsEndpointsValue } from './hns-endpoints.js';
export { parseHnsNetworks, hnsNetworksParser, type HnsNetworksValue } from './hns-networks.js';
export { parseHnsdiag, hnsdiagParser, type HnsdiagValue } from './hnsdiag.js';
export { parseIbmcloudKsAlbCerts, ibmcloudKsAlbCertsParser, type IbmcloudKsAlbCertsValue } from './ibmcloud-ks-alb-certs.js';
export { parseIbmcloudKsAlbs, ibmcloudKsAlbsParser, type IbmcloudKsAlbsValue } from './ibmcloud-ks-albs.js';
export { parseIbmcloudKsClusterGet, ibmcloudKsClusterGetParser, type IbmcloudKsClusterGetValue } from './ibmcloud-ks-cluster-get.js';
export { parseIbmcloudKsSubnets, ibmcloudKsSubnetsParser, type IbmcloudKsSubnetsValue } from './ibmcloud-ks-subnets.js';
export { parseIbmcloudKsWorkerGet, ibmcloudKsWorkerGetParser, type IbmcloudKsWorkerGetValue } from './ibmcloud-ks-worker-get.js';
export { parseIbmcloudKsWorkers, ibmcloudKsWorkersParser, type IbmcloudKsWorkersValue } from './ibmcloud-ks-workers.js';
export { parseIpAddr, ipAddrParser } from './ip-addr.js';
export { parseIpLink, ipLinkParser } from './ip-link.js';
export { parseIpMasqAgentConfig, ipMasqAgentConfigParser, type IpMasqAgentConfig } from './ip-masq-agent-config.js';
export { parseIpRoute, ipRouteParser } from './ip-route.js';
export { parseIpsecStatus, ipsecStatusParser, type IpsecStatusValue } from './ipsec-status.js';
export { parseIptablesSave, iptablesSaveParser } from './iptables-save.js';
export { scanIptablesSaveKubeProxy, type IptablesKubeProxyScan } from './iptables-save-kube-proxy-scan.js';
export { parseIpvsadm, ipvsadmParser, type Ipvsadm } from './ipvsadm.js';
export { parseIpvsadmTimeout, ipvsadmTimeoutParser, type IpvsadmTimeout } from './ipvsadm-timeout.js';
export { scanIpvsadmForwarding, type IpvsForwarding } from './ipvsadm-forwarding-scan.js';
export { parseKubeProxyConfig, kubeProxyConfigParser, type KubeProxyConfig } from './kube-proxy-config.js';
export { parseKubectlErrors, kubectlErrorsParser, type KubectlErrorsValue } from './kubectl-errors.js';
export { parseLogLines, logLinesParser, type LogLinesValue } from './log-lines.js';
export { parseLsmod, lsmodParser } from './lsmod.js';
export { parseNetAdapters, netAdaptersParser, type NetAdaptersValue } from './net-adapters.js';
export { parseNetstat, netstatParser } from './netstat.js';
export { parseOverlayTest, overlayTestParser, type OverlayTestValue } from './overlay-test.js';
export { parseProcesses, processesParser } from './processes.js';
export { parseReservedports, reservedportsParser, type ReservedPortsValue } from './reservedports.js';
export { parseSourcevip, sourcevipParser, type SourceVipValue } from './sourcevip.js';
export { parseStrongswanValues, strongswanValuesParser, type StrongswanValues } from './strongswan-values.js';
export { parseSubnetEnv, subnetEnvParser } from './subnet-env.js';
export { parseTencentSecurityGroups, tencentSecurityGroupsParser, type TencentSecurityGroupsValue } from './tencent-security-groups.js';
export { parseTerwayEniConfig, type TerwayEniConfig } from './terway-eni-config.js';
export { parseVpndebug, vpndebugParser, type VpnDebugValue } from './vpndebug.js';
export { mergePortRanges, parsePortRanges, portRangesCover, uncoveredPortRanges, unionPortRanges, type PortRange, type PortRanges } from './port-ranges.js';

/** Every text parser, in id order (docs/parsers.md is generated from this list). */
export const parsers: readonly Parser<unknown>[] = [
  aliyunRouteEntriesParser,
  aliyunSnatEntriesParser,
  aliyunVswitchesParser,
  azureRoutesParser,
  calicoctlConfigParser,
  calicoctlVersionParser,
  cniConfigParser,
  conntrackParser,
  dmesgParser,
  dynamicportParser,
  flannelNetConfParser,
  helmErrorsParser,
  hnsEndpointsParser,
  hnsNetworksParser,
  hnsdiagParser,
  ibmcloudKsAlbCertsParser,
  ibmcloudKsAlbsParser,
  ibmcloudKsClusterGetParser,
  ibmcloudKsSubnetsParser,
  ibmcloudKsWorkerGetParser,
  ibmcloudKsWorkersParser,
  ipAddrParser,
  ipLinkParser,
  ipMasqAgentConfigParser,
  ipRouteParser,
  ipsecStatusParser,
  iptablesSaveParser,
  ipvsadmParser,
  ipvsadmTimeoutParser,
  kubeProxyConfigParser,
  kubectlErrorsParser,
  logLinesParser,
  lsmodParser,
  netAdaptersParser,
  netstatParser,
  overlayTestParser,
  processesParser,
  reservedportsParser,
  sourcevipParser,
  strongswanValuesParser,
  subnetEnvParser,
  tencentSecurityGroupsParser,
  vpndebugParser,
] as readonly Parser<unknown>[];
