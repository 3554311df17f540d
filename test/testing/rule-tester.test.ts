import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/catalog/load-catalog.js';
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

describe('RuleTester with rules of your own', () => {
  const acme = new URL('../fixtures/acme/', import.meta.url).pathname;
  const ruleText = readFileSync(`${acme}my-rules/acme-svc-single-endpoint.yaml`, 'utf8');
  const acmeRule = parseRuleFile({ file: 'my-rules/acme-svc-single-endpoint.yaml', text: ruleText });
  const service = (name: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'shop' }, spec: { clusterIP: '10.96.0.10', selector: { app: name }, ports: [{ port: 80 }] } });
  const endpoints = (name: string, ips: string[]) => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'shop' }, subsets: [{ addresses: ips.map((ip) => ({ ip })) }] });
  const filesOf = (dir: string) => ['services.json', 'endpoints.json'].map((f) => ({ path: f, text: readFileSync(`${acme}snapshots/${dir}/${f}`, 'utf8') }));

  async function outcomesOf(tests: RuleTests): Promise<Record<string, string | undefined>> {
    const cases: Array<[string, () => Promise<void>]> = [];
    new RuleTester({ extraRules: [acmeRule], describe: (_n, body) => body(), it: (name, body) => void cases.push([name, body]) }).run('acme-svc-single-endpoint', tests);
    const out: Record<string, string | undefined> = {};
    for (const [name, body] of cases) out[name] = await body().then(() => undefined, (e: Error) => e.message);
    return out;
  }

  it('takes a directory path, buildSnapshot files or an inline object set as fixtures', async () => {
    const single = { messageId: 'single', subject: { kind: 'Service', namespace: 'shop', name: 'cart' } };
    const result = await outcomesOf({
      valid: [
        `${acme}snapshots/silent-two-ready-endpoints`,
        { name: 'files, two ready', snapshot: { files: filesOf('silent-two-ready-endpoints') } },
        { name: 'objects, two ready', snapshot: { objects: [service('cart'), endpoints('cart', ['10.244.1.2', '10.244.1.3'])] } },
      ],
      invalid: [
        { snapshot: `${acme}snapshots/fires-one-ready-endpoint`, findings: [single] },
        { name: 'files, one ready', snapshot: { files: filesOf('fires-one-ready-endpoint') }, findings: [single] },
        { name: 'objects, one ready', snapshot: { objects: [service('cart'), endpoints('cart', ['10.244.1.2'])] }, findings: [single] },
        { name: 'objects, wrong expectation', snapshot: { objects: [service('web'), endpoints('web', ['10.244.1.2'])] }, findings: [single] },
      ],
    });
    expect(result).toEqual({
      [`valid: ${acme}snapshots/silent-two-ready-endpoints`]: undefined,
      'valid: files, two ready': undefined,
      'valid: objects, two ready': undefined,
      [`invalid: ${acme}snapshots/fires-one-ready-endpoint`]: undefined,
      'invalid: files, one ready': undefined,
      'invalid: objects, one ready': undefined,
      'invalid: objects, wrong expectation': 'finding 0 (- single on Service shop/web: Service shop/web has one ready endpoint: a single pod failure takes it down.): expected subject.name cart, got web',
    });
  });

  it('says how to pass a rule it does not know', () => {
    const run = () => new RuleTester({ describe: (_n, b) => b(), it: () => {} }).run('acme-svc-single-endpoint', { valid: ['x'], invalid: [{ snapshot: 'y', findings: [{ messageId: 'single', subject: { name: 'cart' } }] }] });
    expect(run).toThrow(
      "unknown rule \"acme-svc-single-endpoint\": this RuleTester knows the built-in rules. Pass your own with new RuleTester({ extraRules: await loadRuleFiles('my-rules') }) (loadRuleFiles from 'kube-netdoctor/node'), or parseRuleFile({ file, text }) from 'kube-netdoctor'.",
    );
  });
});
