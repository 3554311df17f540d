import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { subjectKey } from '../../src/findings/sort.js';
import { formatJunit } from '../../src/reporters/junit.js';
import { hostile, scenarioNames, scenarioReport, withHostileFinding } from './scenario-reports.js';

interface Case {
  '@_name': string;
  '@_classname': string;
  failure?: { '#text': string; '@_message': string; '@_type': string };
  skipped?: { '@_message': string };
  error?: { '@_message': string };
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  '@_errors': string;
  testcase?: Case[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  trimValues: false,
  isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'property',
});

function parse(xml: string): { '@_tests': string; '@_failures': string; '@_skipped': string; testsuite: Suite[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites;
}

const finding0 = (report: { findings: Array<{ ruleId: string }> }) => report.findings[0]!;

describe('formatJunit', () => {
  for (const name of scenarioNames) {
    it(`${name}: well-formed, a suite per rule, a failure per subject with findings, a skip per gap`, async () => {
      const report = await scenarioReport(name);
      const doc = parse(formatJunit(report));
      expect(doc.testsuite.map((s) => s['@_name'])).toEqual(report.rules.map((r) => r.ruleId));
      let failures = 0;
      for (const [i, suite] of doc.testsuite.entries()) {
        const status = report.rules[i]!;
        const cases = suite.testcase ?? [];
        expect(Number(suite['@_tests'])).toBe(cases.length);
        expect(Number(suite['@_failures'])).toBe(cases.filter((c) => c.failure).length);
        expect(Number(suite['@_skipped'])).toBe(cases.filter((c) => c.skipped).length);
        const failing = new Set(report.findings.filter((f) => f.ruleId === status.ruleId).map((f) => subjectKey(f.subject)));
        expect(cases.filter((c) => c.failure)).toHaveLength(failing.size);
        failures += failing.size;
        const wholeGaps = (report.notEvaluated.find((n) => n.ruleId === status.ruleId)?.missing ?? []).filter((m) => m.subjects.length === 0).length;
        if (status.checked) expect(cases).toHaveLength(status.checked.length + wholeGaps);
        if (status.status === 'not-evaluated' || status.status === 'not-applicable') expect(cases.every((c) => c.skipped)).toBe(true);
        for (const c of cases.filter((x) => x.skipped && status.status === 'not-evaluated')) expect(c.skipped!['@_message']).toMatch(/^not evaluated.*capture /);
        // Every capture the rule lacks is named in some skipped case.
        const skippedText = cases.map((c) => c.skipped?.['@_message'] ?? '').join('\n');
        for (const m of report.notEvaluated.find((n) => n.ruleId === status.ruleId)?.missing ?? []) expect(skippedText).toContain(m.capture);
      }
      expect(Number(doc['@_failures'])).toBe(failures);
    });
  }

  it('a finding is a failure with its message, severity, evidence, source section and fix', async () => {
    const report = await scenarioReport('bad-input');
    const suite = parse(formatJunit(report)).testsuite.find((s) => s['@_name'] === 'win-exceptionlist-coverage')!;
    const failed = suite.testcase!.find((c) => c.failure)!;
    const finding = report.findings.find((f) => f.ruleId === 'win-exceptionlist-coverage')!;
    expect(failed['@_name']).toBe('Node win-worker-1');
    expect(failed['@_classname']).toBe('kube-netdoctor.win-exceptionlist-coverage');
    expect(failed.failure!['@_message']).toBe(finding.message);
    expect(failed.failure!['@_type']).toBe('error');
    const body = failed.failure!['#text'];
    expect(body).toContain('windowsExceptionList.outboundNat from nodes/win-worker-1/cni/cni.conf, line 15');
    expect(body).toContain('source: Kubernetes on Windows «我的 Windows Pod 無法 Ping 外部資源»');
    expect(body).toContain('fix:\n  Edit the node\'s cni.conf (C:\\k\\cni\\config)');
  });

  it('a rule lacking data is skipped with what to capture', async () => {
    const report = await scenarioReport('bad-input');
    const rule = report.notEvaluated.find((n) => n.missing.length === 1 && n.missing[0]!.subjects.length === 0 && !n.missing[0]!.checks)!;
    const suite = parse(formatJunit(report)).testsuite.find((s) => s['@_name'] === rule.ruleId)!;
    expect(suite.testcase).toEqual([
      expect.objectContaining({ '@_name': '(rule)', skipped: { '@_message': `not evaluated, data missing: capture ${rule.missing[0]!.capture}` } }),
    ]);
  });

  it('a suppressed finding is skipped with its reason', async () => {
    const report = await scenarioReport('bad-input');
    const finding = { ...report.findings[0]!, suppression: { rule: finding0(report).ruleId, reason: 'known; node is being replaced' } };
    const suite = parse(formatJunit({ ...report, findings: [], suppressed: [finding] } as typeof report)).testsuite.find((s) => s['@_name'] === finding.ruleId)!;
    expect(suite.testcase!.find((c) => c['@_name'] === 'Node win-worker-1')!.skipped!['@_message']).toMatch(/^suppressed: known; node is being replaced: /);
  });

  it('hostile text in every field stays well-formed and reads back', async () => {
    const report = withHostileFinding(await scenarioReport('bad-input'));
    const xml = formatJunit(report);
    const suite = parse(xml).testsuite.find((s) => s['@_name'] === report.findings[0]!.ruleId)!;
    const evil = suite.testcase!.find((c) => c.failure?.['@_message'].includes('<script>'))!;
    const readable = hostile.replace('\u0000', '\\u0000').replace('\u0007', '\\u0007').replace('\u001b', '\\u001b').replace('\ud800', '\ufffd');
    expect(evil.failure!['@_message']).toBe(readable);
    expect(evil['@_name']).toBe(`Pod ${readable}/${readable}`);
    expect(evil.failure!['#text']).toContain(`fix:\n  ${readable}`);
  });
});
