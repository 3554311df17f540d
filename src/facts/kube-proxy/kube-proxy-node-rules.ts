import { MissingDataError } from '../../errors.js';
import { type IptablesKubeProxyScan, scanIptablesSaveKubeProxy } from '../../parsers/linux/iptables-save-kube-proxy-scan.js';
import { type IpvsForwarding, scanIpvsadmForwarding } from '../../parsers/linux/ipvsadm-forwarding-scan.js';
import type { NodeObject } from '../../snapshot/objects.js';
import type { Source } from '../../snapshot/source.js';
import { ipv4Text, plainIPv4Number } from '../../parsers/linux/ipvsadm-ipv4.js';
import { rsAddress } from '../../parsers/linux/ipvsadm-forwarding-rows.js';
import { type ProxiedPort, describeClusterIPPort, describeNodePort, hostPort, proxiedServicePorts } from './kube-proxy-service-ports.js';
import { type NodeRuleOutputs, proxyModeOf } from './kube-proxy-mode.js';
import type { SnapshotIndex } from '../snapshot-index.js';
import { type Entry, type ExpectedEntries, addressKey, expectedEntries, markFound, portKey } from './kube-proxy-expected-entries.js';
import { norm, portProtocolKey, protocolCode } from './ipvs-address-keys.js';
import { hasIPv4Key, ipv4Key, readyEndpointTexts, readyEndpoints } from './kube-proxy-ready-endpoints.js';

/**
 * For one node: every Service ClusterIP:port and NodePort kube-proxy should
 * have programmed, checked against the node's iptables-save or ipvsadm -Ln.
 * Each node's rules become sets once; each Service port is then one lookup.
 * Helper for kube-proxy-rules-by-service.ts; no fact lives here.
 */
export interface MissingRule {
  port: ProxiedPort;
  kind: 'clusterIP' | 'nodePort';
  text: string;
}

export interface RealServerMismatch {
  port: ProxiedPort;
  text: string;
}

export interface NodeForwarding {
  mode: 'iptables' | 'ipvs';
  modeFrom: string;
  /** ClusterIP:port and NodePort entries looked up. */
  checked: number;
  missing: MissingRule[];
  /** IPVS only, and only when Endpoints/EndpointSlices were captured. */
  mismatches: RealServerMismatch[];
  source: Source;
}

interface Lookup {
  /** `address|port|PROTO` of cluster-IP jumps and of "has no endpoints" rejects (`*` when the reject names no protocol). */
  addressed: Set<string>;
  /** `port|PROTO` of NodePort jumps and rejects. */
  nodePorts: Set<string>;
}

/**
 * Throws MissingDataError when the node lacks the output its proxy mode needs.
 * Not memoised here: forwardingByService (kube-proxy-rules-by-service.ts) runs it once per node per
 * index and keeps bounded summaries, so each node's outputs are read once for every fact.
 */
export function computeNodeForwarding(index: SnapshotIndex, node: NodeObject): NodeForwarding {
  const commands = index.nodeOutputs(node.name)?.commands ?? {};
  const v4File = commands['iptables-save'];
  const v6File = commands['ip6tables-save'];
  const ipvsFile = commands.ipvsadm;
  // An output that is not iptables-save at all (no `*table`) is unusable, not empty.
  const readable = (t: IptablesKubeProxyScan | undefined) => (t && t.tables > 0 ? t : undefined);
  // The iptables-save files are scanned only when needed: when ipvsadm lists virtual servers on
  // cluster IPs the node is in IPVS mode and iptables-save plays no part in any finding, so a
  // 34 MB file is not read and its diagnostics are not collected (it stays in the snapshot).
  let scanned: { v4?: IptablesKubeProxyScan; v6?: IptablesKubeProxyScan } | undefined;
  const iptables = () =>
    (scanned ??= {
      v4: readable(v4File ? index.parsed(v4File, scanIptablesSaveKubeProxy) : undefined),
      v6: readable(v6File ? index.parsed(v6File, scanIptablesSaveKubeProxy) : undefined),
    });
  const ipvs = ipvsFile ? index.parsed(ipvsFile, scanIpvsadmForwarding) : undefined;
  if (!ipvs && !iptables().v4 && !iptables().v6) {
    throw new MissingDataError('nodes/<node>/iptables-save (iptables-save) or nodes/<node>/ipvsadm (ipvsadm -Ln), readable');
  }
  const proxied = proxiedServicePorts(index);
  const outputs: NodeRuleOutputs = { iptables: () => [iptables().v4, iptables().v6].filter((t) => t !== undefined) };
  if (ipvs) outputs.ipvs = ipvs;
  const mode = proxyModeOf(node, outputs, proxied, index);
  const out: NodeForwarding = { mode: mode.mode, modeFrom: mode.from, checked: 0, missing: [], mismatches: [], source: { file: '' } };

  if (mode.mode === 'ipvs') {
    if (!ipvs || !ipvsFile) throw new MissingDataError('nodes/<node>/ipvsadm (ipvsadm -Ln): kube-proxy runs in IPVS mode on the node');
    // Without -n, ipvsadm prints host and service names for what resolves; those rows cannot be compared,
    // so every Service behind them would look missing.
    if (ipvs.namesResolved) throw new MissingDataError(`nodes/<node>/ipvsadm captured with -n (ipvsadm -Ln): ${ipvsFile.file} shows names instead of addresses`);
    out.source = { file: ipvsFile.file };
    const expected = expectedEntries(index);
    const { entries } = expected;
    // The virtual server each entry found (the last one when the output repeats it), -1 when none.
    const found = new Int32Array(entries.length).fill(-1);
    for (let vs = 0; vs < ipvs.vsIPv4.length; vs++) {
      const port = ipvs.vsPort[vs]!;
      if (port < 0) continue;
      const protocol = protocolCode(ipvs.vsProtocol[vs]!);
      // Nearly every address was printed as a plain dotted quad, its normal form, and kept as a number.
      let ipv4 = ipvs.vsIPv4[vs]!;
      if (ipv4 < 0) {
        const address = norm(ipvs.vsAddressText.get(vs));
        if (address === undefined) continue; // FWM ('') or not an address
        ipv4 = plainIPv4Number(address);
        if (ipv4 < 0) {
          const onClusterIP = proxied.clusterIPs.has(address);
          if (onClusterIP) markFound(expected.byAddress.get(addressKey(address, port, ipvs.vsProtocol[vs]!)), vs, found, expected.next);
          else markFound(expected.byNodePort.get(port * 4 + protocol), vs, found, expected.next);
          continue;
        }
      }
      if (proxied.clusterIPv4.get(ipv4, 0) >= 0) markFound(clusterIPEntry(expected, ipv4, port, protocol), vs, found, expected.next);
      else markFound(expected.byNodePort.get(port * 4 + protocol), vs, found, expected.next);
    }
    const compare = index.snapshot.captured.includes('Endpoints') || index.snapshot.captured.includes('EndpointSlice');
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e]!;
      out.checked++;
      const vs = found[e]!;
      if (entry.ip === undefined) {
        if (vs < 0) out.missing.push({ port: entry.port, kind: 'nodePort', text: describeNodePort(entry.port) });
      } else if (vs < 0) out.missing.push({ port: entry.port, kind: 'clusterIP', text: describeClusterIPPort(entry.port, entry.ip) });
      else if (compare && entry.everyEndpoint) checkRealServers(index, entry, ipvs, vs, out);
    }
    return out;
  }

  const { v4, v6 } = iptables();
  if (!v4 && !v6) throw new MissingDataError('nodes/<node>/iptables-save (iptables-save): kube-proxy runs in iptables mode on the node');
  out.source = { file: (v4 ? v4File : v6File)!.file };
  const lookups = { 4: v4 ? lookupOf(v4) : undefined, 6: v6 ? lookupOf(v6) : undefined };
  const familyOf = (ip: string) => (ip.includes(':') ? 6 : 4);
  for (const p of proxied.ports) {
    for (const ip of p.clusterIPs) {
      const look = lookups[familyOf(ip)];
      if (!look) continue; // e.g. the IPv6 cluster IP of a dual-stack Service when only iptables-save was captured
      out.checked++;
      if (!look.addressed.has(addressKey(ip, p.port, p.protocol)) && !look.addressed.has(addressKey(ip, p.port, '*'))) {
        out.missing.push({ port: p, kind: 'clusterIP', text: describeClusterIPPort(p, ip) });
      }
    }
    const look = p.nodePort === undefined ? undefined : lookups[familyOf(p.clusterIPs[0]!)];
    if (p.nodePort !== undefined && look) {
      out.checked++;
      if (!look.nodePorts.has(portKey(p.nodePort, p.protocol)) && !look.nodePorts.has(portKey(p.nodePort, '*'))) {
        out.missing.push({ port: p, kind: 'nodePort', text: describeNodePort(p) });
      }
    }
  }
  return out;
}

/**
 * iptables mode: a Service port with endpoints gets a KUBE-SERVICES jump
 * ("ns/svc:port cluster IP") and a KUBE-NODEPORTS jump; one without gets
 * "ns/svc:port has no endpoints" REJECTs instead (filter KUBE-SERVICES /
 * KUBE-EXTERNAL-SERVICES, the NodePort one matching `--dst-type LOCAL`
 * with no address). Either means kube-proxy has programmed the port.
 */
function lookupOf(save: IptablesKubeProxyScan): Lookup {
  const look: Lookup = { addressed: new Set(), nodePorts: new Set() };
  for (const s of save.services) {
    const protocol = s.protocol.toUpperCase();
    if (s.kind === 'nodePort') look.nodePorts.add(portKey(s.port, protocol));
    const address = norm(s.address);
    if (address !== undefined) look.addressed.add(addressKey(address, s.port, protocol));
  }
  for (const r of save.noEndpoints) {
    if (r.port === undefined) continue;
    const protocol = r.protocol?.toUpperCase() ?? '*';
    const address = norm(r.address);
    if (address !== undefined) look.addressed.add(addressKey(address, r.port, protocol));
    else if (r.address === undefined) look.nodePorts.add(portKey(r.port, protocol));
  }
  return look;
}

/** The first entry for a plain-IPv4 cluster IP, a port and an IPVS protocol code. */
function clusterIPEntry(expected: ExpectedEntries, ipv4: number, port: number, protocol: number): number | undefined {
  const key = portProtocolKey(port, protocol);
  if (key < 0) return expected.byAddress.get(addressKey(ipv4Text(ipv4), port, PROTOCOLS[protocol]!));
  const e = expected.byIPv4.get(ipv4, key);
  return e < 0 ? undefined : e;
}

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

/** Real servers still weighted in (weight 0 = being drained after the endpoint left) against the ready endpoints. */
function checkRealServers(index: SnapshotIndex, entry: Entry, ipvs: IpvsForwarding, vs: number, out: NodeForwarding): void {
  const p = entry.port;
  const first = ipvs.vsRealStart[vs]!;
  const last = ipvs.vsRealStart[vs + 1] ?? ipvs.rsIPv4.length;
  const ready = (entry.ready ??= readyEndpoints(index, p));
  // The usual case, checked without allocating: every weighted real server is a ready endpoint and
  // there are as many of them (IPVS refuses a second identical real server in one virtual server).
  let weighted = 0;
  let allReady = true;
  for (let r = first; r < last && allReady; r++) {
    // -1: no weight printed (counted as weighted in) or no numeric port.
    const port = ipvs.rsPort[r]!;
    if (ipvs.rsWeight[r] === 0 || port < 0) continue;
    let ipv4 = ipvs.rsIPv4[r]!;
    if (ipv4 < 0) {
      const address = norm(ipvs.rsAddressText.get(r));
      if (address === undefined) continue;
      ipv4 = plainIPv4Number(address);
      if (ipv4 < 0) {
        weighted++;
        allReady = ready.others.get(address)?.has(port) === true;
        continue;
      }
    }
    weighted++;
    const key = ipv4Key(ipv4, port);
    allReady = key >= 0 ? hasIPv4Key(ready, key) : ready.others.get(ipv4Text(ipv4))?.has(port) === true;
  }
  if (allReady && weighted === ready.size) return;
  const expected = readyEndpointTexts(ready);
  const actual = new Set<string>();
  for (let r = first; r < last; r++) {
    const port = ipvs.rsPort[r]!;
    const address = ipvs.rsWeight[r] !== 0 && port >= 0 ? norm(rsAddress(ipvs, r)) : undefined;
    if (address !== undefined) actual.add(hostPort(address, port));
  }
  const absent = [...expected].filter((t) => !actual.has(t)).sort();
  const extra = [...actual].filter((t) => !expected.has(t)).sort();
  if (absent.length === 0 && extra.length === 0) return;
  const parts = [
    ...(absent.length > 0 ? [`ready endpoints without a real server: ${absent.slice(0, 3).join(' ')}${absent.length > 3 ? ` (+${absent.length - 3})` : ''}`] : []),
    ...(extra.length > 0 ? [`real servers that are no ready endpoint: ${extra.slice(0, 3).join(' ')}${extra.length > 3 ? ` (+${extra.length - 3})` : ''}`] : []),
  ];
  out.mismatches.push({ port: p, text: `${describeClusterIPPort(p, entry.ip!)} (${parts.join('; ')})` });
}
