/**
 * What a node's host firewall (the filter table's INPUT chain in iptables-save) does with a new
 * connection from another node to one local port: accepted, blocked by a DROP/REJECT rule or the
 * chain's DROP policy (with the rule and its line), or undetermined when a rule that could decide
 * it depends on something the dump cannot tell (source address, interface, marks, ipsets …).
 *
 * Conservative by design: a DROP whose match is uncertain is passed over, an ACCEPT whose match
 * is uncertain stops the walk as undetermined, so "blocked" is only said when it is certain.
 * The chains kube-proxy and the CNI plugins manage (KUBE-*, cali-*, CNI-*, FLANNEL-*) are about
 * Service and pod traffic, not the host's own ports, and are not followed.
 */
import { cidrContains, isValidAddress, isValidCidr } from '../../cidr/index.js';
import type { IptablesRule } from '../../parsers/linux/iptables-save.js';
import { type HostFilterTable, MANAGED_CHAINS } from '../../parsers/linux/iptables-save-host-filter-scan.js';

export interface PortProbe {
  protocol: 'tcp' | 'udp';
  port: number;
  /** Addresses the connection may come from (the other nodes' InternalIPs); unknown when absent. */
  sources?: readonly string[];
  /** Addresses it goes to (this node's InternalIPs); unknown when absent. */
  destinations?: readonly string[];
}

export type FirewallVerdict =
  | { kind: 'accepted' }
  | { kind: 'blocked'; target: string; chain: string; line: number; rule: string; byPolicy: boolean }
  | { kind: 'undetermined'; line: number; rule: string };

type Match = 'yes' | 'no' | 'maybe';
type Walk = FirewallVerdict | { kind: 'return' } | { kind: 'fallthrough' };

// Targets that log, mark or count and let the packet go on to the next rule.
const NON_TERMINAL = new Set(['LOG', 'NFLOG', 'ULOG', 'MARK', 'CONNMARK', 'AUDIT', 'TRACE', 'CT', 'SET', 'CLASSIFY', 'TCPMSS', 'TOS', 'DSCP']);
const PROTOCOL_NUMBERS: Record<string, string> = { '6': 'tcp', '17': 'udp', '0': 'all' };
// Options the matcher understands; any other match option makes the rule's match uncertain.
const KNOWN_OPTIONS = new Set(['-p', '--protocol', '-m', '--match', '--dport', '--dports', '--destination-port', '--destination-ports', '--comment', '--state', '--ctstate', '--dst-type', '-i', '--in-interface', '--syn']);
const MAX_DEPTH = 16;

/** The IPv4 filter table's verdict for a probe (scanIptablesSaveHostFilter's `filter`). */
export function firewallVerdict(filter: HostFilterTable, probe: PortProbe): FirewallVerdict {
  const rules = rulesByChain(filter);
  const result = walk(filter, rules, 'INPUT', probe, 0, new Set());
  if (result.kind === 'return' || result.kind === 'fallthrough') return policyVerdict(filter);
  return result;
}

const byChainCache = new WeakMap<HostFilterTable, Map<string, IptablesRule[]>>();

function rulesByChain(table: HostFilterTable): Map<string, IptablesRule[]> {
  const cached = byChainCache.get(table);
  if (cached) return cached;
  const map = new Map<string, IptablesRule[]>();
  for (const rule of table.rules) map.set(rule.chain, [...(map.get(rule.chain) ?? []), rule]);
  byChainCache.set(table, map);
  return map;
}

function policyVerdict(table: HostFilterTable): FirewallVerdict {
  const input = table.chains.find((c) => c.name === 'INPUT');
  if (!input || input.policy === 'ACCEPT') return { kind: 'accepted' };
  return { kind: 'blocked', target: input.policy, chain: 'INPUT', line: input.line, rule: `:INPUT ${input.policy}`, byPolicy: true };
}

function walk(table: HostFilterTable, rules: Map<string, IptablesRule[]>, chain: string, probe: PortProbe, depth: number, seen: Set<string>): Walk {
  if (depth > MAX_DEPTH || seen.has(chain)) return { kind: 'undetermined', line: 0, rule: `chain ${chain} loops or nests too deep` };
  const inside = new Set(seen).add(chain);
  for (const rule of rules.get(chain) ?? []) {
    const match = matches(rule, probe);
    const target = rule.target;
    if (match === 'no' || target === undefined || NON_TERMINAL.has(target)) continue;
    if (target === 'ACCEPT') return match === 'yes' ? { kind: 'accepted' } : undetermined(rule);
    if (target === 'DROP' || target === 'REJECT') {
      if (match === 'yes') return { kind: 'blocked', target, chain, line: rule.line, rule: ruleText(rule), byPolicy: false };
      continue;
    }
    if (target === 'RETURN') {
      if (match === 'yes') return { kind: 'return' };
      return undetermined(rule);
    }
    if (MANAGED_CHAINS.test(target)) continue;
    if (!rules.has(target) && !table.chains.some((c) => c.name === target)) return undetermined(rule);
    const inner = walk(table, rules, target, probe, depth + 1, inside);
    if (inner.kind === 'undetermined') return inner;
    if (inner.kind === 'return' || inner.kind === 'fallthrough') {
      if (rule.goto && match === 'yes') return { kind: 'return' };
      continue;
    }
    if (match === 'yes') return inner;
    // Only maybe jumped into that chain: its ACCEPT leaves the outcome open, its DROP is not certain.
    if (inner.kind === 'accepted') return undetermined(rule);
  }
  return { kind: 'fallthrough' };
}

function undetermined(rule: IptablesRule): FirewallVerdict {
  return { kind: 'undetermined', line: rule.line, rule: ruleText(rule) };
}

/** Whether a rule's matches cover a new connection from another node to the probe's local port. */
function matches(rule: IptablesRule, probe: PortProbe): Match {
  const m = rule.matches;
  // The rule matches only if every condition does: one 'no' rules it out, one 'maybe' leaves it uncertain.
  const conditions: Match[] = [
    negatable(m, 'protocol', protocolMatch(m.protocol, probe)),
    negatable(m, 'dport', m.dport === undefined || portListCovers(m.dport, probe.port) ? 'yes' : 'no'),
    negatable(m, 'source', m.source === undefined ? 'yes' : addressMatch(m.source, probe.sources)),
    negatable(m, 'destination', m.destination === undefined ? 'yes' : addressMatch(m.destination, probe.destinations)),
    m.sport === undefined && m.outInterface === undefined ? 'yes' : 'maybe',
    // The probe arrives from another host: never on lo; another named interface may or may not be its.
    m.inInterface === undefined ? 'yes' : m.inInterface === 'lo' && !m.negated.includes('inInterface') ? 'no' : 'maybe',
  ];
  for (const [option, value] of optionsOf(rule.args)) {
    if (m.negated.includes(option) || !KNOWN_OPTIONS.has(option)) conditions.push('maybe');
    else if (option === '--state' || option === '--ctstate') conditions.push(value.split(',').includes('NEW') ? 'yes' : 'no');
    else if (option === '--dst-type') conditions.push(value === 'LOCAL' ? 'yes' : 'no');
    else if (option === '--syn') conditions.push(probe.protocol === 'tcp' ? 'yes' : 'no');
  }
  return conditions.includes('no') ? 'no' : conditions.includes('maybe') ? 'maybe' : 'yes';
}

/** A negated match is left uncertain rather than inverted (a rule may combine several). */
function negatable(m: IptablesRule['matches'], field: string, match: Match): Match {
  return m.negated.includes(field) ? 'maybe' : match;
}

/** `-s`/`-d` against the addresses the probe may carry: all inside → yes, none → no. */
function addressMatch(block: string, addresses: readonly string[] | undefined): Match {
  const cidr = block.includes('/') ? block : `${block}/${block.includes(':') ? 128 : 32}`;
  if (!addresses || addresses.length === 0 || !isValidCidr(cidr)) return 'maybe';
  const inside = addresses.filter((a) => isValidAddress(a) && cidrContains(cidr, a)).length;
  return inside === addresses.length ? 'yes' : inside === 0 && addresses.every(isValidAddress) ? 'no' : 'maybe';
}

function protocolMatch(protocol: string | undefined, probe: PortProbe): Match {
  if (protocol === undefined) return 'yes';
  const name = PROTOCOL_NUMBERS[protocol] ?? protocol.toLowerCase();
  return name === 'all' || name === probe.protocol ? 'yes' : 'no';
}

/** Match options before the target, with their value (`--state` → `NEW,ESTABLISHED`). */
function optionsOf(args: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i] as string;
    if (token === '-j' || token === '--jump' || token === '-g' || token === '--goto') break;
    if (!token.startsWith('-') || token === '!') continue;
    if (['-s', '--source', '-d', '--destination', '-o', '--out-interface'].includes(token)) {
      i++;
      continue;
    }
    const value = args[i + 1];
    const takesValue = token !== '--syn' && value !== undefined && !value.startsWith('-');
    out.push([token, takesValue ? value : '']);
    if (takesValue) i++;
  }
  return out;
}

/** `53`, `1024:65535`, `:1024`, `4789,8472` (multiport) against one port. */
export function portListCovers(list: string, port: number): boolean {
  return list.split(',').some((part) => {
    const [lo, hi] = part.includes(':') ? part.split(':') : [part, part];
    const low = lo ? Number(lo) : 0;
    const high = hi ? Number(hi) : 65535;
    return port >= low && port <= high;
  });
}

/** The rule as iptables-save printed it (values with spaces quoted again). */
function ruleText(rule: IptablesRule): string {
  const args = rule.args.map((a) => (/[\s"]/.test(a) || a === '' ? `"${a.replace(/"/g, '\\"')}"` : a));
  return ['-A', rule.chain, ...args].join(' ');
}
