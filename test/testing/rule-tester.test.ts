import { describe, expect, it } from 'vitest';
import { RuleTester, RuleTestError, type RuleTests } from '../../src/testing/index.js';

const fixture = (name: string) => new URL(`../../snapshots/rules/rancher-flannel-annotations/${name}`, import.meta.url).pathname;
const id = 'rancher-flannel-annotations';

/** Runs the tester with a recording describe/it; returns each case's error (undefined when it passed). */
async function outcomes(tests: RuleTests): Promise<Record<string, string | undefined>> {
  const cases: Array<[string, () => Promise<void>]> = [];
  new RuleTester({ describe: (_n, body) => body(), it: (name, body) => void cases.push([name, body]) }).run(id, tests);
  const out: Record<string, string | undefined> = {};
  for (const [name, body] of cases) out[name] = await body().then(() => undefined, (e: Error) => e.message);
  return out;
}

const fires = fixture('fires-node-missing-annotations');
const silent = fixture('silent-all-annotated');
const right = { messageId: 'missingAnnotations', subject: { kind: 'Node', name: 'rke-node-2' } };

describe('RuleTester', () => {
  it('passes correct expectations', async () => {
    const result = await outcomes({ valid: [silent], invalid: [{ snapshot: fires, findings: [right] }] });
    expect(Object.values(result)).toEqual([undefined, undefined]);
  });

  it('fails a valid case that fires and an invalid case with the wrong count, subject or data', async () => {
    const result = await outcomes({
      valid: [fires],
      invalid: [
        { name: 'too many', snapshot: fires, findings: [right, right] },
        { name: 'wrong subject', snapshot: fires, findings: [{ ...right, subject: { name: 'rke-node-3' } }] },
        { name: 'wrong data', snapshot: fires, findings: [{ ...right, data: { missing: 'x' } }] },
      ],
    });
    expect(result[`valid: ${fires}`]).toContain('expected no finding, got 1');
    expect(result['invalid: too many']).toContain('expected 2 finding(s), got 1');
    expect(result['invalid: wrong subject']).toContain('expected subject.name rke-node-3, got rke-node-2');
    expect(result['invalid: wrong data']).toContain('expected data.missing "x"');
  });

  it('fails a valid case where the rule could not be evaluated (no silent pass)', async () => {
    const empty = new URL('../../snapshots/rules/x-svc-no-endpoints/silent-all-services-backed', import.meta.url).pathname;
    const result = await outcomes({ valid: [empty], invalid: [{ snapshot: fires, findings: [right] }] });
    expect(result[`valid: ${empty}`]).toContain('expected the rule to be evaluated, but it was not-evaluated');
  });

  it('rejects unknown message ids, empty expectations, duplicate cases and unknown rules up front', () => {
    const run = (tests: RuleTests, rule = id) => () => new RuleTester({ describe: (_n, b) => b(), it: () => {} }).run(rule, tests);
    expect(run({ valid: [silent], invalid: [{ snapshot: fires, findings: [{ ...right, messageId: 'nope' }] }] })).toThrow(RuleTestError);
    expect(run({ valid: [silent], invalid: [{ snapshot: fires, findings: [] }] })).toThrow(/lists no finding/);
    expect(run({ valid: [silent, silent], invalid: [{ snapshot: fires, findings: [right] }] })).toThrow(/duplicate case/);
    expect(run({ valid: [], invalid: [{ snapshot: fires, findings: [right] }] })).toThrow(/valid case/);
    expect(run({ valid: [silent], invalid: [{ snapshot: fires, findings: [right] }] }, 'no-such-rule')).toThrow(/unknown rule/);
  });
});
