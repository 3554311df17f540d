// One parser per command output or config file; each is usable on its own:
//   import { parseIpvsadm } from 'kube-netdoctor';
//   const { value, diagnostics } = parseIpvsadm(text);
import type { Parser } from './define-parser.js';
import { cniConfigParser } from './cni-config.js';
import { conntrackParser } from './conntrack.js';
import { dmesgParser } from './dmesg.js';
import { flannelNetConfParser } from './flannel-net-conf.js';
import { ipAddrParser } from './ip-addr.js';
import { ipLinkParser } from './ip-link.js';
import { ipMasqAgentConfigParser } from './ip-masq-agent-config.js';
import { ipRouteParser } from './ip-route.js';
import { iptablesSaveParser } from './iptables-save.js';
import { ipvsadmParser } from './ipvsadm.js';
import { ipvsadmTimeoutParser } from './ipvsadm-timeout.js';
import { kubeProxyConfigParser } from './kube-proxy-config.js';
import { lsmodParser } from './lsmod.js';
import { netstatParser } from './netstat.js';
import { processesParser } from './processes.js';
import { subnetEnvParser } from './subnet-env.js';

export type { Parser, ParseOptions, ParseResult } from './define-parser.js';
export { parseCniConfig, cniConfigParser, type CniConfig } from './cni-config.js';
export { parseConntrack, conntrackParser } from './conntrack.js';
export { parseDmesg, dmesgParser, type DmesgValue } from './dmesg.js';
export { parseFlannelNetConf, flannelNetConfParser } from './flannel-net-conf.js';
export { parseIpAddr, ipAddrParser } from './ip-addr.js';
export { parseIpLink, ipLinkParser } from './ip-link.js';
export { parseIpMasqAgentConfig, ipMasqAgentConfigParser, type IpMasqAgentConfig } from './ip-masq-agent-config.js';
export { parseIpRoute, ipRouteParser } from './ip-route.js';
export { parseIptablesSave, iptablesSaveParser } from './iptables-save.js';
export { parseIpvsadm, ipvsadmParser, type Ipvsadm } from './ipvsadm.js';
export { parseIpvsadmTimeout, ipvsadmTimeoutParser, type IpvsadmTimeout } from './ipvsadm-timeout.js';
export { parseKubeProxyConfig, kubeProxyConfigParser, type KubeProxyConfig } from './kube-proxy-config.js';
export { parseLsmod, lsmodParser } from './lsmod.js';
export { parseNetstat, netstatParser } from './netstat.js';
export { parseProcesses, processesParser } from './processes.js';
export { parseSubnetEnv, subnetEnvParser } from './subnet-env.js';
export { parseTerwayEniConfig, type TerwayEniConfig } from './terway-eni-config.js';

/** Every text parser, in id order (docs/parsers.md is generated from this list). */
export const parsers: readonly Parser<unknown>[] = [
  cniConfigParser,
  conntrackParser,
  dmesgParser,
  flannelNetConfParser,
  ipAddrParser,
  ipLinkParser,
  ipMasqAgentConfigParser,
  ipRouteParser,
  iptablesSaveParser,
  ipvsadmParser,
  ipvsadmTimeoutParser,
  kubeProxyConfigParser,
  lsmodParser,
  netstatParser,
  processesParser,
  subnetEnvParser,
] as readonly Parser<unknown>[];
