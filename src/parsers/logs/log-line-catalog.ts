/**
 * Known log lines from the five troubleshooting documents (spec/catalog.md), each with a stable
 * message id, the component that prints it, and the fields worth extracting. Fields are the only
 * text copied out of a log line: never whole lines, which may carry tokens.
 */
export interface LogLineEntry {
  /** camelCase, usable in a rule's dot path: `nodeLogMessages.byId.kubeProxyIpvsUnavailable`. */
  id: string;
  component: string;
  pattern: RegExp;
  /** A line that also matches this is left to a more specific entry. */
  unless?: RegExp;
  /** Extracts fields from a matching line; each value becomes one or more distinct strings. */
  fields?: (line: string) => Record<string, string[]>;
}

function capture(pattern: RegExp, name: string, split?: RegExp): (line: string) => Record<string, string[]> {
  return (line) => {
    const value = pattern.exec(line)?.[1];
    if (value === undefined || value.trim() === '') return {};
    return { [name]: split ? value.split(split).filter(Boolean) : [value] };
  };
}

const rangeSet = /no IP addresses available in range set: ([0-9A-Fa-f.:]+-[0-9A-Fa-f.:]+)/;

export const logLineCatalog: readonly LogLineEntry[] = [
  // ACK 如何修改kube-proxy中IPVS负载均衡模式?: `Can't use the IPVS proxier: IPVS proxier will not be used because the
  // following required kernel modules are not loaded: [ip_vs_lc]`; since 1.20 structured (`"Can't use the IPVS proxier" err="…"`),
  // since 1.27 `"command failed" err="can't use the IPVS proxier: …"`; 1.8 said `Can't use ipvs proxier, trying iptables proxier`.
  {
    id: 'kubeProxyIpvsUnavailable',
    component: 'kube-proxy',
    pattern: /can't use (?:the )?ipvs proxier/i,
    fields: capture(/required kernel modules are not loaded: \[([^\]]*)\]/, 'modules', /[\s,]+/),
  },
  { id: 'kubeProxyUsingIptables', component: 'kube-proxy', pattern: /\bUsing iptables Proxier\b/i },
  { id: 'kubeProxyUsingIpvs', component: 'kube-proxy', pattern: /\bUsing ipvs Proxier\b/i },
  // Windows: printed by start.ps1's WaitForNetwork while flanneld has not created the HNS network.
  { id: 'flannelWaitingForNetwork', component: 'flanneld', pattern: /Waiting for the Network to be created/i },
  // ACK: `… Code: InvalidVSwitchId.IpNotEnough Message: The specified VSwitch \"vsw-AAA\" has not enough IpAddress., retrying`
  {
    id: 'terwayVSwitchIpNotEnough',
    component: 'terway',
    pattern: /InvalidVSwitchId\.IpNotEnough/,
    fields: capture(/\b(vsw-[0-9A-Za-z]+)\b/, 'vSwitch'),
  },
  { id: 'terwayEipPoolNotSupported', component: 'terway', pattern: /eip pool is not supported/i },
  {
    id: 'terwayMacNotFound',
    component: 'terway',
    pattern: /can't found dev by mac/i,
    fields: capture(/can't found dev by mac ([0-9A-Fa-fx]{2}(?::[0-9A-Fa-fx]{2}){5})/i, 'mac'),
  },
  // Windows kube-proxy: `Policy creation failed: hcnCreateLoadBalancer failed in Win32: The specified port already exists.`
  { id: 'winLoadBalancerPortExists', component: 'kube-proxy', pattern: /hcnCreateLoadBalancer failed in Win32: The specified port already exists/i },
  { id: 'hnsWrongDiskette', component: 'hns', pattern: /hnsCall failed in Win32: The wrong diskette is in the drive/i },
  // nginx error log: `… upstream timed out (110: Connection timed out) while connecting to upstream, client: …,
  // upstream: "http://10.42.1.5:80/path?query"`; only scheme, host and port of the upstream are kept.
  {
    id: 'nginxUpstreamTimedOut',
    component: 'ingress-nginx',
    pattern: /upstream timed out \(110: [^)]*\) while connecting to upstream/,
    fields: capture(/upstream: "(\w+:\/\/[^/"]+)/, 'upstream'),
  },
  // ingress-nginx access log (upstreaminfo format): `"GET / HTTP/1.1" 504 160 "-" "curl/7.68.0" 76 5.001 [default-web-80] [] …`
  {
    id: 'nginxGatewayTimeout',
    component: 'ingress-nginx',
    pattern: /" 504 \d+ /,
    fields: capture(/" 504 \d+ "[^"]*" "[^"]*" \d+ [\d.]+ \[([^\]\s]+)\]/, 'upstreamName'),
  },
  { id: 'rancherBadHandshake', component: 'rancher-agent', pattern: /websocket: bad handshake/ },
  { id: 'rancherProxyConnectFailed', component: 'rancher-agent', pattern: /Failed to connect to proxy/ },
  // The guide writes `read tcp: i/o timeout`; Go prints the addresses: `read tcp 10.0.0.5:46218->10.0.0.10:443: i/o timeout`.
  {
    id: 'rancherReadTimeout',
    component: 'rancher-agent',
    pattern: /read tcp\b.*?: i\/o timeout/,
    fields: capture(/read tcp \S+->(\S+): i\/o timeout/, 'remote'),
  },
  // ACK cloud-controller-manager: `multiple route tables found by vpc id[vpc-xxx], length(tables)=2`.
  {
    id: 'ccmMultipleRouteTables',
    component: 'cloud-controller-manager',
    pattern: /multiple route tables found/i,
    fields: (line) => ({ ...capture(/vpc id ?\[([^\]]+)\]/, 'vpcId')(line), ...capture(/length\(tables\)=(\d+)/, 'tables')(line) }),
  },
  {
    id: 'ipamRangeExhausted',
    component: 'kubelet',
    pattern: rangeSet,
    fields: capture(rangeSet, 'range'),
  },
  // Windows: `network: failed to allocate for range …` without the range set.
  { id: 'ipamAllocateFailed', component: 'kubelet', pattern: /failed to allocate (?:for )?range|network: failed to allocate/i, unless: rangeSet },
];

export const logMessageIds: readonly string[] = logLineCatalog.map((entry) => entry.id);
