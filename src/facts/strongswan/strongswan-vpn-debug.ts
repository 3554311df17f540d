import { parseVpndebug } from '../../parsers/cluster/vpndebug.js';
import { requiredClusterOutput } from '../cluster-outputs.js';
import { defineFact } from '../define.js';

/** "以 `ERROR`、`WARNING`、`VERIFY` 或 `CHECK` 开头的输出行指示 VPN 连接可能存在错误". */
export const strongswanVpnDebug = defineFact({
  id: 'strongswanVpnDebug',
  subject: 'Cluster',
  description:
    'The vpnDebug lines starting ERROR, WARNING, VERIFY or CHECK (cluster/vpndebug.txt), each as `line N: TAG summary`, their counts (problems = ERROR + WARNING), and whether the tool said the connection was ESTABLISHED.',
  reads: ['cluster/vpndebug.txt'],
  compute: (_cluster, index) => {
    const out = requiredClusterOutput(index, 'vpnDebug', parseVpndebug, (v) => v.findings.length === 0 && v.established === undefined);
    const v = out.value;
    const lines = v.findings.map((f) => `line ${f.line}: ${f.tag}${f.summary ? ` ${f.summary}` : ''}${f.subject ? ` (${f.subject})` : ''}`);
    return {
      flagged: v.findings.length,
      errors: v.counts.ERROR,
      warnings: v.counts.WARNING,
      problems: v.counts.ERROR + v.counts.WARNING,
      counts: `${v.counts.ERROR} ERROR, ${v.counts.WARNING} WARNING, ${v.counts.VERIFY} VERIFY, ${v.counts.CHECK} CHECK`,
      lines: lines.slice(0, 20).join('; ') + (lines.length > 20 ? `; … ${lines.length - 20} more` : ''),
      established: v.established === undefined ? 'not reported' : v.established ? 'yes' : 'no',
      source: out.at(v.findings[0]?.line),
    };
  },
});
