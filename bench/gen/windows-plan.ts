import type { ExpectedFinding, PlannedNode, WindowsProblem } from './model.js';
import type { Random } from './random.js';

/** Problems sprinkled on captured Windows nodes, each reported by one rule of the Windows guide. */
export const windowsProblems = {
  /** The CNI config's OutBoundNAT ExceptionList lacks the Service CIDR. */
  exceptionListUncovered: { ruleId: 'win-exceptionlist-coverage', messageId: 'uncovered', perScale: 2 },
  /** flanneld is not among the node's processes. */
  flanneldNotRunning: { ruleId: 'win-node-components', messageId: 'componentsMissing', perScale: 1 },
  /** C:\k\SourceVip.json still holds an address of the node's previous pod subnet. */
  staleSourceVip: { ruleId: 'win-flannel-stale-sourcevip', messageId: 'staleSourceVip', perScale: 1 },
  /** kube-proxy logs `hcnCreateLoadBalancer failed in Win32: The specified port already exists`. */
  loadBalancerPortExists: { ruleId: 'win-hns-port-exhaustion', messageId: 'portExists', perScale: 2 },
} as const satisfies Record<WindowsProblem, { ruleId: string; messageId: string; perScale: number }>;

/** Healthy captured Windows nodes beside the sprinkled ones. */
const healthyCaptured = 2;
const perScale = (n: number, scale: number) => Math.max(1, Math.round(n * scale));
const problemCount = (scale: number) => Object.values(windowsProblems).reduce((sum, p) => sum + perScale(p.perScale, scale), 0);

/**
 * Windows nodes of the pool: `option` is a fraction of the nodes (< 1) or a count; 0 means none. At least one
 * node per sprinkled problem plus two healthy captured ones, and at least four Linux nodes left.
 */
export function windowsNodeCount(option: number, nodeCount: number, scale: number): number {
  if (!(option > 0)) return 0;
  const wanted = option < 1 ? Math.round(option * nodeCount) : Math.round(option);
  return Math.min(Math.max(wanted, problemCount(scale) + healthyCaptured), nodeCount - 4);
}

/** Per Windows node (in order): captured or not, and its sprinkled problem. The first ones are captured. */
export function planWindowsNodes(rnd: Random, count: number, scale: number): Array<{ captured: boolean; problem?: WindowsProblem }> {
  if (count === 0) return [];
  const problems = Object.entries(windowsProblems).flatMap(([problem, p]) => Array<WindowsProblem>(perScale(p.perScale, scale)).fill(problem as WindowsProblem));
  const captured = Math.min(count, problems.length + healthyCaptured);
  const slots = rnd.shuffle([...Array(captured).keys()]);
  const out = Array.from({ length: count }, (_, k) => ({ captured: k < captured }) as { captured: boolean; problem?: WindowsProblem });
  problems.forEach((problem, k) => (out[slots[k]!]!.problem = problem));
  return out;
}

/**
 * The sprinkled Windows problems' findings, and the guide's three cluster-wide notes that any cluster with a
 * Windows node gets (ICMP to the outside, the network topology, Service IPs from the node: severity info).
 */
export function windowsExpected(nodes: PlannedNode[], cluster: string): ExpectedFinding[] {
  const windows = nodes.filter((n) => n.os === 'windows');
  if (windows.length === 0) return [];
  const expected: ExpectedFinding[] = [];
  for (const n of windows) {
    const problem = n.windows?.problem;
    if (problem) expected.push({ ruleId: windowsProblems[problem].ruleId, messageId: windowsProblems[problem].messageId, subject: { kind: 'Node', name: n.name } });
  }
  for (const ruleId of ['win-icmp-unsupported', 'win-network-topology', 'win-service-ip-from-node']) expected.push({ ruleId, messageId: 'advice', subject: { kind: 'Cluster', name: cluster } });
  return expected;
}
