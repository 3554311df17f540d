import { readdirSync } from 'node:fs';
import { analyze } from '../../src/analyze.js';
import type { Report } from '../../src/findings/schema.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';

export const scenarioRoot = new URL('../../snapshots/scenarios/', import.meta.url);

/** Every scenario under snapshots/scenarios/: each reporter must handle all of them. */
export const scenarioNames = readdirSync(scenarioRoot, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

const cache = new Map<string, Promise<Report>>();

export function scenarioReport(name: string): Promise<Report> {
  let report = cache.get(name);
  if (!report) {
    report = loadSnapshot(new URL(name, scenarioRoot).pathname).then(({ snapshot, diagnostics }) => analyze(snapshot, { diagnostics }));
    cache.set(name, report);
  }
  return report;
}

/** Text a hostile snapshot could put into a report: markup, quotes, control characters, a CDATA end, an emoji. */
export const hostile = `<script>alert("x")</script> & ]]> 'q' \u0000\u0007\u001b[31m | *bold* _u_ \`code\` <!-- --> {{x}} 😀 \ud800`;

/** A copy of a report with one finding whose every text field is hostile. */
export function withHostileFinding(report: Report): Report {
  const base = report.findings[0];
  if (!base) throw new Error('the report needs a finding');
  const evil = {
    ...base,
    title: hostile,
    message: hostile,
    remediation: hostile,
    subject: { kind: 'Pod', name: hostile, namespace: hostile, node: hostile },
    data: { text: hostile },
    evidence: [{ fact: hostile, operator: hostile, expected: hostile, actual: hostile, source: { file: `nodes/${hostile}/cni.conf`, line: 3 } }],
    source: [{ doc: 'ack' as const, section: hostile }],
  };
  return { ...report, findings: [...report.findings, evil] };
}
