import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { applyBaseline, baselineFingerprints } from '../../src/findings/baseline.js';
import { findingFingerprint } from '../../src/findings/fingerprint.js';
import { matchGlob } from '../../src/findings/match-glob.js';
import type { Report } from '../../src/findings/schema.js';
import { applySuppressions } from '../../src/findings/suppressions.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';

const example = new URL('../../snapshots/scenarios/ack-flannel-after-manual-upgrade', import.meta.url).pathname;
let report: Report;
beforeAll(async () => {
  const loaded = await loadSnapshot(example);
  report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
});

describe('matchGlob', () => {
  it.each([
    ['api', 'api', true],
    ['api-*', 'api-v2', true],
    ['api-*', 'api', false],
    ['*', '', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*-gateway-*', 'kube-gateway-1', true],
    ['*x*y*z', 'axbyyz', true],
    ['*x*y*z', 'axbyzy', false],
  ])('%s ~ %s → %s', (pattern, text, expected) => expect(matchGlob(pattern, text)).toBe(expected));

  it('stays fast on a pathological pattern', () => {
    const started = performance.now();
    expect(matchGlob(`${'*a'.repeat(50)}b`, 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('findingFingerprint', () => {
  const base = { ruleId: 'x-svc-no-endpoints', messageId: 'noReady', subject: { kind: 'Service', namespace: 'default', name: 'api' } };
  it('is 16 hex digits, stable, and ignores everything but rule, subject and message id', () => {
    const fp = findingFingerprint(base);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(fp).toBe('6ee8043c7bc1d86a'); // pinned: a change breaks every saved baseline
    expect(findingFingerprint({ ...base, subject: { ...base.subject, node: 'n1' } } as never)).toBe(fp);
  });
  it('differs when any part differs (no accidental concatenation clash)', () => {
    const fp = findingFingerprint(base);
    expect(findingFingerprint({ ...base, messageId: 'other' })).not.toBe(fp);
    expect(findingFingerprint({ ...base, subject: { ...base.subject, namespace: 'kube-system' } })).not.toBe(fp);
    expect(findingFingerprint({ ...base, subject: { kind: 'Service', namespace: 'defaulta', name: 'pi' } })).not.toBe(fp);
    expect(findingFingerprint({ ...base, subject: { kind: 'Service', name: 'api' } })).not.toBe(fp);
  });
});

describe('applySuppressions', () => {
  it('moves matching findings to suppressed with their reason and recounts the summary', () => {
    const target = report.findings.find((f) => f.ruleId === 'x-svc-no-endpoints')!;
    const out = applySuppressions(report, [{ rule: 'x-svc-*', subject: { namespace: 'def*', name: 'api' }, reason: 'decommissioned', expires: '2030-01-01', file: 'c.yaml', line: 3 }], {
      now: new Date('2026-06-01T00:00:00Z'),
    });
    expect(out.findings).toHaveLength(report.findings.length - 1);
    expect(out.suppressed).toEqual([{ ...target, suppression: { rule: 'x-svc-*', reason: 'decommissioned', expires: '2030-01-01', file: 'c.yaml', line: 3 } }]);
    expect(out.summary.suppressed).toBe(1);
    expect(out.summary.findings[target.severity]).toBe(report.summary.findings[target.severity] - 1);
    expect(report.suppressed).toBeUndefined(); // pure
  });

  it('a subject pattern that does not match suppresses nothing', () => {
    const out = applySuppressions(report, [{ rule: 'x-svc-no-endpoints', subject: { name: 'web' }, reason: 'r' }]);
    expect(out.findings).toEqual(report.findings);
    expect(out.summary.suppressed).toBe(0);
  });

  it('an expired suppression suppresses nothing and is a warning with its file and line; the expiry day itself still holds', () => {
    const rule = { rule: 'x-svc-no-endpoints', reason: 'accepted until the migration', expires: '2026-05-31', file: 'c.yaml', line: 7 };
    const onTheDay = applySuppressions(report, [rule], { now: new Date('2026-05-31T23:00:00Z') });
    expect(onTheDay.summary.suppressed).toBe(1);
    const after = applySuppressions(report, [rule], { now: new Date('2026-06-01T00:00:00Z') });
    expect(after.findings).toEqual(report.findings);
    expect(after.diagnostics.filter((d) => d.code === 'suppression-expired')).toEqual([
      {
        severity: 'warning',
        code: 'suppression-expired',
        message: 'suppression of x-svc-no-endpoints expired on 2026-05-31; its findings are reported again (reason was: accepted until the migration)',
        file: 'c.yaml',
        line: 7,
      },
    ]);
    expect(after.summary.diagnostics.warning).toBe(report.summary.diagnostics.warning + 1);
  });
});

describe('baseline', () => {
  it('leaves out known findings and counts them', () => {
    const known = baselineFingerprints(JSON.parse(JSON.stringify({ ...report, findings: report.findings.slice(0, 2) })));
    expect(known.ok).toBe(true);
    if (!known.ok) return;
    const out = applyBaseline(report, known.fingerprints);
    expect(out.findings).toEqual(report.findings.slice(2));
    expect(out.summary.baseline).toEqual({ known: 2, new: report.findings.length - 2 });
  });

  it('counts suppressed findings of the baseline as known', () => {
    const suppressed = applySuppressions(report, [{ rule: '*', reason: 'all accepted' }]);
    const known = baselineFingerprints(suppressed);
    expect(known.ok && applyBaseline(report, known.fingerprints).findings).toEqual([]);
  });

  it('a finding that folds in a known one is the same problem, and the other way round', async () => {
    const loaded = await loadSnapshot(new URL('../../snapshots/scenarios/tke-service-unreachable', import.meta.url).pathname);
    const folded = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    const kept = folded.findings.find((f) => f.ruleId === 'tke-service-unreachable')!;
    expect(kept.related).toEqual([expect.objectContaining({ ruleId: 'x-svc-no-endpoints', relation: 'repeats' })]);
    const repeated = { ...kept, ruleId: 'x-svc-no-endpoints', messageId: 'noReadyEndpoints', related: undefined };
    // An older report listed only the repeated finding: the one that folds it in now is known.
    const older = baselineFingerprints({ findings: [repeated] });
    expect(older.ok && applyBaseline(folded, older.fingerprints).findings.map((f) => f.ruleId)).not.toContain('tke-service-unreachable');
    // A newer report folded it in: the repeated finding on its own later is known too.
    const newer = baselineFingerprints(JSON.parse(JSON.stringify({ findings: [kept] })));
    expect(newer.ok && newer.fingerprints.has(findingFingerprint(repeated))).toBe(true);
    expect(older.ok && applyBaseline(folded, older.fingerprints).summary.baseline?.known).toBe(1);
  });

  it('says what is wrong with a file that is not a report', () => {
    expect(baselineFingerprints({ findings: [{ ruleId: 'a' }] })).toEqual({ ok: false, error: expect.stringMatching(/^not a kube-netdoctor JSON report: findings\.0\.messageId: /) });
    expect(baselineFingerprints([])).toMatchObject({ ok: false, error: expect.stringContaining('(top level)') });
  });
});
