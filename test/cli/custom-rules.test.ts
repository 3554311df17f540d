import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from '../../src/cli/main.js';

const root = new URL('../../', import.meta.url).pathname;
const acme = new URL('../fixtures/acme/', import.meta.url).pathname;
const scenario = `${root}snapshots/scenarios/tke-security-groups`;

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false, env: {} });
  return { code, stdout, stderr };
}

describe('kube-netdoctor analyze --rules', () => {
  it('runs your rules together with the built-in catalog', async () => {
    const { code, stdout } = await run(['analyze', scenario, '--rules', `${acme}my-rules`, '--format', 'json', '--fail-on', 'none']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: Array<{ ruleId: string; subject: { name: string }; source: unknown }> };
    const own = report.findings.filter((f) => f.ruleId === 'acme-svc-single-endpoint');
    expect(own.map((f) => f.subject.name)).toEqual(['kubernetes', 'web']);
    expect(own[0]!.source).toEqual([{ url: 'https://wiki.example.com/ha', section: 'HA policy' }]);
    const builtin = new Set(report.findings.filter((f) => !f.ruleId.startsWith('acme-')).map((f) => f.ruleId));
    expect(builtin.size).toBeGreaterThan(0);
    const without = JSON.parse((await run(['analyze', scenario, '--format', 'json', '--fail-on', 'none'])).stdout) as typeof report;
    expect(new Set(without.findings.map((f) => f.ruleId))).toEqual(builtin);
  });

  it('SARIF lists your rules beside the built-in ones and names the tool version', async () => {
    const { stdout } = await run(['analyze', scenario, '--rules', `${acme}my-rules`, '--format', 'sarif', '--fail-on', 'none']);
    const driver = (JSON.parse(stdout) as { runs: Array<{ tool: { driver: { version: string; rules: Array<{ id: string }> } } }> }).runs[0]!.tool.driver;
    expect(driver.version).toBe(packageJson.version);
    expect(driver.rules.map((r) => r.id)).toContain('acme-svc-single-endpoint');
    expect(driver.rules.map((r) => r.id)).toContain('tke-sg-pod-cidr');
  });

  it('rules and explain take --rules: your rules are listed and explained beside the built-in ones', async () => {
    const listed = JSON.parse((await run(['rules', '--rules', `${acme}my-rules`, '--only', 'acme-svc-single-endpoint,x-cidr-overlap', '--format', 'json'])).stdout) as Array<{ id: string; docs?: string }>;
    expect(listed.map((r) => [r.id, r.docs !== undefined]).sort()).toEqual([['acme-svc-single-endpoint', false], ['x-cidr-overlap', true]]);
    const explained = await run(['explain', 'acme-svc-single-endpoint', '--rules', `${acme}my-rules`]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('https://wiki.example.com/ha');
    expect(explained.stdout).toContain('--rules <your rule files> --only acme-svc-single-endpoint');
    expect(explained.stdout).not.toContain('reference page');
    expect((await run(['explain', 'acme-svc-single-endpoint'])).code).toBe(2);
  });

  it('takes --rules more than once, files or directories', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netdoctor-rules-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(`${acme}my-rules/acme-svc-single-endpoint.yaml`, join(dir, 'acme-svc-single-endpoint.yaml'));
    const twice = await run(['analyze', scenario, '--rules', dir, '--rules', `${acme}my-rules/acme-svc-single-endpoint.yaml`]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`rule id "acme-svc-single-endpoint" is defined in ${join(dir, 'acme-svc-single-endpoint.yaml')} and ${acme}my-rules/acme-svc-single-endpoint.yaml`);
  });

  it('exits 2 naming the real file, line and path of a bad rule', async () => {
    const { code, stderr } = await run(['analyze', scenario, '--rules', `${acme}bad-rules`]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${acme}bad-rules/acme-bad-source.yaml:5: source: source must be { doc, section }`);
  });

  it('rejects an unknown built-in rule id clash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netdoctor-rules-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'x-svc-no-endpoints.yaml'), readFileSync(`${acme}my-rules/acme-svc-single-endpoint.yaml`, 'utf8').replace('id: acme-svc-single-endpoint', 'id: x-svc-no-endpoints'));
    const { code, stderr } = await run(['analyze', scenario, '--rules', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('rule id "x-svc-no-endpoints" is defined in rules/x/x-svc-no-endpoints.yaml and');
  });
});

describe('kube-netdoctor validate', () => {
  it('accepts a valid rule directory', async () => {
    const { code, stdout } = await run(['validate', `${acme}my-rules`]);
    expect(code).toBe(0);
    expect(stdout).toBe('1 valid rule(s) in 1 file(s)\n');
  });

  it('lists every problem of every file (flat and nested) with file, line and path, and exits 1', async () => {
    const relativeDir = relative(process.cwd(), `${acme}bad-rules`);
    const { code, stderr } = await run(['validate', relativeDir, `${acme}my-rules/acme-svc-single-endpoint.yaml`]);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toEqual([
      `${relativeDir}/acme-bad-source.yaml:5: source: source must be { doc, section } with doc one of iks, win, rancher, tke, ack, or, for your own rules, { url, section } or { title, section }; not doc`,
      `${relativeDir}/team/acme-bad-operator.yaml:13: checks.0.conditions.all.0.operator: unknown operator "equals"`,
      '1 valid rule(s) in 3 file(s); 2 problem(s) in 2 file(s)',
      '',
    ]);
  });

  it('exits 2 for a path that cannot be read or a missing argument', async () => {
    expect((await run(['validate', `${acme}nope`])).code).toBe(2);
    expect((await run(['validate'])).code).toBe(2);
  });
});
