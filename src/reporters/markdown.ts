import type { Diagnostic } from '../diagnostics.js';
import type { Finding, Report } from '../findings/schema.js';
import { describeSource } from '../snapshot/source.js';
import { codeBlock, escapeMarkdown as md } from './markdown-escape.js';
import { type Gap, describeGap, describeRelated, describeSections, describeSubject, reportGaps, ruleDocUrl, severities, suppressedFindings } from './rule-links.js';

const marks = { critical: '🟣', error: '🔴', warning: '🟠', info: '🔵' } as const;
const headings = { critical: 'Critical', error: 'Errors', warning: 'Warnings', info: 'Info' } as const;

function clusterLine(report: Report): string {
  const c = report.snapshot.cluster;
  const facts = [
    c.provider && `provider ${c.provider.value}`,
    c.cni && `CNI ${c.cni.value}`,
    c.kubernetesVersion && `Kubernetes ${c.kubernetesVersion.value}`,
    report.snapshot.capturedAt && `captured ${report.snapshot.capturedAt}`,
  ].filter((x): x is string => Boolean(x));
  return facts.length > 0 ? md(facts.join(' · ')) : '';
}

function findingBlock(f: Finding): string[] {
  const evidence = f.evidence.filter((e) => e.source);
  const lines = [
    `#### ${marks[f.severity]} ${md(f.title)}`,
    '',
    `**${md(describeSubject(f.subject))}**${f.subject.node && f.subject.kind !== 'Node' ? ` on node ${md(f.subject.node)}` : ''} · [\`${f.ruleId}\`](${ruleDocUrl(f.ruleId)})`,
    '',
    md(f.message),
    '',
    '<details><summary>Evidence, source and fix</summary>',
    '',
  ];
  if (evidence.length > 0) {
    lines.push('**Evidence**', '');
    for (const e of evidence) lines.push(`- \`${md(`${e.fact}${e.path ? `.${e.path}` : ''}`).replace(/`/g, '')}\` from ${md(describeSource(e.source!))}`);
    lines.push('');
  }
  if (f.related?.length) lines.push('**Related**', '', ...f.related.map((r) => `- ${md(describeRelated(r))}`), '');
  lines.push(`**Source:** ${md(describeSections(f))}`, '', '**Fix** (from the document)', '', codeBlock(f.remediation), '', '</details>', '');
  return lines;
}

function gapRow(g: Gap): string {
  const who = g.subjects.length === 0 ? 'all' : `${g.subjects.length}: ${g.subjects.slice(0, 5).map(describeSubject).join(', ')}${g.subjects.length > 5 ? ', …' : ''}`;
  return `| \`${g.ruleId}\` | ${md(describeGap(g))} | ${md(who)} | ${md(g.capture)} |`;
}

function diagnosticLine(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}` : '';
  return `- ${d.severity === 'error' ? '❌' : '⚠️'} ${where ? `\`${md(where).replace(/`/g, '')}\` ` : ''}${md(d.message)} (${md(d.code)})`;
}

/**
 * The report as GitHub-flavoured Markdown for a pull-request comment or a ticket: a summary table by
 * severity, then the findings grouped by severity, each with its evidence, source section and fix in a
 * collapsible block; then what could not be evaluated and the input problems. Every text from the
 * snapshot is escaped (no HTML, no mentions, no broken tables).
 */
export function formatMarkdown(report: Report): string {
  const s = report.summary;
  const suppressed = suppressedFindings(report);
  const gaps = reportGaps(report);
  const lines = [`## kube-netdoctor: ${md(report.snapshot.name ?? 'snapshot')}`, ''];
  const cluster = clusterLine(report);
  if (cluster) lines.push(cluster, '');
  lines.push('| Severity | Findings |', '| --- | ---: |');
  for (const severity of severities) lines.push(`| ${marks[severity]} ${severity} | ${s.findings[severity]} |`);
  lines.push(
    '',
    `Rules: ${s.evaluated} evaluated, ${s.partial} partly evaluated, ${s.notEvaluated} not evaluated, ${s.notApplicable} not applicable` +
      `${s.failed > 0 ? `, ${s.failed} failed` : ''}${suppressed.length > 0 ? ` · ${suppressed.length} suppressed` : ''}.`,
    '',
  );
  if (report.findings.length === 0) lines.push('No findings.', '');
  for (const severity of severities) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`### ${headings[severity]} (${group.length})`, '');
    for (const f of group) lines.push(...findingBlock(f));
  }
  if (gaps.length > 0) {
    lines.push(
      `### Not evaluated (${report.notEvaluated.length} ${report.notEvaluated.length === 1 ? 'rule' : 'rules'}, in whole or in part)`,
      '',
      '<details><summary>What to add to the snapshot so these rules can run</summary>',
      '',
      '| Rule | Why | Subjects | Capture |',
      '| --- | --- | --- | --- |',
      ...gaps.map(gapRow),
      '',
      '</details>',
      '',
    );
  }
  if (suppressed.length > 0) {
    lines.push(`### Suppressed (${suppressed.length})`, '');
    for (const f of suppressed) {
      const why = f.suppression ? `${f.suppression.reason}${f.suppression.expires ? ` (until ${f.suppression.expires})` : ''}` : '';
      lines.push(`- \`${f.ruleId}\` ${md(describeSubject(f.subject))}: ${md(why)}`);
    }
    lines.push('');
  }
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length > 0) lines.push(`### Input problems (${problems.length})`, '', ...problems.map(diagnosticLine), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
