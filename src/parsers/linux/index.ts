// Linux node outputs under nodes/<node>/: iptables-save, ipvsadm, ip, conntrack, dmesg, lsmod, ss/netstat, ps.
import type { Parser } from '../define-parser.js';
import { conntrackParser } from './conntrack.js';
import { dmesgParser } from './dmesg.js';
import { ipAddrParser } from './ip-addr.js';
import { ipLinkParser } from './ip-link.js';
import { ipRouteParser } from './ip-route.js';
import { iptablesSaveParser } from './iptables-save.js';
import { ipvsadmParser } from './ipvsadm.js';
import { ipvsadmTimeoutParser } from './ipvsadm-timeout.js';
import { lsmodParser } from './lsmod.js';
import { netstatParser } from './netstat.js';
import { processesParser } from './processes.js';

export { parseConntrack, conntrackParser } from './conntrack.js';
export { parseDmesg, dmesgParser, type DmesgValue } from './dmesg.js';
export { parseIpAddr, ipAddrParser } from './ip-addr.js';
export { parseIpLink, ipLinkParser } from './ip-link.js';
export { parseIpRoute, ipRouteParser } from './ip-route.js';
export { parseIptablesSave, iptablesSaveParser } from './iptables-save.js';
export { scanIptablesSaveKubeProxy, type IptablesKubeProxyScan } from './iptables-save-kube-proxy-scan.js';
export { parseIpvsadm, ipvsadmParser, type Ipvsadm } from './ipvsadm.js';
export { parseIpvsadmTimeout, ipvsadmTimeoutParser, type IpvsadmTimeout } from './ipvsadm-timeout.js';
export { scanIpvsadmForwarding, type IpvsForwarding } from './ipvsadm-forwarding-scan.js';
export { parseLsmod, lsmodParser } from './lsmod.js';
export { parseNetstat, netstatParser } from './netstat.js';
export { parseProcesses, processesParser } from './processes.js';

export const linuxParsers = [conntrackParser, dmesgParser, ipAddrParser, ipLinkParser, ipRouteParser, iptablesSaveParser, ipvsadmParser, ipvsadmTimeoutParser, lsmodParser, netstatParser, processesParser] as readonly Parser<unknown>[];
