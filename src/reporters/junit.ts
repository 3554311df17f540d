import type { Finding, FindingSubject, Report, RuleStatus } from '../findings/schema.js';
import { severityRank, subjectKey } from '../findings/sort.js';
import { describeSource } from '../snapshot/source.js';
import { type Gap, type SuppressionInfo, describeGap, describeSections, describeSubject, reportGaps, ruleDocUrl, suppressedFindings } from './rule-links.js';
import { escapeXml } from './xml-escape.js';

const attr = (name: string, value: string | number) => ` ${name}="${escapeXml(String(value), 'attribute')}"`;

interface Case {
  name: string;
  /** failure / skipped / error element, or '' for a pass. */
  body: string;
  kind: 'pass' | 'failure' | 'skipped' | 'error';
}

function failureText(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const evidence = f.evidence.filter((e) => e.source).map((e) => `  ${e.fact}${e.path ? `.${e.path}` : ''} from ${describeSource(e.source!)}`);
      return [
        `[${f.severity}] ${f.message}`,
        ...(evidence.length > 0 ? ['evidence:', ...evidence] : []),
        `source: ${describeSections(f)}`,
        'fix:',
        ...f.remediation.split('\n').map((l) => `  ${l}`),
        `rule: ${ruleDocUrl(f.ruleId)}`,
      ].join('\n');
    })
    .join('\n\n');
}

function findingCase(name: string, findings: readonly Finding[], suppressed: ReadonlyArray<Finding & { suppression?: SuppressionInfo }>): Case {
  const open = findings;
  if (open.length === 0) {
    const reason = suppressed[0]?.suppression?.reason;
    return skippedCase(name, `suppressed${reason ? `: ${reason}` : ''}: ${suppressed[0]?.message ?? ''}`);
  }
  const worst = [...open].sort((a, b) => severityRank[a.severity] - severityRank[b.severity])[0]!;
  const message = open.length === 1 ? worst.message : `${open.length} findings; the most severe: ${worst.message}`;
  return { name, kind: 'failure', body: `<failure${attr('message', message)}${attr('type', worst.severity)}>${escapeXml(failureText(open))}</failure>` };
}

const skippedCase = (name: string, message: string): Case => ({ name, kind: 'skipped', body: `<skipped${attr('message', message)}/>` });

interface RuleResults {
  findings: readonly Finding[];
  suppressed: ReadonlyArray<Finding & { suppression?: SuppressionInfo }>;
  gaps: readonly Gap[];
}

function suiteCases(status: RuleStatus, { findings, suppressed, gaps }: RuleResults): Case[] {
  if (status.status === 'not-applicable') return [skippedCase('(rule)', 'not applicable: the rule is for another CNI or provider than this cluster\'s')];
  // Gaps of every subject: the whole rule, or some of its checks, could not run.
  const whole = gaps.filter((g) => g.subjects.length === 0).map((g) => skippedCase(g.checks ? `(checks ${g.checks.join(', ')})` : '(rule)', `not evaluated, ${describeGap(g)}: capture ${g.capture}`));
  const subjects = subjectCases(status, { findings, suppressed, gaps });
  return status.checked ? [...subjects, ...whole] : [...whole, ...subjects];
}

function subjectCases(status: RuleStatus, { findings, suppressed, gaps }: RuleResults): Case[] {
  const group = <T extends Finding>(list: readonly T[]) => {
    const out = new Map<string, T[]>();
    for (const f of list) out.set(subjectKey(f.subject), [...(out.get(subjectKey(f.subject)) ?? []), f]);
    return out;
  };
  const bySubject = group(findings);
  const accepted = group(suppressed);
  const missing = new Map<string, string[]>();
  for (const g of gaps) for (const s of g.subjects) missing.set(subjectKey(s), [...(missing.get(subjectKey(s)) ?? []), g.capture]);
  // Every subject checked, and (should a report list fewer) every subject with a finding.
  const subjects = new Map<string, FindingSubject>((status.checked ?? []).map((s) => [subjectKey(s), s]));
  for (const f of [...findings, ...suppressed]) if (!subjects.has(subjectKey(f.subject))) subjects.set(subjectKey(f.subject), f.subject);
  return [...subjects.values()].map((s): Case => {
    const name = describeSubject(s);
    const found = bySubject.get(subjectKey(s));
    const ok = accepted.get(subjectKey(s));
    if (found || ok) return findingCase(name, found ?? [], ok ?? []);
    const captures = missing.get(subjectKey(s));
    if (captures) return skippedCase(name, `not evaluated: capture ${captures.join('; ')}`);
    if (status.status === 'failed') return { name, kind: 'error', body: `<error${attr('message', 'the rule failed for this subject; see the report\'s diagnostics')}/>` };
    return { name, kind: 'pass', body: '' };
  });
}

/**
 * The report as JUnit XML for CI test reports: a test suite per rule and a test case per subject it
 * checked; a finding is a failure (message, severity, evidence, source section, fix), a subject or rule
 * that could not be evaluated is skipped with what to capture, a suppressed finding is skipped with its reason.
 */
export function formatJunit(report: Report): string {
  const titles = new Map([...report.findings, ...report.notEvaluated].map((x) => [x.ruleId, x.title]));
  const gaps = reportGaps(report);
  const suites = report.rules.map((status) => {
    const mine = <T extends { ruleId: string }>(list: readonly T[]) => list.filter((x) => x.ruleId === status.ruleId);
    const cases = suiteCases(status, { findings: mine(report.findings), suppressed: mine(suppressedFindings(report)), gaps: mine(gaps) });
    const count = (k: Case['kind']) => cases.filter((c) => c.kind === k).length;
    const title = titles.get(status.ruleId);
    const lines = [
      `  <testsuite${attr('name', status.ruleId)}${attr('tests', cases.length)}${attr('failures', count('failure'))}${attr('errors', count('error'))}${attr('skipped', count('skipped'))}>`,
      '    <properties>',
      ...(title ? [`      <property${attr('name', 'title')}${attr('value', title)}/>`] : []),
      `      <property${attr('name', 'status')}${attr('value', status.status)}/>`,
      `      <property${attr('name', 'documentation')}${attr('value', ruleDocUrl(status.ruleId))}/>`,
      '    </properties>',
      ...cases.map((c) => {
        const open = `    <testcase${attr('classname', `kube-netdoctor.${status.ruleId}`)}${attr('name', c.name)}`;
        return c.body ? `${open}>\n      ${c.body}\n    </testcase>` : `${open}/>`;
      }),
      '  </testsuite>',
    ];
    return { lines, tests: cases.length, failures: count('failure'), errors: count('error'), skipped: count('skipped') };
  });
  const total = (k: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attr('name', `kube-netdoctor${report.snapshot.name ? ` ${report.snapshot.name}` : ''}`)}${attr('tests', total('tests'))}${attr('failures', total('failures'))}${attr('errors', total('errors'))}${attr('skipped', total('skipped'))}>`,
    ...suites.flatMap((s) => s.lines),
    '</testsuites>',
    '',
  ].join('\n');
}
