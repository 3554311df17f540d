import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/schema.js';
import { formatSarif, sarifFingerprintKey } from '../../src/reporters/sarif.js';
import { hostile, scenarioNames, scenarioReport, withHostileFinding } from './scenario-reports.js';

// The official OASIS schema (provenance: test/fixtures/sarif/PROVENANCE.md); draft-04, hence ajv-draft-04.
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function validSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
  return log;
}

describe('formatSarif', () => {
  it('the validator rejects what the schema forbids (so a pass means something)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

  for (const name of scenarioNames) {
    it(`${name}: valid SARIF 2.1.0 with one result per finding and a notification per gap and input problem`, async () => {
      const report = await scenarioReport(name);
      const log = validSarif(formatSarif(report, { toolVersion: '0.1.0' }));
      expect(log.runs).toHaveLength(1);
      const run = log.runs[0]!;
      const rules = run.tool.driver.rules!;
      expect(rules.map((r) => r.id)).toEqual([...new Set(report.rules.map((r) => r.ruleId))].sort());
      expect(run.results).toHaveLength(report.findings.length);
      for (const [i, result] of run.results!.entries()) {
        const finding = report.findings[i]!;
        expect(result.ruleId).toBe(finding.ruleId);
        expect(rules[result.ruleIndex!]!.id).toBe(finding.ruleId);
        expect(result.message.text).toBe(finding.message);
        expect(result.level).toBe({ critical: 'error', error: 'error', warning: 'warning', info: 'note' }[finding.severity]);
        for (const loc of result.locations ?? []) {
          const uri = loc.physicalLocation?.artifactLocation?.uri;
          if (uri !== undefined) expect(uri.startsWith('/') || /^[a-z]+:/i.test(uri)).toBe(false);
        }
      }
      const notifications = run.invocations![0]!.toolExecutionNotifications!;
      const gaps = report.notEvaluated.flatMap((n) => n.missing.map((m) => ({ ruleId: n.ruleId, ...m })));
      expect(notifications).toHaveLength(gaps.length + report.diagnostics.length);
      for (const [i, gap] of gaps.entries()) {
        expect(notifications[i]!.associatedRule!.id).toBe(gap.ruleId);
        expect(notifications[i]!.message.text).toContain(`capture ${gap.capture}`);
      }
    });
  }

  it('locates a finding at the snapshot file and line of its evidence, relative to the snapshot root', async () => {
    const log = validSarif(formatSarif(await scenarioReport('bad-input')));
    const result = log.runs[0]!.results!.find((r) => r.ruleId === 'win-exceptionlist-coverage')!;
    expect(result.locations).toEqual([{
      physicalLocation: { artifactLocation: { uri: 'nodes/win-worker-1/cni/cni.conf', uriBaseId: 'SNAPSHOTROOT' }, region: { startLine: 15 } },
      message: { text: 'windowsExceptionList.outboundNat' },
      logicalLocations: [{ name: 'win-worker-1', fullyQualifiedName: 'Node win-worker-1', kind: 'Node' }],
    }]);
    const rule = log.runs[0]!.tool.driver.rules!.find((r) => r.id === 'win-exceptionlist-coverage')!;
    expect(rule).toMatchObject({
      name: 'WinExceptionlistCoverage',
      shortDescription: { text: 'Windows CNI ExceptionList does not cover the cluster, Service and management subnets' },
      helpUri: 'https://github.com/kube-netdoctor/kube-netdoctor/blob/main/docs/rules/win-exceptionlist-coverage.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(rule.fullDescription!.text).toContain('Kubernetes on Windows «我的 Windows Pod 無法 Ping 外部資源»');
    expect(rule.help!.text).toContain('"ExceptionList": [');
    const diagnostics = log.runs[0]!.invocations![0]!.toolExecutionNotifications!.filter((n) => n.descriptor);
    expect(diagnostics.map((n) => n.locations?.[0]?.physicalLocation?.artifactLocation?.uri)).toEqual(['broken.yaml', 'nodes/k8s-master/dmesg', 'services.json']);
  });

  it('with pathPrefix, paths are relative to the repository root where the snapshot lies', async () => {
    const log = validSarif(formatSarif(await scenarioReport('bad-input'), { pathPrefix: 'clusters/prod/' }));
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'clusters/prod/nodes/win-worker-1/cni/cni.conf' });
    expect(log.runs[0]!.originalUriBaseIds).toBeUndefined();
  });

  it('a line inside a ConfigMap value is named in the message, not given as a line of the file', async () => {
    const report = await scenarioReport('tke-service-unreachable');
    const finding = report.findings.find((f) => f.evidence.some((e) => e.source?.key));
    expect(finding, 'a finding whose evidence is in a ConfigMap key').toBeDefined();
    const log = validSarif(formatSarif(report));
    const result = log.runs[0]!.results!.find((r) => r.ruleId === finding!.ruleId)!;
    const keyed = result.locations!.find((l) => l.message?.text?.includes('key '))!;
    expect(keyed.physicalLocation!.region).toBeUndefined();
  });

  it('fingerprints depend on rule, subject and message id only', async () => {
    const report = await scenarioReport('bad-input');
    const finding = report.findings[0]!;
    const moved: Finding = {
      ...finding,
      message: `${finding.message} (changed text)`,
      evidence: finding.evidence.map((e) => ({ ...e, source: { file: e.source!.file, line: 99 } })),
      subject: { ...finding.subject, node: 'elsewhere' },
    };
    const other: Finding = { ...finding, subject: { ...finding.subject, name: 'win-worker-2' } };
    const fingerprints = (findings: Finding[]) =>
      (JSON.parse(formatSarif({ ...report, findings })) as Sarif.Log).runs[0]!.results!.map((r) => r.partialFingerprints![sarifFingerprintKey]);
    const [a, b, c] = fingerprints([finding, moved, other]);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    // Stable across runs and versions: pinned.
    expect(a).toMatchInlineSnapshot(`"130d3676595f50a7"`);
  });

  it('a result names the findings it folded in, in its properties', async () => {
    const log = JSON.parse(formatSarif(await scenarioReport('tke-service-unreachable'))) as Sarif.Log;
    const result = log.runs[0]!.results!.find((r) => r.ruleId === 'tke-service-unreachable')!;
    expect(result.properties!.related).toEqual([{ ruleId: 'x-svc-no-endpoints', messageId: 'noReadyEndpoints', subject: { kind: 'Service', name: 'web', namespace: 'shop' }, relation: 'repeats' }]);
  });

  it('a suppressed finding is listed with SARIF suppressions', async () => {
    const report = await scenarioReport('bad-input');
    const suppression = { rule: 'win-*', reason: 'accepted until the node is replaced', expires: '2027-01-31', file: 'kube-netdoctor.config.yaml', line: 4 };
    const suppressed = [{ ...report.findings[0]!, suppression }];
    const log = validSarif(formatSarif({ ...report, findings: [], suppressed } as typeof report));
    expect(log.runs[0]!.results).toHaveLength(1);
    expect(log.runs[0]!.results![0]!.suppressions).toEqual([{
      kind: 'external',
      status: 'accepted',
      justification: 'accepted until the node is replaced',
      location: { physicalLocation: { artifactLocation: { uri: 'kube-netdoctor.config.yaml' }, region: { startLine: 4 } } },
      properties: { rule: 'win-*', expires: '2027-01-31' },
    }]);
  });

  it('hostile text stays valid SARIF and round-trips', async () => {
    const report = withHostileFinding(await scenarioReport('bad-input'));
    const log = validSarif(formatSarif(report));
    const result = log.runs[0]!.results!.at(-1)!;
    expect(result.message.text).toBe(hostile);
    const uri = result.locations![0]!.physicalLocation!.artifactLocation!.uri!;
    expect(uri).not.toMatch(/[<>" \u0000-\u001f]/);
    expect(decodeURIComponent(uri)).toBe(`nodes/${hostile.replace('\ud800', '\ufffd')}/cni.conf`);
  });
});
