import { type IksPlan, type PortableSubnet, iksClusterId, iksClusterName, iksZones } from './iks-model.js';
import type { ExpectedFinding, PlannedNode, PlannedService } from './model.js';
import { type Random, ipv4, parseIpv4 } from './random.js';

export { iksAccount, iksClusterId, iksClusterName, iksZones } from './iks-model.js';


const perScale = (n: number, scale: number) => Math.max(1, Math.round(n * scale));

/** The worker id IKS gives the node (label ibm-cloud.kubernetes.io/worker-id, `ibmcloud ks workers`). */
export const workerId = (n: PlannedNode) => `kube-${iksClusterId}-${iksClusterName}-default-${String(n.index + 1).padStart(8, '0')}`;
export const zoneOf = (n: PlannedNode) => iksZones[n.index % iksZones.length]!;
/** The worker's private address on its zone's private VLAN (the node's name on IKS). */
export const iksNodeIp = (i: number) => {
  const j = Math.floor(i / iksZones.length);
  return ipv4(parseIpv4(iksZones[i % iksZones.length]!.privateBase) + 256 * Math.floor(j / 250) + (j % 250) + 2);
};
/** The ALB of a zone, as `ibmcloud ks albs` names it. */
export const albId = (zone: number, visibility: 'public' | 'private' = 'public') => `${visibility}-cr${iksClusterId}-alb${zone + 1}`;

/** The worker's public address on its zone's public VLAN. */
export const publicIpOf = (n: PlannedNode) => ipv4(parseIpv4(zoneOf(n).publicBase) + 4096 + n.index);

/**
 * IKS: every LoadBalancer Service gets a portable public IP of its zone (round robin), the public ALB one more;
 * the zones' /29 subnets hold exactly these, what is left of the last is reserved, so the pool is used up.
 * Sprinkled: LoadBalancer Services asking for NLB 2.0 without externalTrafficPolicy Local, LoadBalancer Services
 * created after the pool ran out (pending, with the cloud provider's event), and workers that are NotReady.
 */
export function planIks(rnd: Random, scale: number, nodes: PlannedNode[], services: PlannedService[], loadBalancers: number[], expected: ExpectedFinding[]): IksPlan {
  const shuffled = rnd.shuffle(loadBalancers);
  const nlb2 = new Set(shuffled.slice(0, perScale(3, scale)));
  const noIp = new Set(shuffled.slice(nlb2.size, nlb2.size + perScale(2, scale)));
  const perZone: string[][] = iksZones.map(() => []);
  let next = 0;
  for (const k of loadBalancers) {
    const s = services[k]!;
    if (noIp.has(k)) {
      s.loadBalancerIP = '';
      s.iks = { ...s.iks, noPortableIp: true };
      expected.push({ ruleId: 'iks-event-no-portable-ip', messageId: 'noPortableIp', subject: { kind: 'Service', name: s.name, namespace: s.namespace } });
      continue;
    }
    const z = next++ % iksZones.length;
    perZone[z]!.push(String(k));
    if (nlb2.has(k)) {
      s.iks = { ...s.iks, nlb2: true };
      expected.push({ ruleId: 'iks-nlb2-annotation-etp', messageId: 'nlb2WithoutLocal', subject: { kind: 'Service', name: s.name, namespace: s.namespace } });
    }
  }
  const zones = iksZones.map((zone, z) => {
    const needed = perZone[z]!.length + 1;
    const subnets: PortableSubnet[] = [];
    const all: string[] = [];
    for (let i = 0; all.length < needed; i++) {
      const base = parseIpv4(zone.publicBase) + 8 * i;
      const ips = [2, 3, 4, 5, 6].map((o) => ipv4(base + o));
      subnets.push({ id: String(2390180 + z * 1000 + i), cidr: `${ipv4(base)}/29`, gateway: ipv4(base + 1), ips, reserved: [] });
      all.push(...ips);
    }
    subnets.at(-1)!.reserved = all.slice(needed);
    const albIp = all[0]!;
    perZone[z]!.forEach((k, i) => (services[Number(k)]!.loadBalancerIP = all[i + 1]!));
    const privateBase = parseIpv4(zone.privateBase);
    return { zone, subnets, albIp, privateSubnet: { id: String(2448002 + z), cidr: `${ipv4(privateBase + 255 * 256)}/26`, gateway: ipv4(privateBase + 255 * 256 + 1) } };
  });
  const candidates = rnd.shuffle(nodes.map((n) => n.index));
  for (const i of candidates.slice(0, perScale(2, scale))) {
    nodes[i]!.notReady = true;
    expected.push({ ruleId: 'iks-nlb-worker-not-ready', messageId: 'workerNotReady', subject: { kind: 'Node', name: nodes[i]!.name } });
  }
  return { zones };
}
