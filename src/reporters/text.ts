import type { Diagnostic } from '../diagnostics.js';
import type { Finding, NotEvaluated, Report } from '../findings/schema.js';
import { describeSourceRef } from '../catalog/rule-schema.js';
import { describeSource } from '../snapshot/source.js';
import { describeRelated, describeSubject } from './rule-links.js';

export interface TextOptions {
  /** ANSI colours; the CLI enables them only on a TTY and never with NO_COLOR. */
  color?: boolean;
  /** Print each finding's remediation (default true). */
  remediation?: boolean;
}

const codes = { red: 31, yellow: 33, blue: 34, magenta: 35, gray: 90, bold: 1 } as const;
type Paint = (style: keyof typeof codes, text: string) => string;

const severityStyle = { critical: 'magenta', error: 'red', warning: 'yellow', info: 'blue' } as const;
const severities = ['critical', 'error', 'warning', 'info'] as const;

/** A report for a person in a terminal: findings grouped by severity, then what was not evaluated, then input problems. */
export function formatText(report: Report, options: TextOptions = {}): string {
  const paint: Paint = options.color ? (style, text) => `\u001b[${codes[style]}m${text}\u001b[0m` : (_style, text) => text;
  const lines: string[] = [];
  const c = report.snapshot.cluster;
  lines.push(paint('bold', `kube-netdoctor: ${report.snapshot.name ?? 'snapshot'}`));
  const facts = [
    c.provider && `provider ${c.provider.value} (${c.provider.from})`,
    c.cni && `CNI ${c.cni.value} (${c.cni.from})`,
    c.kubernetesVersion && `Kubernetes ${c.kubernetesVersion.value} (${c.kubernetesVersion.from})`,
  ].filter(Boolean);
  if (facts.length > 0) lines.push(paint('gray', facts.join('; ')));
  // Input problems first: a finding (or its absence) reads differently when a file could not be used.
  const shown = report.diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length > 0) {
    lines.push('', paint('bold', `INPUT PROBLEMS (${shown.length})`));
    for (const d of shown) lines.push(formatDiagnostic(d, paint));
  }

  for (const severity of severities) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', paint(severityStyle[severity], paint('bold', `${severity.toUpperCase()} (${group.length})`)));
    for (const finding of group) lines.push(...formatFinding(finding, paint, options.remediation !== false));
  }
  if (report.findings.length === 0) lines.push('', 'No findings.');
  if (report.suppressed && report.suppressed.length > 0) {
    lines.push('', paint('bold', `SUPPRESSED (${report.suppressed.length})`));
    for (const f of report.suppressed) {
      const s = f.suppression;
      lines.push(paint('gray', `  - [${f.ruleId}] ${describeSubject(f.subject)}: ${s?.reason ?? ''}${s?.expires ? ` (until ${s.expires})` : ''}`));
    }
  }
  if (report.notEvaluated.length > 0) {
    // The same two numbers as the summary line: rules not evaluated at all, and rules evaluated for only some subjects.
    const { notEvaluated, partial } = report.summary;
    lines.push('', paint('bold', `NOT EVALUATED (${notEvaluated} ${notEvaluated === 1 ? 'rule' : 'rules'}, ${partial} partly)`));
    for (const n of report.notEvaluated) lines.push(...formatNotEvaluated(n));
  }
  const s = report.summary;
  lines.push(
    '',
    `${s.findings.critical} critical, ${s.findings.error} error, ${s.findings.warning} warning, ${s.findings.info} info; ` +
      `rules: ${s.evaluated} evaluated, ${s.partial} partial, ${s.notEvaluated} not evaluated, ${s.notApplicable} not applicable` +
      (s.failed > 0 ? `, ${s.failed} failed` : '') +
      (s.suppressed ? `; ${s.suppressed} suppressed` : '') +
      (s.baseline ? `; ${s.baseline.known} already in the baseline` : ''),
  );
  return `${lines.join('\n')}\n`;
}

function formatFinding(f: Finding, paint: Paint, remediation: boolean): string[] {
  const out = [`  ${paint(severityStyle[f.severity], '●')} ${paint('bold', f.title)}  ${paint('gray', `[${f.ruleId}] ${describeSubject(f.subject)}`)}`];
  out.push(...wrap(f.message, 4));
  for (const e of f.evidence) {
    if (!e.source) continue;
    out.push(paint('gray', `    evidence: ${e.fact}${e.path ? `.${e.path}` : ''} from ${describeSource(e.source)}`));
  }
  out.push(paint('gray', `    source: ${f.source.map(describeSourceRef).join(', ')}`));
  for (const r of f.related ?? []) out.push(paint('gray', `    ${describeRelated(r)}`));
  if (remediation) {
    out.push('    fix:');
    for (const line of f.remediation.split('\n')) out.push(`      ${line}`);
  }
  return out;
}

function formatNotEvaluated(n: NotEvaluated): string[] {
  return [
    `  - ${n.ruleId}:`,
    ...n.missing.map((m) => {
      const who =
        m.subjects.length === 0
          ? ''
          : ` for ${m.subjects.length} ${m.subjects.length === 1 ? 'subject' : 'subjects'} (${m.subjects.slice(0, 3).map((s) => s.name).join(', ')}${m.subjects.length > 3 ? ', …' : ''})`;
      const checks = m.checks ? ` [checks ${m.checks.join(', ')}]` : '';
      return `      capture ${m.capture}${who}${checks}`;
    }),
  ];
}

function formatDiagnostic(d: Diagnostic, paint: Paint): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
  const mark = d.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
  return `  ${mark} ${where}${d.message} ${paint('gray', `(${d.code})`)}`;
}

function wrap(text: string, indent: number, width = 100): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width - indent) {
      lines.push(' '.repeat(indent) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(' '.repeat(indent) + line);
  return lines;
}
