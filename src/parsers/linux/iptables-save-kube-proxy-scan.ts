/**
 * The kube-proxy forwarding view of an iptables-save dump without the full
 * rule model: a 20,000-Service cluster writes ~300,000 lines per node, and
 * building every rule (parseIptablesSave) costs seconds and most of a heap.
 * Lines go through the parser's own walker (iptables-save-lines.ts), so the
 * structure and structural diagnostics are the parser's; of the rule lines,
 * only those the forwarding check reads (KUBE-SERVICES / KUBE-NODEPORTS in
 * nat, "… has no [local] endpoints" drops, the KUBE-CLUSTER-IP ipset match)
 * are tokenised, by the parser's own tokenizer and rule reader, so the result
 * equals parseIptablesSave's `kubeProxy.services` / `noEndpoints`.
 * endpoint-without-dnat is not checked (endpoints are not read here).
 * Not a separate parser id.
 */
import { compareDiagnostics } from '../../diagnostics.js';
import { cappedWarnings } from '../capped-warnings.js';
import { type ParseOptions, type ParseResult, normalizeNewlines } from '../define-parser.js';
import { type KubeProxyNoEndpoints, type KubeProxyService, type RuleLike, noEndpointRules, serviceRules } from './iptables-save-kube-proxy.js';
import { walkIptablesSave } from './iptables-save-lines.js';
import { readRule, tokenize } from './iptables-save-rule.js';

export interface IptablesKubeProxyScan {
  /** `*table` sections found; 0 means the output is unusable (not iptables-save, or empty). */
  tables: number;
  services: KubeProxyService[];
  noEndpoints: KubeProxyNoEndpoints[];
  /** Some rule matches the KUBE-CLUSTER-IP ipset (kube-proxy IPVS mode). */
  matchesClusterIPSet: boolean;
}

interface ScanTable {
  name: string;
  line: number;
  committed: boolean;
  rules: RuleLike[];
}

export function scanIptablesSaveKubeProxy(input: string, options: ParseOptions = {}): ParseResult<IptablesKubeProxyScan> {
  const warnings = cappedWarnings(options.file);
  let matchesClusterIPSet = false;
  const { tables, notIptablesSave } = walkIptablesSave<ScanTable>(normalizeNewlines(input), options.file, warnings, {
    table: (name, line) => ({ name, line, committed: false, rules: [] }),
    rule(table, trimmed, line, chain, leading, at) {
      const service = table.name === 'nat' && (chain === 'KUBE-SERVICES' || chain === 'KUBE-NODEPORTS');
      const clusterIPSet = trimmed.includes('KUBE-CLUSTER-IP');
      // A comment escaped with backslashes may hide "endpoints" from the substring test.
      if (!service && !clusterIPSet && !trimmed.includes('endpoints') && !trimmed.includes('\\')) return;
      const read = readRule(tokenize(trimmed).tokens.slice(at + 2), leading);
      const rule: RuleLike = { chain, line, matches: read.matches, targetArgs: read.targetArgs, args: read.args };
      if (read.target !== undefined) rule.target = read.target;
      if (clusterIPSet && rule.args.includes('KUBE-CLUSTER-IP')) matchesClusterIPSet = true;
      table.rules.push(rule);
    },
  });

  const value: IptablesKubeProxyScan = { tables: tables.length, services: [], noEndpoints: [], matchesClusterIPSet: false };
  if (notIptablesSave) return { value, diagnostics: [notIptablesSave] };
  value.services = serviceRules(tables.filter((t) => t.name === 'nat').flatMap((t) => t.rules));
  value.noEndpoints = noEndpointRules(tables, new Map(value.services.map((s) => [s.chain, s.protocol])));
  value.matchesClusterIPSet = matchesClusterIPSet;
  return { value, diagnostics: warnings.finish().sort(compareDiagnostics) };
}
