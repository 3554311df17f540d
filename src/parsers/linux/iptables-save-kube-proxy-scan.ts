/**
 * The kube-proxy forwarding view of an iptables-save dump without the full
 * rule model: a 20,000-Service cluster writes ~300,000 lines per node, and
 * building every rule (parseIptablesSave) costs seconds and most of a heap.
 * Lines are walked with cheap prefix/substring tests; only the lines the
 * forwarding check reads (KUBE-SERVICES / KUBE-NODEPORTS in nat, "… has no
 * [local] endpoints" drops, the KUBE-CLUSTER-IP ipset match) are tokenised,
 * by the parser's own tokenizer and rule reader, so the result equals
 * parseIptablesSave's `kubeProxy.services` / `noEndpoints`. Structural
 * diagnostics are the parser's too; endpoint-without-dnat is not checked
 * (endpoints are not read here). Not a separate parser id.
 */
import { compareDiagnostics, diagnostic } from '../../diagnostics.js';
import { cappedWarnings } from '../capped-warnings.js';
import { type ParseOptions, type ParseResult, normalizeNewlines } from '../define-parser.js';
import { type KubeProxyNoEndpoints, type KubeProxyService, type RuleLike, noEndpointRules, serviceRules } from './iptables-save-kube-proxy.js';
import { countersOf, readRule, tokenize } from './iptables-save-rule.js';

export interface IptablesKubeProxyScan {
  /** `*table` sections found; 0 means the output is unusable (not iptables-save, or empty). */
  tables: number;
  services: KubeProxyService[];
  noEndpoints: KubeProxyNoEndpoints[];
  /** Some rule matches the KUBE-CLUSTER-IP ipset (kube-proxy IPVS mode). */
  matchesClusterIPSet: boolean;
}

const CHAIN = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?$/;
const isSpace = (c: number) => c === 32 || c === 9;

/** Up to the first three tokens, or undefined when one holds a quote or backslash (then tokenize decides). */
function head(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (out.length < 3 && i < line.length) {
    while (i < line.length && isSpace(line.charCodeAt(i))) i++;
    if (i >= line.length) break;
    let end = i;
    while (end < line.length && !isSpace(line.charCodeAt(end))) {
      const c = line.charCodeAt(end);
      if (c === 34 || c === 92) return undefined;
      end++;
    }
    out.push(line.slice(i, end));
    i = end;
  }
  return out;
}

/** What tokenize would say about an unterminated quote: without backslashes, an odd number of `"`. */
function unterminated(line: string): boolean {
  if (line.includes('\\')) return tokenize(line).unterminatedQuote;
  let count = 0;
  for (let at = line.indexOf('"'); at !== -1; at = line.indexOf('"', at + 1)) count++;
  return count % 2 === 1;
}

interface ScanTable {
  name: string;
  line: number;
  committed: boolean;
  rules: RuleLike[];
}

export function scanIptablesSaveKubeProxy(input: string, options: ParseOptions = {}): ParseResult<IptablesKubeProxyScan> {
  const text = normalizeNewlines(input);
  const warnings = cappedWarnings(options.file);
  const tables: ScanTable[] = [];
  let current: ScanTable | undefined;
  let firstContentLine: number | undefined;
  let matchesClusterIPSet = false;
  const closeTable = () => {
    if (current && !current.committed) warnings.warn('missing-commit', 'table has no COMMIT line; the output looks truncated', current.line);
    current = undefined;
  };

  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    firstContentLine ??= line;
    if (trimmed.startsWith('*')) {
      closeTable();
      current = { name: trimmed.slice(1), line, committed: false, rules: [] };
      tables.push(current);
    } else if (trimmed === 'COMMIT') {
      if (current) current.committed = true;
      else warnings.warn('commit-outside-table', 'COMMIT without an open table', line);
      current = undefined;
    } else if (trimmed.startsWith(':')) {
      if (!CHAIN.test(trimmed)) warnings.warn('unrecognised-line', 'chain line not recognised (expected `:NAME POLICY [p:b]`)', line);
      else if (!current) warnings.warn('outside-table', 'chain declared before any `*table` line', line);
    } else {
      readRuleLine(trimmed, line);
    }
  }
  closeTable();

  function readRuleLine(trimmed: string, line: number): void {
    const tokens = head(trimmed) ?? tokenize(trimmed).tokens;
    const leading = countersOf(tokens[0]) ? tokens[0] : undefined;
    const at = leading === undefined ? 0 : 1;
    const chain = tokens[at + 1];
    if ((tokens[at] !== '-A' && tokens[at] !== '--append') || chain === undefined) {
      warnings.warn('unrecognised-line', 'line not recognised as an iptables-save table, chain, rule or COMMIT line', line);
      return;
    }
    if (trimmed.includes('"') && unterminated(trimmed)) warnings.warn('unterminated-quote', 'rule has an unterminated double quote', line);
    if (!current) {
      warnings.warn('outside-table', 'rule appears before any `*table` line and was skipped', line);
      return;
    }
    const service = current.name === 'nat' && (chain === 'KUBE-SERVICES' || chain === 'KUBE-NODEPORTS');
    const clusterIPSet = trimmed.includes('KUBE-CLUSTER-IP');
    // A comment escaped with backslashes may hide "endpoints" from the substring test.
    if (!service && !clusterIPSet && !trimmed.includes('endpoints') && !trimmed.includes('\\')) return;
    const all = tokenize(trimmed).tokens;
    const rule = { chain, line, ...readRule(all.slice(at + 2), leading) };
    if (clusterIPSet && rule.args.includes('KUBE-CLUSTER-IP')) matchesClusterIPSet = true;
    current.rules.push(rule);
  }

  const value: IptablesKubeProxyScan = { tables: tables.length, services: [], noEndpoints: [], matchesClusterIPSet: false };
  if (tables.length === 0 && firstContentLine !== undefined) {
    const error = diagnostic('error', 'not-iptables-save', 'no `*table` section found; this does not look like iptables-save output', { file: options.file, line: firstContentLine });
    return { value, diagnostics: [error] };
  }
  value.services = serviceRules(tables.filter((t) => t.name === 'nat').flatMap((t) => t.rules));
  value.noEndpoints = noEndpointRules(tables, new Map(value.services.map((s) => [s.chain, s.protocol])));
  value.matchesClusterIPSet = matchesClusterIPSet;
  return { value, diagnostics: warnings.finish().sort(compareDiagnostics) };
}
