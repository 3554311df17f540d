/// <reference types="node" />
import { createHash } from 'node:crypto';
import { clusterCidr } from './cluster-objects.js';
import { type Plan, type PlannedPort, type PlannedService, serviceAddresses } from './plan.js';

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** kube-proxy's chain-name hash: base32(sha256(text))[:16] (pkg/proxy/iptables portProtoHash). */
function chainHash(text: string): string {
  const digest = createHash('sha256').update(text).digest();
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += base32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= 16) break;
  }
  return out;
}

/** iptables prints `--probability` as the kernel stores it: round(p·2³¹)/2³¹ with 11 decimals. */
function probability(n: number): string {
  return (Math.round(0x80000000 / n) / 0x80000000).toFixed(11);
}

interface Chains {
  declared: string[];
  rules: Map<string, string[]>;
}

function add(chains: Chains, chain: string, rule: string): void {
  const list = chains.rules.get(chain);
  if (list) list.push(`-A ${chain} ${rule}`);
  else chains.rules.set(chain, [`-A ${chain} ${rule}`]);
}

/**
 * The nat and filter rules kube-proxy (iptables mode, 1.26) writes for every
 * Service, shared by all nodes: the per-node parts are added by the caller.
 * Chains and their rules come out in iptables-save's order (sorted by name).
 */
export function kubeProxyRules(plan: Plan): { nat: Chains; filter: Chains } {
  const nat: Chains = { declared: [], rules: new Map() };
  const filter: Chains = { declared: [], rules: new Map() };
  const serviceRules: string[] = [];
  for (const s of plan.services) {
    const ready = serviceAddresses(plan, s).filter((a) => a.ready);
    for (const port of s.ports) {
      const key = `${s.namespace}/${s.name}:${port.name}`;
      const proto = port.protocol.toLowerCase();
      const svc = `KUBE-SVC-${chainHash(`${key}${proto}`)}`;
      const ext = `KUBE-EXT-${chainHash(`${key}${proto}`)}`;
      const dport = `-p ${proto} -m comment --comment "${key} cluster IP" -m ${proto} --dport ${port.port}`;
      if (ready.length === 0) {
        add(filter, 'KUBE-SERVICES', `-d ${s.clusterIP}/32 -p ${proto} -m comment --comment "${key} has no endpoints" -m ${proto} --dport ${port.port} -j REJECT --reject-with icmp-port-unreachable`);
        if (port.nodePort) add(filter, 'KUBE-EXTERNAL-SERVICES', `-p ${proto} -m comment --comment "${key} has no endpoints" -m addrtype --dst-type LOCAL -m ${proto} --dport ${port.nodePort} -j REJECT --reject-with icmp-port-unreachable`);
        continue;
      }
      nat.declared.push(svc);
      serviceRules.push(`-d ${s.clusterIP}/32 ${dport} -j ${svc}`);
      add(nat, svc, `! -s ${clusterCidr} -d ${s.clusterIP}/32 ${dport} -j KUBE-MARK-MASQ`);
      if (port.nodePort) addExternal(nat, serviceRules, s, port, key, svc, ext);
      ready.forEach(({ ip }, i) => {
        const endpoint = `${ip}:${port.targetPort}`;
        const sep = `KUBE-SEP-${chainHash(`${key}${proto}${endpoint}`)}`;
        nat.declared.push(sep);
        const statistic = i < ready.length - 1 ? ` -m statistic --mode random --probability ${probability(ready.length - i)}` : '';
        add(nat, svc, `-m comment --comment "${key} -> ${endpoint}"${statistic} -j ${sep}`);
        add(nat, sep, `-s ${ip}/32 -m comment --comment "${key}" -j KUBE-MARK-MASQ`);
        add(nat, sep, `-p ${proto} -m comment --comment "${key}" -m ${proto} -j DNAT --to-destination ${endpoint}`);
      });
    }
  }
  nat.rules.set('KUBE-SERVICES', [
    ...serviceRules.map((r) => `-A KUBE-SERVICES ${r}`),
    '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
  ]);
  return { nat, filter };
}

function addExternal(nat: Chains, serviceRules: string[], s: PlannedService, port: PlannedPort, key: string, svc: string, ext: string): void {
  const proto = port.protocol.toLowerCase();
  nat.declared.push(ext);
  add(nat, ext, `-m comment --comment "masquerade traffic for ${key} external destinations" -j KUBE-MARK-MASQ`);
  add(nat, ext, `-j ${svc}`);
  add(nat, 'KUBE-NODEPORTS', `-p ${proto} -m comment --comment "${key}" -m ${proto} --dport ${port.nodePort} -j ${ext}`);
  if (s.loadBalancerIP) serviceRules.push(`-d ${s.loadBalancerIP}/32 -p ${proto} -m comment --comment "${key} loadbalancer IP" -m ${proto} --dport ${port.port} -j ${ext}`);
}

/**
 * kube-proxy in IPVS mode programs no per-Service chains: Service addresses
 * live in ipsets (KUBE-CLUSTER-IP, KUBE-NODE-PORT-TCP …) that a few rules match.
 */
export function ipvsModeRules(): { nat: Chains; filter: Chains } {
  const nat: Chains = { declared: ['KUBE-LOAD-BALANCER', 'KUBE-NODE-PORT', 'KUBE-SERVICES'], rules: new Map() };
  add(nat, 'KUBE-LOAD-BALANCER', '-j KUBE-MARK-MASQ');
  add(nat, 'KUBE-NODE-PORT', '-p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ');
  add(nat, 'KUBE-SERVICES', `! -s ${clusterCidr} -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ`);
  add(nat, 'KUBE-SERVICES', '-m comment --comment "Kubernetes service load balancer ip + port for load balancer with sourceRange" -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER');
  add(nat, 'KUBE-SERVICES', '-m addrtype --dst-type LOCAL -j KUBE-NODE-PORT');
  add(nat, 'KUBE-SERVICES', '-m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT');
  add(nat, 'KUBE-SERVICES', '-m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT');
  const filter: Chains = { declared: ['KUBE-NODE-PORT'], rules: new Map() };
  add(filter, 'KUBE-NODE-PORT', '-m comment --comment "Kubernetes health check node port" -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT');
  return { nat, filter };
}

export type { Chains };
