import type { Diagnostic } from '../diagnostics.js';
import type { Finding, Report } from '../findings/schema.js';
import { describeSource } from '../snapshot/source.js';
import { htmlScript, htmlStyle } from './html-assets.js';
import { figureDefs, figureSvg } from './html-figure.js';
import { type Gap, describeGap, describeRelated, describeSource as describeRef, describeSubject, docKey, documentNames, reportGaps, ruleDocUrl, severities, suppressedFindings } from './rule-links.js';
import { escapeXml } from './xml-escape.js';

const e = (text: string) => escapeXml(text);
const a = (text: string) => escapeXml(text, 'attribute');
const headings = { critical: 'Critical', error: 'Errors', warning: 'Warnings', info: 'Info' } as const;

function findingHtml(f: Finding): string {
  const docs = [...new Set(f.source.map(docKey).filter((d): d is NonNullable<typeof d> => d !== undefined))];
  const evidence = f.evidence.filter((x) => x.source);
  const subject = `${describeSubject(f.subject)}${f.subject.node && f.subject.kind !== 'Node' ? ` on node ${f.subject.node}` : ''}`;
  return [
    `<article class="finding" data-severity="${a(f.severity)}" data-rule="${a(f.ruleId)}" data-node="${a(f.subject.node ?? '')}" data-docs="${a(docs.join(' '))}">`,
    `<h3><span class="badge ${a(f.severity)}">${e(f.severity)}</span> ${e(f.title)}</h3>`,
    `<div class="muted">${e(subject)} · <a href="${a(ruleDocUrl(f.ruleId))}"><code>${e(f.ruleId)}</code></a></div>`,
    `<p class="message">${e(f.message)}</p>`,
    f.figure ? figureSvg(f.figure) : '',
    '<dl>',
    evidence.length > 0
      ? `<dt>Evidence</dt><dd><ul>${evidence.map((x) => `<li><code>${e(`${x.fact}${x.path ? `.${x.path}` : ''}`)}</code> from <code>${e(describeSource(x.source!))}</code></li>`).join('')}</ul></dd>`
      : '',
    f.related?.length ? `<dt>Related</dt><dd><ul>${f.related.map((r) => `<li>${e(describeRelated(r))}</li>`).join('')}</ul></dd>` : '',
    `<dt>Source</dt><dd>${f.source.map((s) => e(describeRef(s))).join('<br>')}</dd>`,
    `<dt>Fix</dt><dd><pre>${e(f.remediation)}</pre><div class="muted">From the document.</div></dd>`,
    '</dl>',
    '</article>',
  ].join('\n');
}

function gapRow(g: Gap): string {
  const who = g.subjects.length === 0 ? 'all' : g.subjects.map(describeSubject).join(', ');
  return `<tr><td><a href="${a(ruleDocUrl(g.ruleId))}"><code>${e(g.ruleId)}</code></a><br><span class="muted">${e(g.title)}</span></td><td>${e(describeGap(g))}</td><td>${e(who)}</td><td><code>${e(g.capture)}</code></td></tr>`;
}

function diagnosticRow(d: Diagnostic): string {
  return `<tr><td>${e(d.severity)}</td><td><code>${e(d.file ? `${d.file}${d.line ? `:${d.line}` : ''}` : '')}</code></td><td>${e(d.message)}</td><td><code>${e(d.code)}</code></td></tr>`;
}

function options(values: ReadonlyArray<[string, string]>, all: string): string {
  return [`<option value="">${e(all)}</option>`, ...values.map(([value, label]) => `<option value="${a(value)}">${e(label)}</option>`)].join('');
}

/**
 * The report as one self-contained HTML page (inline style, script and SVG; no network, works from
 * file://) for someone who has never used the tool: summary, filters by severity / rule / node /
 * document, each finding with its evidence, source section, fix and — for address ranges and
 * exhaustion — a picture; then what could not be evaluated, with what to capture.
 */
export function formatHtml(report: Report): string {
  const s = report.summary;
  const c = report.snapshot.cluster;
  const name = report.snapshot.name ?? 'snapshot';
  const gaps = reportGaps(report);
  const suppressed = suppressedFindings(report);
  const facts = [
    c.provider && `provider ${c.provider.value}`,
    c.cni && `CNI ${c.cni.value}`,
    c.kubernetesVersion && `Kubernetes ${c.kubernetesVersion.value}`,
    report.snapshot.capturedAt && `captured ${report.snapshot.capturedAt}`,
  ].filter((x): x is string => Boolean(x));
  const rules = [...new Map(report.findings.map((f) => [f.ruleId, f.title])).entries()].sort(([x], [y]) => x.localeCompare(y));
  const nodes = [...new Set(report.findings.map((f) => f.subject.node).filter((n): n is string => Boolean(n)))].sort();
  const docs = [...new Set(report.findings.flatMap((f) => f.source.map(docKey)).filter((d): d is NonNullable<typeof d> => d !== undefined))].sort();
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');

  const body = [
    '<header><div>',
    `<h1>kube-netdoctor: ${e(name)}</h1>`,
    facts.length > 0 ? `<div class="muted">${e(facts.join(' · '))}</div>` : '',
    '<div class="cards">',
    ...severities.map((sev) => `<div class="card ${sev}"><b>${s.findings[sev]}</b>${e(sev)}</div>`),
    `<div class="card"><b>${s.evaluated + s.partial}</b>rules run</div>`,
    `<div class="card"><b>${report.notEvaluated.length}</b>rules lacking data</div>`,
    suppressed.length > 0 ? `<div class="card"><b>${suppressed.length}</b>suppressed</div>` : '',
    '</div>',
    `<div class="muted">Rules: ${s.evaluated} evaluated, ${s.partial} partly evaluated, ${s.notEvaluated} not evaluated, ${s.notApplicable} not applicable${s.failed > 0 ? `, ${s.failed} failed` : ''}.</div>`,
    '</div></header>',
    '<main>',
    figureDefs,
    '<h2>Findings</h2>',
    '<div class="filters" role="group" aria-label="Filters">',
    `<button type="button" data-filter-severity="" aria-pressed="true">all (${report.findings.length})</button>`,
    ...severities.map((sev) => `<button type="button" data-filter-severity="${sev}" aria-pressed="false">${sev} (${s.findings[sev]})</button>`),
    `<label>Rule <select id="filter-rule">${options(rules.map(([id]) => [id, id]), 'all rules')}</select></label>`,
    `<label>Node <select id="filter-node">${options(nodes.map((n) => [n, n]), 'all nodes')}</select></label>`,
    `<label>Document <select id="filter-doc">${options(docs.map((d) => [d, documentNames[d]]), 'all documents')}</select></label>`,
    '<span id="shown" class="muted" aria-live="polite"></span>',
    '</div>',
    report.findings.length === 0 ? '<p>No findings.</p>' : '',
    ...severities.flatMap((sev) => {
      const group = report.findings.filter((f) => f.severity === sev);
      return group.length === 0 ? [] : [`<section data-group="${sev}"><h2>${headings[sev]} (${group.length})</h2>`, ...group.map(findingHtml), '</section>'];
    }),
    gaps.length > 0
      ? [
          `<h2 id="not-evaluated">Not evaluated (${report.notEvaluated.length} rules, in whole or in part)</h2>`,
          '<p class="muted">These rules could not run, or not for every subject: add what the last column says to the snapshot and run again.</p>',
          '<table><thead><tr><th>Rule</th><th>Why</th><th>Subjects</th><th>What to capture</th></tr></thead><tbody>',
          ...gaps.map(gapRow),
          '</tbody></table>',
        ].join('\n')
      : '',
    suppressed.length > 0
      ? [
          `<h2>Suppressed (${suppressed.length})</h2>`,
          '<table><thead><tr><th>Rule</th><th>Subject</th><th>Reason</th><th>Expires</th></tr></thead><tbody>',
          ...suppressed.map((f) => `<tr><td><code>${e(f.ruleId)}</code></td><td>${e(describeSubject(f.subject))}</td><td>${e(f.suppression?.reason ?? '')}</td><td>${e(f.suppression?.expires ?? '')}</td></tr>`),
          '</tbody></table>',
        ].join('\n')
      : '',
    problems.length > 0
      ? [
          `<h2>Input problems (${problems.length})</h2>`,
          '<table><thead><tr><th>Severity</th><th>File</th><th>Problem</th><th>Code</th></tr></thead><tbody>',
          ...problems.map(diagnosticRow),
          '</tbody></table>',
        ].join('\n')
      : '',
    '</main>',
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may be fetched: the page is one file, readable offline and from file://.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'; img-src data:">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>kube-netdoctor: ${e(name)}</title>`,
    `<style>${htmlStyle}</style>`,
    '</head>',
    '<body>',
    ...body.filter(Boolean),
    `<script>${htmlScript}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
