// What a Windows Server 2019 node running flannel (VXLAN, win-overlay) and kube-proxy (kernelspace, DSR)
// gives a capture: the file names of docs/snapshot-format.md, in the shapes of the real captures kept in
// test/fixtures/outputs/{hns-networks,hns-endpoints,hnsdiag,processes,cni,sourcevip,dynamicport,reservedports,
// net-adapters}/ and snapshots/scenarios/win-flannel-rejoined-node/ (PowerShell 5.1 ConvertTo-Json layout).
import { clusterCidr } from './cluster-objects.js';
import { subnetEnv } from './node-outputs.js';
import { type Plan, type PlannedNode, serviceAddresses } from './plan.js';
import type { Random } from './random.js';
import { ipv4, parseIpv4 } from './random.js';

export const serviceCidr = '172.16.0.0/16';
export const nodeCidr = '192.168.0.0/16';
const clusterDns = '172.16.0.10';
/** Most HNS endpoints a captured node holds: its pods' plus remote ones for Service backends elsewhere. */
const maxEndpoints = 110;

/**
 * Windows PowerShell 5.1's ConvertTo-Json layout: two spaces after the colon, a nested value's members four
 * columns right of its opening bracket, empty collections with a blank line.
 */
export function psJson(value: unknown, column = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  const pad = ' '.repeat(column);
  const inner = ' '.repeat(column + 4);
  if (Array.isArray(value)) {
    if (value.length === 0) return `[\n\n${pad}]`;
    return `[\n${value.map((v) => inner + psJson(v, column + 4)).join(',\n')}\n${pad}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return `{\n\n${pad}}`;
  return `{\n${entries.map(([k, v]) => `${inner}"${k}":  ${psJson(v, column + 4 + k.length + 5)}`).join(',\n')}\n${pad}}`;
}

const guid = (rnd: Random) => rnd.uid().toUpperCase();
const mac = (ip: string) => `0E-2A-${ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0')).join('-')}`;
const gatewayOf = (cidr: string) => ipv4(parseIpv4(cidr.split('/')[0]!) + 1);
export const sourceVipOf = (node: PlannedNode) => ipv4(parseIpv4(node.podCIDR.split('/')[0]!) + 2);
/** The pod subnet a rejoined node had before (its SourceVip.json still names it). */
const previousSubnet = (node: PlannedNode) => `${ipv4(parseIpv4('10.32.0.0') + 256 * node.index)}/24`;

export interface WindowsIds {
  vxlan: string;
  nat: string;
  external: string;
}

export const windowsIds = (rnd: Random): WindowsIds => ({ vxlan: guid(rnd), nat: guid(rnd), external: guid(rnd) });

/** The OutBoundNAT ExceptionList: the cluster's pod, Service and node ranges (with the sprinkled problem, no Service range). */
const exceptionList = (node: PlannedNode) => (node.windows?.problem === 'exceptionListUncovered' ? [clusterCidr, nodeCidr] : [clusterCidr, serviceCidr, nodeCidr]);

/** C:\k\cni\config\cni.conf: flannel delegating to win-overlay, OutBoundNAT exceptions for the cluster's ranges. */
export function windowsCniConf(node: PlannedNode): string {
  const exceptions = exceptionList(node);
  return `${psJson({
    cniVersion: '0.2.0',
    name: 'vxlan0',
    type: 'flannel',
    delegate: {
      type: 'win-overlay',
      dns: { Nameservers: [clusterDns], Search: ['default.svc.cluster.local'] },
      Policies: [
        { Name: 'EndpointPolicy', Value: { Type: 'OutBoundNAT', ExceptionList: exceptions } },
        { Name: 'EndpointPolicy', Value: { Type: 'ROUTE', DestinationPrefix: serviceCidr, NeedEncap: true } },
      ],
    },
  })}\n`;
}

const extensions = [
  { Id: 'E7C3B2F0-F3C5-48DF-AF2B-10FED6D72E7A', IsEnabled: false, Name: 'Microsoft Windows Filtering Platform' },
  { Id: 'E9B59CFA-2BE1-4B21-828F-B6FBDBDDC017', IsEnabled: true, Name: 'Microsoft Azure VFP Switch Extension' },
  { Id: 'EA24CD6C-D17A-4348-9190-09F0D5BE83DD', IsEnabled: true, Name: 'Microsoft NDIS Capture' },
];

function hnsNetwork(rnd: Random, o: { id: string; name: string; type: string; prefix: string; gateway: string; vsid: number; policies: object[]; endpoints: number; managementIp?: string }) {
  const health = { LastErrorCode: 0, LastUpdateTime: 132062690972642312 };
  return {
    ActivityId: guid(rnd),
    AdditionalParams: {},
    CurrentEndpointCount: o.endpoints,
    ...(o.managementIp ? { DNSServerCompartment: 3, DrMacAddress: '00-15-5D-BB-6E-B1' } : {}),
    Extensions: extensions,
    Flags: 0,
    Health: health,
    ID: o.id,
    IPv6: false,
    LayeredOn: guid(rnd),
    MacPools: [{ EndMacAddress: '00-15-5D-72-0F-FF', StartMacAddress: '00-15-5D-72-00-00' }],
    ...(o.managementIp ? { ManagementIP: o.managementIp } : {}),
    MaxConcurrentEndpoints: o.endpoints,
    Name: o.name,
    Policies: o.policies,
    State: 1,
    Subnets: [{ AdditionalParams: {}, AddressPrefix: o.prefix, GatewayAddress: o.gateway, Health: health, ID: guid(rnd), ObjectType: 5, Policies: [{ Type: 'VSID', VSID: o.vsid }], State: 0 }],
    TotalEndpoints: o.endpoints,
    Type: o.type,
    Version: 38654705666,
  };
}

/**
 * `Get-HnsNetwork | ConvertTo-Json -Depth 10` (PowerShell 5.1 wraps the list as `value` and `Count`): nat, the
 * External bootstrap network and vxlan0, with a RemoteSubnetRoute for every other node's pod subnet as flanneld
 * programs them — the real size of a node in a cluster this large.
 */
export function hnsNetworks(rnd: Random, plan: Plan, node: PlannedNode, ids: WindowsIds, endpoints: number): string {
  const routes = plan.nodes.filter((n) => n !== node).map((n) => ({ DestinationPrefix: n.podCIDR, DistributedRouterMacAddress: mac(gatewayOf(n.podCIDR)), IsolationId: 4096, ProviderAddress: n.ip, Type: 'RemoteSubnetRoute' }));
  const value = [
    hnsNetwork(rnd, { id: ids.nat, name: 'nat', type: 'nat', prefix: '172.30.176.0/20', gateway: '172.30.176.1', vsid: 0, policies: [], endpoints: 0 }),
    hnsNetwork(rnd, { id: ids.external, name: 'External', type: 'overlay', prefix: '192.168.255.0/30', gateway: '192.168.255.1', vsid: 9999, policies: [], endpoints: 0, managementIp: node.ip }),
    hnsNetwork(rnd, { id: ids.vxlan, name: 'vxlan0', type: 'Overlay', prefix: node.podCIDR, gateway: gatewayOf(node.podCIDR), vsid: 4096, policies: routes, endpoints, managementIp: node.ip }),
  ];
  return `${psJson({ value, Count: value.length })}\n`;
}

/** `hnsdiag list networks`. */
export const hnsdiagNetworks = (ids: WindowsIds) => `Name             ID\nnat              ${ids.nat}\nExternal         ${ids.external}\nvxlan0           ${ids.vxlan}\n`;

/** The local endpoints (one per pod on the node) and remote ones (Service backends on other nodes) of vxlan0. */
export function windowsEndpoints(plan: Plan, node: PlannedNode): { local: Array<{ ip: string; namespace: string }>; remote: Array<{ ip: string; pa: string }> } {
  const local = plan.pods.filter((p) => p.node === node.index && p.ip && !p.hostNetwork).map((p) => ({ ip: p.ip, namespace: p.namespace }));
  const remote: Array<{ ip: string; pa: string }> = [];
  for (const s of plan.services) {
    if (local.length + remote.length >= maxEndpoints) break;
    for (const a of serviceAddresses(plan, s)) {
      if (a.pod === undefined || !a.ready || plan.pods[a.pod]!.node === node.index || local.length + remote.length >= maxEndpoints) continue;
      remote.push({ ip: a.ip, pa: plan.nodes[plan.pods[a.pod]!.node]!.ip });
    }
  }
  return { local, remote };
}

/** `Get-HnsEndpoint | ConvertTo-Json -Depth 10`. */
export function hnsEndpoints(rnd: Random, node: PlannedNode, ids: WindowsIds, eps: ReturnType<typeof windowsEndpoints>, exceptionList: string[]): string {
  const health = { LastErrorCode: 0, LastUpdateTime: 132493022010121841 };
  const local = eps.local.map((e) => ({
    ActivityId: guid(rnd),
    CreateProcessId: 3280,
    DNSServerList: clusterDns,
    DNSSuffix: `${e.namespace}.svc.cluster.local,svc.cluster.local,cluster.local`,
    EncapOverhead: 50,
    GatewayAddress: gatewayOf(node.podCIDR),
    Health: health,
    ID: rnd.uid(),
    IPAddress: e.ip,
    MacAddress: mac(e.ip),
    Name: 'Ethernet',
    Policies: [{ ExceptionList: exceptionList, Type: 'OutBoundNAT' }, { DestinationPrefix: serviceCidr, NeedEncap: true, Type: 'ROUTE' }],
    PrefixLength: 24,
    SharedContainers: [rnd.hex(64)],
    State: 3,
    Type: 'Overlay',
    Version: 38654705666,
    VirtualNetwork: ids.vxlan,
    VirtualNetworkName: 'vxlan0',
  }));
  const remote = eps.remote.map((e) => {
    const activity = rnd.uid();
    return {
      ActivityId: activity,
      EncapOverhead: 50,
      ID: rnd.uid(),
      IPAddress: e.ip,
      IsRemoteEndpoint: true,
      MacAddress: mac(e.ip),
      Name: `remote_${e.ip}`,
      Policies: [{ PA: e.pa, Type: 'PA' }],
      PrefixLength: 16,
      Resources: {
        AllocationOrder: 1,
        Allocators: [{ AllocationOrder: 0, CA: e.ip, ID: rnd.uid(), IsLocal: false, IsPolicy: true, PA: e.pa, Tag: 'VNET Policy', Type: 3 }],
        ID: activity,
        PortOperationTime: 0,
        State: 1,
        SwitchOperationTime: 0,
        VfpOperationTime: 0,
        parentId: rnd.uid(),
      },
      SharedContainers: [],
      State: 1,
      Type: 'Overlay',
      Version: 21474836481,
      VirtualNetwork: ids.vxlan,
      VirtualNetworkName: 'vxlan0',
    };
  });
  return `${psJson([...local, ...remote])}\n`;
}

/** C:\k\SourceVip.json (CNI 0.2.0 result of host-local): the source VIP kube-proxy uses, .2 of the pod subnet. */
export function sourceVipJson(node: PlannedNode): string {
  const subnet = node.windows?.problem === 'staleSourceVip' ? previousSubnet(node) : node.podCIDR;
  const vip = ipv4(parseIpv4(subnet.split('/')[0]!) + 2);
  return `{\n    "cniVersion": "0.2.0",\n    "ip4": {\n        "ip": "${vip}/24",\n        "gateway": "${gatewayOf(subnet)}"\n    },\n    "dns": {}\n}\n`;
}

/** `Get-CimInstance Win32_Process | Select ProcessId,CommandLine | ConvertTo-Json`: kubelet, kube-proxy (DSR), flanneld, containerd. */
export function windowsProcesses(node: PlannedNode): string {
  const sourceVip = node.windows?.problem === 'staleSourceVip' ? ipv4(parseIpv4(previousSubnet(node).split('/')[0]!) + 2) : sourceVipOf(node);
  const processes = [
    { ProcessId: 0, CommandLine: null },
    { ProcessId: 4, CommandLine: null },
    { ProcessId: 392, CommandLine: '\\SystemRoot\\System32\\smss.exe' },
    { ProcessId: 1880, CommandLine: 'C:\\Windows\\system32\\svchost.exe -k NetworkService -p' },
    { ProcessId: 2804, CommandLine: `C:\\k\\kubelet.exe --hostname-override=${node.name} --v=2 --pod-infra-container-image=mcr.microsoft.com/oss/kubernetes/pause:3.9 --resolv-conf="" --cluster-dns=${clusterDns} --cluster-domain=cluster.local --kubeconfig=c:\\k\\config --container-runtime-endpoint=npipe:////./pipe/containerd-containerd --cert-dir=c:\\var\\lib\\kubelet\\pki --enforce-node-allocatable="" --cgroups-per-qos=false --log-dir=c:\\k\\logs --logtostderr=false` },
    { ProcessId: 4532, CommandLine: `C:\\k\\kube-proxy.exe --v=2 --proxy-mode=kernelspace --hostname-override=${node.name} --kubeconfig=c:\\k\\config --cluster-cidr=${clusterCidr} --network-name=vxlan0 --source-vip=${sourceVip} --enable-dsr=true --feature-gates="WinDSR=true,WinOverlay=true" --log-dir=c:\\k\\logs --logtostderr=false` },
    { ProcessId: 5120, CommandLine: '"C:\\Program Files\\containerd\\containerd.exe" --run-service --log-file=c:\\k\\logs\\containerd.log' },
    ...(node.windows?.problem === 'flanneldNotRunning' ? [] : [{ ProcessId: 6012, CommandLine: `C:\\k\\flanneld.exe --kubeconfig-file=c:\\k\\config --iface=${node.ip} --ip-masq=1 --kube-subnet-mgr=1` }]),
  ];
  return `${psJson(processes)}\n`;
}

/** What C:\k\cni\win-overlay.exe and flannel.exe print when run without arguments (both streams). */
export const cniPluginVersion =
  '==> C:\\k\\cni\\win-overlay.exe\nCNI win-overlay plugin v0.8.6\nCNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0\n==> C:\\k\\cni\\flannel.exe\nCNI flannel plugin v0.8.6\nCNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0\n';

/** `Get-NetAdapter` (table): the host adapter, the vEthernet HNS created on it, and the nat switch's. */
export const netAdapters = (rnd: Random) => {
  const host = `00-16-3E-${rnd.hex(6).toUpperCase().replace(/(..)(?!$)/g, '$1-')}`;
  return `
Name                      InterfaceDescription                    ifIndex Status       MacAddress             LinkSpeed
----                      --------------------                    ------- ------       ----------             ---------
vEthernet (Ethernet)      Hyper-V Virtual Ethernet Adapter #2          14 Up           ${host}        25 Gbps
vEthernet (nat)           Hyper-V Virtual Ethernet Adapter             10 Up           00-15-5D-C6-A8-1F        10 Gbps
Ethernet                  Red Hat VirtIO Ethernet Adapter               6 Up           ${host}        25 Gbps


`;
};

/** `netsh int ipv4 show dynamicport tcp`: the default range. */
export const dynamicport = '\nProtocol tcp Dynamic Port Range\n---------------------------------\nStart Port      : 49152\nNumber of Ports : 16384\n\n';

/** CollectLogs.ps1's reservedports.txt: all 10 reservations of 64 ports succeed. */
export const reservedports = 'Rough estimation of the ephemeral port availability: up to 212 allocations of 64 contiguous TCP ports may be possible.\n\nSuccessfully reserved 10 ranges of 64 ports\n';

/** kube-proxy's log (klog); with the sprinkled problem, HNS refusing load balancers for want of ports. */
export function windowsKubeProxyLog(rnd: Random, node: PlannedNode): string {
  const lines = ['I1120 07:02:10.801220    4532 server_others.go:275] "Using kernelspace Proxier."', 'I1120 07:02:10.801301    4532 hns.go:41] "Queried network" name="vxlan0"'];
  for (let k = 0; k < 20; k++) lines.push(`I1120 07:${String(3 + k * 2).padStart(2, '0')}:40.119203    4532 proxier.go:1144] "Syncing proxy rules complete" elapsed="${rnd.int(300, 2400)}.${rnd.int(100, 999)}ms"`);
  if (node.windows?.problem === 'loadBalancerPortExists') {
    for (let k = 0; k < 6; k++) lines.push(`E1120 07:${String(45 + k).padStart(2, '0')}:41.511034    4532 proxier.go:1231] Policy creation failed: hcnCreateLoadBalancer failed in Win32: The specified port already exists. (0x803b0013) {"Success":false,"Error":"The specified port already exists. ","ErrorCode":2151350291}`);
  }
  return `${lines.join('\n')}\n`;
}

/** flanneld's log once the network exists. */
export const windowsFlanneldLog = (node: PlannedNode) =>
  `I1120 06:58:02.118301    6012 main.go:518] Determining IP address of default interface\nI1120 06:58:02.224417    6012 main.go:450] Searching for interface using ${node.ip}\nI1120 06:58:04.902115    6012 main.go:305] Setting up masking rules\n`;

/** Every Windows node output of a captured node, by path under nodes/<node>/. */
export function windowsNodeFiles(rnd: Random, plan: Plan, node: PlannedNode): Record<string, string> {
  const ids = windowsIds(rnd);
  const eps = windowsEndpoints(plan, node);
  return {
    'cni/cni.conf': windowsCniConf(node),
    'hns-networks.json': hnsNetworks(rnd, plan, node, ids, eps.local.length),
    'hns-endpoints.json': hnsEndpoints(rnd, node, ids, eps, exceptionList(node)),
    'hnsdiag-networks.txt': hnsdiagNetworks(ids),
    'sourcevip.json': sourceVipJson(node),
    'processes.json': windowsProcesses(node),
    'cni-plugin-version.txt': cniPluginVersion,
    'net-adapters.txt': netAdapters(rnd),
    'dynamicport.txt': dynamicport,
    'reservedports.txt': reservedports,
    'logs/kube-proxy.log': windowsKubeProxyLog(rnd, node),
    'logs/flanneld.log': windowsFlanneldLog(node),
    'subnet.env': subnetEnv(node),
  };
}
