/**
 * What kube-proxy (iptables mode) left in an iptables-save dump.
 * Helpers for iptables-save.ts; no parser lives here.
 */
import { z } from 'zod';
import type { CappedWarnings } from '../capped-warnings.js';
import type { ReadRule } from './iptables-save-rule.js';

export const KubeProxyService = z.object({
  namespace: z.string(),
  name: z.string(),
  /** '' for an unnamed service port. */
  portName: z.string(),
  kind: z.enum(['clusterIP', 'nodePort', 'externalIP', 'loadBalancerIP']),
  address: z.string().optional(),
  port: z.number().int(),
  protocol: z.string(),
  /** KUBE-SVC-*, KUBE-SVL-*, KUBE-EXT-*, KUBE-FW-* (or KUBE-XLB-* before kube-proxy 1.24). */
  chain: z.string(),
  line: z.number().int(),
});
export type KubeProxyService = z.infer<typeof KubeProxyService>;

export const KubeProxyEndpoint = z.object({
  sepChain: z.string(),
  address: z.string(),
  port: z.number().int(),
  probability: z.number().optional(),
  line: z.number().int(),
});
export type KubeProxyEndpoint = z.infer<typeof KubeProxyEndpoint>;

export const KubeProxyNoEndpoints = z.object({
  namespace: z.string(),
  name: z.string(),
  portName: z.string(),
  kind: z.enum(['has no endpoints', 'has no local endpoints']),
  address: z.string().optional(),
  port: z.number().int().optional(),
  /** Absent on pre-1.24 `KUBE-XLB-*` drops when no service rule names that chain. */
  protocol: z.string().optional(),
  /** `-j KUBE-MARK-DROP` (pre-1.24 local-only services) counts as DROP. */
  target: z.enum(['REJECT', 'DROP']),
  table: z.string(),
  chain: z.string(),
  line: z.number().int(),
});
export type KubeProxyNoEndpoints = z.infer<typeof KubeProxyNoEndpoints>;

export const KubeProxyRules = z.object({
  services: z.array(KubeProxyService),
  /** Service chain (KUBE-SVC-*, KUBE-SVL-*, KUBE-XLB-*) → its endpoints in rule order. */
  endpointsByChain: z.record(z.string(), z.array(KubeProxyEndpoint)),
  noEndpoints: z.array(KubeProxyNoEndpoints),
});
export type KubeProxyRules = z.infer<typeof KubeProxyRules>;

export interface RuleLike extends ReadRule {
  chain: string;
  line: number;
}
export interface TableLike {
  name: string;
  rules: RuleLike[];
}

/** The `namespace/name[:port]` string kube-proxy writes into its comments (ServicePortName.String()). */
export function kubeProxyServiceKey(namespace: string, name: string, portName: string): string {
  return portName ? `${namespace}/${name}:${portName}` : `${namespace}/${name}`;
}

// kube-proxy comments: "ns/svc:port cluster IP", "ns/svc:port" (NodePort, SEP), "ns/svc:port -> 10.244.1.5:80"
// (1.24+ SVC→SEP jump), "ns/svc cluster IP" (unnamed port), and before ~1.11 "ns/svc: has no endpoints".
const SERVICE_COMMENT = /^([^\s/]+)\/([^\s/:]+)(?::(\S*))?(?: (.+))?$/;
const SERVICE_CHAIN = /^KUBE-(SVC|SVL|EXT|FW|XLB)-/;
const ENDPOINT_PARENT = /^KUBE-(SVC|SVL|XLB)-/;
const DROP_OR_REJECT: Record<string, KubeProxyNoEndpoints['target']> = {
  REJECT: 'REJECT',
  DROP: 'DROP',
  'KUBE-MARK-DROP': 'DROP',
};
const KIND_OF_SUFFIX: Record<string, KubeProxyService['kind']> = {
  'cluster IP': 'clusterIP',
  'external IP': 'externalIP',
  'loadbalancer IP': 'loadBalancerIP',
};

export function kubeProxyRules(tables: TableLike[], warnings: CappedWarnings): KubeProxyRules {
  const nat = tables.filter((t) => t.name === 'nat').flatMap((t) => t.rules);
  const services = serviceRules(nat);
  const protocolOfChain = new Map(services.map((s) => [s.chain, s.protocol]));
  return {
    services,
    endpointsByChain: endpointRules(nat, warnings),
    noEndpoints: noEndpointRules(tables, protocolOfChain),
  };
}

export function serviceRules(nat: RuleLike[]): KubeProxyService[] {
  const seen = new Set<string>();
  const out: KubeProxyService[] = [];
  for (const rule of nat) {
    if (rule.chain !== 'KUBE-SERVICES' && rule.chain !== 'KUBE-NODEPORTS') continue;
    const c = serviceComment(rule.matches.comment);
    if (!c || !rule.target || !SERVICE_CHAIN.test(rule.target)) continue;
    const kind =
      rule.chain === 'KUBE-NODEPORTS' && c.suffix === undefined ? 'nodePort' : KIND_OF_SUFFIX[c.suffix ?? ''];
    const port = portNumber(rule.matches.dport);
    const protocol = rule.matches.protocol;
    if (!kind || port === undefined || !protocol) continue;
    // Properties written out: an object spread here cost ~5 µs per rule (20,000-Service dumps, once per node).
    const { namespace, name, portName } = c.id;
    const service: KubeProxyService = { namespace, name, portName, kind, port, protocol, chain: rule.target, line: rule.line };
    const address = hostOf(rule.matches.destination);
    if (address !== undefined) service.address = address;
    // Pre-1.24 external IPs got several rules with the same jump (physdev / addrtype variants).
    const id = kubeProxyServiceKey(c.id.namespace, c.id.name, c.id.portName);
    const key = [kind, id, address, port, protocol, rule.target].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(service);
  }
  return out;
}

function endpointRules(nat: RuleLike[], warnings: CappedWarnings): Record<string, KubeProxyEndpoint[]> {
  const dnatOfSep = new Map<string, { address: string; port: number }>();
  for (const rule of nat) {
    const to = splitHostPort(rule.targetArgs['--to-destination']);
    if (rule.target === 'DNAT' && rule.chain.startsWith('KUBE-SEP-') && to) dnatOfSep.set(rule.chain, to);
  }
  const out: Record<string, KubeProxyEndpoint[]> = {};
  for (const rule of nat) {
    if (!ENDPOINT_PARENT.test(rule.chain) || !rule.target?.startsWith('KUBE-SEP-')) continue;
    if (rule.args.includes('--rcheck')) continue; // session-affinity shortcut to an endpoint already listed
    const to = dnatOfSep.get(rule.target) ?? endpointOfJumpComment(rule.matches.comment);
    if (!to) {
      warnings.warn('endpoint-without-dnat', 'jump to a KUBE-SEP chain that has no DNAT rule in this dump', rule.line);
      continue;
    }
    const endpoint: KubeProxyEndpoint = { sepChain: rule.target, address: to.address, port: to.port, line: rule.line };
    const p = rule.args.indexOf('--probability');
    const probability = p >= 0 ? Number(rule.args[p + 1]) : Number.NaN;
    if (Number.isFinite(probability)) endpoint.probability = probability;
    (out[rule.chain] ??= []).push(endpoint);
  }
  return out;
}

export function noEndpointRules(tables: TableLike[], protocolOfChain: Map<string, string>): KubeProxyNoEndpoints[] {
  const out: KubeProxyNoEndpoints[] = [];
  for (const table of tables) {
    for (const rule of table.rules) {
      // Cheap tests first: most rules are jumps and DNATs, not drops.
      const target = DROP_OR_REJECT[rule.target ?? ''];
      if (!target || !rule.matches.comment?.includes('endpoints')) continue;
      const c = serviceComment(rule.matches.comment);
      if (c?.suffix !== 'has no endpoints' && c?.suffix !== 'has no local endpoints') continue;
      const { chain, line } = rule;
      const { namespace, name, portName } = c.id;
      const entry: KubeProxyNoEndpoints = { namespace, name, portName, kind: c.suffix, target, table: table.name, chain, line };
      const address = hostOf(rule.matches.destination);
      const port = portNumber(rule.matches.dport);
      const protocol = rule.matches.protocol ?? protocolOfChain.get(rule.chain);
      if (address !== undefined) entry.address = address;
      if (port !== undefined) entry.port = port;
      if (protocol !== undefined) entry.protocol = protocol;
      out.push(entry);
    }
  }
  return out;
}

/** 1.24+ writes the endpoint into the SVC→SEP jump's comment: `"ns/svc:port -> 10.244.1.5:80"`. */
function endpointOfJumpComment(comment: string | undefined) {
  const suffix = serviceComment(comment)?.suffix;
  return splitHostPort(suffix?.startsWith('-> ') ? suffix.slice(3) : undefined);
}

function serviceComment(comment: string | undefined) {
  const m = comment === undefined ? null : SERVICE_COMMENT.exec(comment);
  if (!m) return undefined;
  return { id: { namespace: m[1] as string, name: m[2] as string, portName: m[3] ?? '' }, suffix: m[4] };
}

function portNumber(dport: string | undefined): number | undefined {
  return dport !== undefined && /^\d+$/.test(dport) ? Number(dport) : undefined;
}

/** `10.96.0.1/32` → `10.96.0.1`; other prefixes stay CIDRs. */
function hostOf(cidr: string | undefined): string | undefined {
  return cidr?.replace(/\/(32|128)$/, '');
}

/** `10.244.1.5:80` or `[fd00:10:244::5]:80`. */
export function splitHostPort(s: string | undefined): { address: string; port: number } | undefined {
  const m = s === undefined ? null : /^(?:\[([0-9A-Fa-f:.]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):(\d+)$/.exec(s);
  if (!m) return undefined;
  return { address: (m[1] ?? m[2]) as string, port: Number(m[3]) };
}
