import { Random, ipv4, parseIpv4 } from './random.js';
import { albId, iksNodeIp, planIks } from './iks-plan.js';
import type { IksPlan } from './iks-model.js';
import type { ClusterOptions, ExpectedFinding, Plan, PlannedDeployment, PlannedIngress, PlannedNode, PlannedPod, PlannedService, Provider } from './model.js';
import { planWindowsNodes, windowsExpected, windowsNodeCount } from './windows-plan.js';

export type * from './model.js';

/** Per-object counts at scale 1: the largest cluster Kubernetes supports, plus its usual companions. */
export const fullScale = { nodes: 5000, pods: 150_000, services: 20_000, configMaps: 5000, events: 100_000, ingresses: 2000, capturedNodes: 20 };

/** The addresses behind a Service, as the endpoints controller sees them. */
export function serviceAddresses(plan: Plan, s: PlannedService): Array<{ ip: string; ready: boolean; pod?: number }> {
  if (s.endpointIPs) return s.endpointIPs.map((ip) => ({ ip, ready: true }));
  return s.pods.filter((k) => plan.pods[k]!.ip).map((k) => ({ ip: plan.pods[k]!.ip, ready: plan.pods[k]!.ready, pod: k }));
}

const words = ['cart', 'checkout', 'payment', 'search', 'catalog', 'review', 'user', 'order', 'stock', 'ship', 'mail', 'auth', 'feed', 'media', 'price', 'promo', 'report', 'billing', 'geo', 'chat'];
const teams = ['shop', 'fin', 'data', 'ops', 'risk', 'ads', 'mkt', 'core', 'edge', 'iot'];
export const daemonSets = ['kube-flannel-ds', 'kube-proxy-worker', 'node-exporter'];
/** IKS runs Calico and IBM's keepalived watcher on every worker. */
export const iksDaemonSets = ['calico-node', 'ibm-keepalived-watcher', 'node-exporter'];
export const daemonSetsOf = (provider: Provider) => (provider === 'ack' ? daemonSets : iksDaemonSets);
/** Sprinkled problems per unit of scale (at least one of each at any scale). */
export const sprinkle = (perScale: number, scale: number) => Math.max(1, Math.round(perScale * scale));

export function planCluster(scale: number, seed: number, options: ClusterOptions = {}): Plan {
  const { proxyMode = 'both', provider = 'ack' } = options;
  const rnd = new Random(seed);
  const count = (n: number) => Math.max(1, Math.round(n * scale));
  const nodeCount = Math.max(4, count(fullScale.nodes));
  const windowsCount = provider === 'ack' ? windowsNodeCount(options.windowsNodes ?? 0, nodeCount, scale) : 0;
  const linuxCount = nodeCount - windowsCount;
  const capturedNodes = Math.min(fullScale.capturedNodes, linuxCount);
  const ack = provider === 'ack';

  // Disjoint sprinkled Linux nodes: conntrack among the captured ones, the rest anywhere else (ACK and flannel problems: ACK only).
  const conntrack = new Set(ack ? rnd.shuffle([...Array(capturedNodes).keys()]).slice(0, Math.min(capturedNodes, sprinkle(2, scale))) : []);
  const others = rnd.shuffle([...Array(linuxCount).keys()].filter((i) => !conntrack.has(i)));
  const noAnnotations = new Set(ack ? others.splice(0, sprinkle(5, scale)) : []);
  const leak = new Set(ack ? others.splice(0, sprinkle(3, scale)) : []);
  const small = ack ? others.splice(0, Math.min(4, sprinkle(3, scale))) : [];
  const smallCidr = new Map(small.map((n, k) => [n, `${ipv4(parseIpv4('10.31.255.0') + 64 * k)}/26`]));
  const windowsPlan = planWindowsNodes(rnd, windowsCount, scale);

  const nodes: PlannedNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    // ACK: VPC addresses, node names <region>.<ip>; IKS: private VLAN addresses, the node name is the address.
    const ip = ack ? ipv4(parseIpv4('192.168.0.0') + 256 * Math.floor(i / 250) + (i % 250) + 2) : iksNodeIp(i);
    const windows = i >= linuxCount ? windowsPlan[i - linuxCount] : undefined;
    nodes.push({
      index: i,
      name: ack ? `cn-hangzhou.${ip}` : ip,
      ip,
      podCIDR: smallCidr.get(i) ?? `${ipv4(parseIpv4('10.0.0.0') + 256 * i)}/24`,
      // .1 is the gateway; on a Windows overlay node .2 is kube-proxy's source VIP.
      nextOffset: windows ? 3 : 2,
      flannelAnnotations: ack && !noAnnotations.has(i),
      conntrackFull: conntrack.has(i),
      ipamLeak: leak.has(i),
      os: windows ? 'windows' : 'linux',
      ...(windows ? { windows } : {}),
    });
  }
  const namespaces = Array.from({ length: Math.max(2, count(500)) }, (_, k) => `${teams[k % teams.length]}-${words[Math.floor(k / teams.length) % words.length]}-${k}`);

  const pods: PlannedPod[] = [];
  const podsPerNode = new Array<number>(nodeCount).fill(0);
  const addPod = (pod: Omit<PlannedPod, 'ip' | 'ready' | 'pending'> & { ready?: boolean }) => {
    const node = nodes[pod.node]!;
    const ip = pod.hostNetwork ? node.ip : ipv4(parseIpv4(node.podCIDR.split('/')[0]!) + node.nextOffset++);
    pods.push({ ready: true, pending: false, ...pod, ip });
    if (node.os === 'windows') windowsPods++;
    return pods.length - 1;
  };
  let windowsPods = 0;
  // Linux nodes with room (a /26 holds 61 pod addresses; stay well below).
  const pickNode = () => {
    for (;;) {
      const n = rnd.int(0, linuxCount - 1);
      if (podsPerNode[n]! < 50) return (podsPerNode[n]!++, n);
    }
  };
  // Windows nodes in turn, so every one runs pods (a Windows node without pods stops routing NodePort traffic).
  let nextWindows = 0;
  const pickWindowsNode = () => {
    const n = linuxCount + (nextWindows++ % windowsCount);
    podsPerNode[n]!++;
    return n;
  };
  for (const ds of daemonSetsOf(provider)) for (const node of nodes) if (node.os === 'linux') addPod({ namespace: 'kube-system', name: `${ds}-${rnd.suffix(5)}`, node: node.index, hostNetwork: true, owner: { daemonSet: ds } });

  const deployments: PlannedDeployment[] = [];
  const services: PlannedService[] = [];
  const addDeployment = (d: Omit<PlannedDeployment, 'hash'>) => {
    deployments.push({ ...d, hash: rnd.suffix(10) });
    const index = deployments.length - 1;
    const ids: number[] = [];
    for (let r = 0; r < d.replicas; r++) {
      ids.push(addPod({ namespace: d.namespace, name: `${d.name}-${deployments[index]!.hash}-${rnd.suffix(5)}`, node: d.windows ? pickWindowsNode() : pickNode(), hostNetwork: false, owner: { deployment: index }, ready: !d.crashLoop }));
    }
    return ids;
  };
  const registry = ack ? 'registry-vpc.cn-hangzhou.aliyuncs.com' : 'us.icr.io';
  const serviceIp = (k: number) => ipv4(parseIpv4('172.16.0.16') + k);
  const dns = addDeployment({ namespace: 'kube-system', name: 'coredns', replicas: 2, image: ack ? 'registry-vpc.cn-hangzhou.aliyuncs.com/acs/coredns:v1.9.3.10-7dfca203-aliyun' : 'icr.io/ext/coredns/coredns:1.10.1', port: 53, crashLoop: false });
  services.push({ namespace: 'default', name: 'kubernetes', clusterIP: '172.16.0.1', type: 'ClusterIP', ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }], pods: [], endpointIPs: ack ? ['192.168.255.241', '192.168.255.242', '192.168.255.243'] : ['172.20.0.1'] });
  services.push({
    namespace: 'kube-system',
    name: 'kube-dns',
    clusterIP: '172.16.0.10',
    type: 'ClusterIP',
    ports: [{ name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 }, { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 }, { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 }],
    selector: { 'k8s-app': 'kube-dns' },
    pods: dns,
  });

  const appServices = Math.max(2, count(fullScale.services) - 2);
  // IKS: a few more LoadBalancer Services, so a tiny cluster has healthy ones beside the sprinkled.
  const typeOf = (k: number) => (k % 50 === 7 || (!ack && k < 6) ? 'LoadBalancer' : k % 20 === 3 ? 'NodePort' : 'ClusterIP');
  // One Service in 20 runs Windows containers (ClusterIP: never k % 20 === 3 nor k % 50 === 7).
  const isWindows = (k: number) => windowsCount > 0 && k % 20 === 13;
  // Sprinkled on Linux ClusterIP Services only, so each problem is one expected finding (a NodePort one would also fail its node port rules).
  const candidates = [...Array(appServices).keys()].filter((k) => typeOf(k) === 'ClusterIP' && !isWindows(k));
  const brokenSelector = new Set(rnd.shuffle(candidates).slice(0, sprinkle(10, scale)));
  const crashing = new Set(rnd.shuffle(candidates.filter((k) => !brokenSelector.has(k))).slice(0, sprinkle(5, scale)));
  let nodePorts = 0;
  for (let k = 0; k < appServices; k++) {
    const namespace = namespaces[k % namespaces.length]!;
    const name = `${words[k % words.length]}-${words[Math.floor(k / words.length) % words.length]}-${k}`;
    const port = rnd.pick([8080, 8080, 8000, 9000, 3000, 80]);
    const image = isWindows(k) ? `${registry}/${namespace}/${name}:v1.${k % 40}.${k % 7}-ltsc2019` : `${registry}/${namespace}/${name}:v1.${k % 40}.${k % 7}`;
    const ids = addDeployment({ namespace, name, replicas: rnd.pick([1, 2, 2, 3, 3, 3, 4, 5]), image, port, crashLoop: crashing.has(k), ...(isWindows(k) ? { windows: true } : {}) });
    const type = typeOf(k);
    services.push({
      namespace,
      name,
      clusterIP: serviceIp(k),
      type,
      ...(type === 'LoadBalancer' ? { loadBalancerIP: ack ? ipv4(parseIpv4('47.96.0.0') + k) : '' } : {}),
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: port, ...(type !== 'ClusterIP' ? { nodePort: 30000 + (nodePorts++ % 2768) } : {}) }],
      // The sprinkled typo: pods are labelled app=<name>, the selector asks for <name>-v2.
      selector: { app: brokenSelector.has(k) ? `${name}-v2` : name },
      pods: brokenSelector.has(k) ? [] : ids,
    });
  }
  const expected: ExpectedFinding[] = [];
  let iks: IksPlan | undefined;
  if (!ack) {
    const loadBalancers = services.flatMap((s, k) => (s.type === 'LoadBalancer' ? [k] : []));
    iks = planIks(rnd, scale, nodes, services, loadBalancers, expected);
    // Per zone a public ALB (two pods behind a LoadBalancer Service on a portable IP); per NLB 1.0 address, IBM's keepalived pair in ibm-system.
    iks.zones.forEach((z, i) => {
      const name = albId(i);
      const ids = addDeployment({ namespace: 'kube-system', name, replicas: 2, image: 'icr.io/armada-master/ingress-nginx:1.8.1_5125_iks', port: 80, extraPorts: [{ name: 'https', port: 443 }], crashLoop: false });
      services.push({ namespace: 'kube-system', name, clusterIP: serviceIp(appServices + i), type: 'LoadBalancer', loadBalancerIP: z.albIp, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 32080 + i }, { name: 'https', protocol: 'TCP', port: 443, targetPort: 443, nodePort: 32443 + i }], selector: { app: name }, pods: ids });
    });
    for (const s of services) {
      if (s.type !== 'LoadBalancer' || !s.loadBalancerIP) continue;
      deployments.push({ namespace: 'ibm-system', name: `ibm-cloud-provider-ip-${s.loadBalancerIP.replaceAll('.', '-')}`, hash: rnd.suffix(10), replicas: 2, image: 'icr.io/armada-master/keepalived:2385', port: 9913, crashLoop: false });
      for (let r = 0; r < 2; r++) addPod({ namespace: 'ibm-system', name: `${deployments.at(-1)!.name}-${deployments.at(-1)!.hash}-${rnd.suffix(5)}`, node: pickNode(), hostNetwork: true, owner: { deployment: deployments.length - 1 } });
    }
  }
  // Windows workers bring each Windows node to about 30 pods (30–110 HNS endpoints with the remote ones).
  for (let w = 0; windowsCount > 0 && windowsPods < 30 * windowsCount; w++) {
    const namespace = namespaces[w % namespaces.length]!;
    addDeployment({ namespace, name: `win-worker-${words[w % words.length]}-${w}`, replicas: 5, image: `${registry}/${namespace}/win-worker:v2.${w % 30}-ltsc2019`, port: 9090, crashLoop: false, windows: true });
  }
  // Workers without a Service fill the pod count.
  for (let w = 0; pods.length < count(fullScale.pods); w++) {
    const namespace = namespaces[w % namespaces.length]!;
    addDeployment({ namespace, name: `worker-${words[w % words.length]}-${w}`, replicas: Math.min(5, count(fullScale.pods) - pods.length), image: `${registry}/${namespace}/worker:v2.${w % 30}`, port: 9090, crashLoop: false });
  }
  // On each leaking node a new pod waits for an address host-local says it no longer has.
  for (const node of nodes.filter((n) => n.ipamLeak)) {
    const namespace = namespaces[node.index % namespaces.length]!;
    deployments.push({ namespace, name: `importer-${node.index}`, hash: rnd.suffix(10), replicas: 1, image: `${registry}/${namespace}/importer:v3.1`, port: 9090, crashLoop: false });
    const name = `importer-${node.index}-${deployments.at(-1)!.hash}-${rnd.suffix(5)}`;
    pods.push({ namespace, name, node: node.index, ip: '', hostNetwork: false, ready: false, pending: true, owner: { deployment: deployments.length - 1 } });
  }

  const nodeFinding = (ruleId: string, messageId: string) => (n: PlannedNode) => expected.push({ ruleId, messageId, subject: { kind: 'Node', name: n.name } });
  nodes.filter((n) => n.conntrackFull).forEach(nodeFinding('ack-conntrack-full', 'tableFull'));
  nodes.filter((n) => n.os === 'linux' && !n.flannelAnnotations && ack).forEach(nodeFinding('rancher-flannel-annotations', 'missingAnnotations'));
  nodes.filter((n) => n.ipamLeak).forEach(nodeFinding('ack-ipam-range-exhausted', 'addressesLeaked'));
  nodes.filter((n) => smallCidr.has(n.index)).forEach(nodeFinding('ack-node-podcidr-capacity', 'cidrBelowMaxPods'));
  for (let k = 0; k < appServices; k++) {
    const s = services[k + 2]!;
    if (brokenSelector.has(k)) expected.push({ ruleId: 'x-svc-no-endpoints', messageId: 'selectorMatchesNoPods', subject: { kind: 'Service', name: s.name, namespace: s.namespace } });
    if (crashing.has(k)) expected.push({ ruleId: 'x-svc-no-endpoints', messageId: 'noReadyEndpoints', subject: { kind: 'Service', name: s.name, namespace: s.namespace } });
  }
  expected.push(...windowsExpected(nodes, clusterName(scale)));
  // Ingresses in front of application Services with ready pods (not kube-dns nor the IKS ALBs' own Services); on IKS one
  // in ten serves a WebSocket app, a few without a read timeout.
  const healthy = services.filter((s) => s.selector && s.namespace !== 'kube-system' && s.pods.some((k) => pods[k]!.ready));
  const ingresses: PlannedIngress[] = Array.from({ length: Math.min(count(fullScale.ingresses), healthy.length) }, (_, k) => ({
    service: healthy[(k * 7919) % healthy.length]!,
    ...(!ack && (k % 10 === 3 || k === 1) ? { websocket: 'timeout' as const } : {}),
  }));
  for (const ing of rnd.shuffle(ingresses.filter((i) => i.websocket)).slice(0, sprinkle(2, scale))) {
    ing.websocket = 'defaultTimeout';
    expected.push({ ruleId: 'iks-websocket-timeout', messageId: 'shortReadTimeout', subject: { kind: 'Ingress', name: ing.service.name, namespace: ing.service.namespace } });
  }
  const counts = { configMaps: count(fullScale.configMaps), events: count(fullScale.events), ingresses: count(fullScale.ingresses), capturedNodes };
  return { provider, windowsCount, scale, seed, proxyMode, nodes, namespaces, deployments, pods, services, ingresses, counts, expected, ...(iks ? { iks } : {}) };
}

/** The snapshot's name (snapshot.yaml), the subject of cluster-wide findings. */
export const clusterName = (scale: number) => `bench-scale-${scale}`;
