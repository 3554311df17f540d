// The CLI as a user runs it: the bundle `npm run build` makes, started by node in a child process.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/catalog/builtin-catalog.js';
import { buildCli } from './build-cli.js';

const repo = resolve(import.meta.dirname, '../..');
const example = join(repo, 'snapshots/scenarios/ack-flannel-after-manual-upgrade');
const packageVersion = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version as string;
let cli: string;
let tmp: string;

beforeAll(async () => {
  cli = await buildCli();
  tmp = mkdtempSync(join(tmpdir(), 'kube-netdoctor-cli-'));
}, 120_000);
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(dirname(cli), { recursive: true, force: true });
});

function run(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; bin?: string; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [options.bin ?? cli, ...args], {
    input: options.input ?? '',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    cwd: options.cwd ?? tmp,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const json = (args: string[], options?: Parameters<typeof run>[1]) => {
  const r = run([...args, '--format', 'json'], options);
  return { ...r, report: JSON.parse(r.stdout) };
};

describe('basics', () => {
  it('--version, help, and one line for a missing command or an unknown flag', () => {
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: '' });
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('kube-netdoctor: missing command; run "kube-netdoctor --help" for the commands\n');
    const bogus = run(['analyze', example, '--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe(`kube-netdoctor: unknown option '--bogus'\n(run "kube-netdoctor analyze --help" for usage and examples)\n`);
    const help = run(['help']);
    expect(help.code).toBe(0);
    for (const verb of ['analyze', 'rules', 'explain', 'help']) expect(help.stdout).toMatch(new RegExp(`^  ${verb} `, 'm'));
    for (const verb of ['analyze', 'rules', 'explain']) {
      const verbHelp = run([verb, '--help']);
      expect(verbHelp.code).toBe(0);
      expect(verbHelp.stdout).toContain(`Usage: kube-netdoctor ${verb}`);
      expect(verbHelp.stdout).toContain('Examples:\n  $ kube-netdoctor ');
    }
  });

  it('option values are case-insensitive; a bad value is one line and exit 2', () => {
    expect(run(['analyze', example, '--fail-on', 'ERROR']).code).toBe(1);
    expect(run(['analyze', example, '--fail-on', 'Critical']).code).toBe(0);
    const bad = run(['analyze', example, '--fail-on', 'fatal']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe("kube-netdoctor: option '--fail-on <severity>' argument 'fatal' is invalid. must be one of critical, error, warning, info, none.");
  });

  it('runs under a symlink and under another name', () => {
    const link = join(tmp, 'kube-netdoctor-link');
    symlinkSync(cli, link);
    expect(run(['--version'], { bin: link }).stdout).toBe(`${packageVersion}\n`);
    // A renamed copy beside the original (its imports still resolve), as a shim might start it.
    const renamed = join(dirname(cli), 'netdoctor.mjs');
    copyFileSync(cli, renamed);
    expect(run(['--version'], { bin: renamed }).stdout).toBe(`${packageVersion}\n`);
  });
});

describe('nothing loaded is exit 2 with the reason', () => {
  it('an empty directory', () => {
    mkdirSync(join(tmp, 'empty'));
    const r = run(['analyze', join(tmp, 'empty')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`kube-netdoctor: nothing to analyse in ${join(tmp, 'empty')}: no files found`);
  });

  it('a directory where every file is broken; a truncated JSON file in JSON words', () => {
    mkdirSync(join(tmp, 'broken'));
    writeFileSync(join(tmp, 'broken/pods.json'), '{"kind":"List","items":[{"kind":"Pod",\n');
    writeFileSync(join(tmp, 'broken/services.yaml'), 'items: [\n');
    const r = run(['analyze', join(tmp, 'broken')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(2 files: 2 could not be read)');
    expect(r.stderr).toContain('  pods.json:1: invalid JSON: unexpected end of JSON input (expected double-quoted property name)\n');
    expect(r.stderr).not.toContain('Flow map');
  });

  it('a named file that is ignored', () => {
    writeFileSync(join(tmp, 'notes.txt'), 'hello');
    const r = run(['analyze', join(tmp, 'notes.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('notes.txt: ignored: not a Kubernetes object file');
  });

  it('a path that does not exist', () => {
    const r = run(['analyze', join(tmp, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read snapshot');
  });
});

describe('stdin', () => {
  it('- reads one JSON file from standard input', () => {
    const services = JSON.parse(readFileSync(join(example, 'services.json'), 'utf8'));
    const endpoints = JSON.parse(readFileSync(join(example, 'endpoints.json'), 'utf8'));
    const pods = JSON.parse(readFileSync(join(example, 'pods.json'), 'utf8'));
    const list = { apiVersion: 'v1', kind: 'List', items: [...services.items, ...endpoints.items, ...pods.items] };
    const r = json(['analyze', '-', '--only', 'x-svc-no-endpoints'], { input: JSON.stringify(list) });
    expect(r.code).toBe(1);
    expect(r.report.findings.map((f: { ruleId: string; subject: unknown }) => [f.ruleId, f.subject])).toEqual([
      ['x-svc-no-endpoints', { kind: 'Service', namespace: 'default', name: 'api' }],
    ]);
  });

  it('a truncated document on stdin is exit 2 in JSON words', () => {
    const r = run(['analyze', '-'], { input: '{"kind": "List", "items": [' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdin.json:1: invalid JSON: unexpected end of JSON input');
  });
});

describe('rules and explain', () => {
  it('rules: a table of every rule; --format json; --only by document', () => {
    const table = run(['rules']);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID +SEVERITY +DOCUMENT +TITLE$/);
    expect(lines).toContainEqual(expect.stringMatching(/^x-cidr-overlap +error +ack,tke,win +Pod, Service, node and external address ranges overlap$/));
    expect(table.stdout).toContain(`\n${builtinRules().length} rules;`);
    const list = JSON.parse(run(['rules', '--format', 'JSON']).stdout);
    expect(list.map((r: { id: string }) => r.id)).toEqual(builtinRules().map((r) => r.id));
    expect(list.find((r: { id: string }) => r.id === 'ack-flannel-hairpin')).toMatchObject({
      severity: 'warning',
      documents: [{ doc: 'ack', name: 'Alibaba Cloud ACK', section: '如何让Pod访问自己暴露的服务?' }],
      needs: ['configmaps'],
      appliesTo: { cni: ['flannel'] },
    });
    const win = JSON.parse(run(['rules', '--only', 'win', '--format', 'json']).stdout);
    expect(win.length).toBeGreaterThan(0);
    expect(win.every((r: { documents: { doc: string }[] }) => r.documents.some((d) => d.doc === 'win'))).toBe(true);
    const unknown = run(['rules', '--only', 'wnidows']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('kube-netdoctor: unknown rule id or document key: wnidows');
  });

  it('explain: what it checks, data it needs, source, remediation, examples', () => {
    const r = run(['explain', 'ack-flannel-hairpin']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ack-flannel-hairpin: Flannel hairpin mode off, so pods cannot reach their own Service\n');
    expect(r.stdout).toContain('  hairpinDisabled (warning) when flannelHairpin.belowHairpinMinimum equal false and flannelHairpin.hairpinMode equal false\n');
    expect(r.stdout).toContain('  configmaps: kubectl -n kube-system get configmaps -o json > configmaps.json\n');
    expect(r.stdout).toContain('  Alibaba Cloud ACK (ack): «如何让Pod访问自己暴露的服务?»\n');
    expect(r.stdout).toContain('  Only fresh installs of v0.15.1.4-e02c8f12-aliyun or later enable hairpin by default; upgrades do not.\n');
    expect(r.stdout).toContain('/snapshots/rules/ack-flannel-hairpin\n');
    expect(r.stdout).toContain('Examples:\n  on snapshots/rules/ack-flannel-hairpin/fires-hairpin-not-enabled it reports (warning, Cluster ack-hz-prod):\n    delegate.hairpinMode is not set in kube-flannel-cfg cni-conf.json');
    const unknown = run(['explain', 'hairpin']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('kube-netdoctor: unknown rule "hairpin"; did you mean ack-flannel-hairpin?');
  });
});

describe('--only / --skip', () => {
  it('take rule ids and document keys; an unknown id is a usage error', () => {
    const only = json(['analyze', example, '--only', 'x-svc-no-endpoints,ack-flannel-hairpin']);
    expect(only.report.rules.map((r: { ruleId: string }) => r.ruleId)).toEqual(['ack-flannel-hairpin', 'x-svc-no-endpoints']);
    const skip = json(['analyze', example, '--skip', 'ack']);
    expect(skip.report.rules.some((r: { ruleId: string }) => r.ruleId.startsWith('ack-'))).toBe(false);
    const bad = run(['analyze', example, '--only', 'x-svc-no-endpoint']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.split('\n')[0]).toBe('kube-netdoctor: unknown rule id or document key: x-svc-no-endpoint');
  });
});

describe('config file, suppressions, baseline', () => {
  const project = () => join(tmp, 'project');
  beforeAll(() => {
    cpSync(example, join(project(), 'snapshot'), { recursive: true });
    mkdirSync(join(project(), 'my-rules/x'), { recursive: true });
    writeFileSync(
      join(project(), 'my-rules/x/x-svc-few-endpoints.yaml'),
      [
        'id: x-svc-few-endpoints',
        'title: Service has fewer than two ready endpoints',
        'severity: warning',
        'subject: Service',
        'spec: [x-svc-no-endpoints]',
        'source: { doc: tke, section: 集群内 Service 无法访问 }',
        'needs: [services, endpoints]',
        'messages:',
        '  few: "{{subject}} has fewer than two ready endpoints."',
        'checks:',
        '  - messageId: few',
        '    conditions:',
        '      all:',
        '        - { fact: serviceEndpoints, path: ready, operator: lessThan, value: 2 }',
        'remediation: Run at least two replicas behind every Service (not from the document).',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project(), 'kube-netdoctor.config.yaml'),
      [
        'rules:',
        '  ack-flannel-hairpin: error',
        '  ack-ipvs-udp-timeout: off',
        'ruleDirectories: [./my-rules]',
        'suppressions:',
        '  - rule: x-svc-no-endpoints',
        '    subject: { namespace: default, name: "ap*" }',
        '    reason: api is being decommissioned',
        '    expires: 2099-12-31',
        '  - rule: ack-conntrack-full',
        '    reason: conntrack raised last week',
        '    expires: 2020-01-01',
        '',
      ].join('\n'),
    );
  });

  it('is found upward from the snapshot: on/off, severity, extra rules, suppressions with expiry', () => {
    const { code, report } = json(['analyze', join(project(), 'snapshot')]);
    expect(code).toBe(1);
    const ids = report.findings.map((f: { ruleId: string; severity: string }) => `${f.severity} ${f.ruleId}`);
    expect(ids).toEqual([
      'error ack-conntrack-full', // its suppression expired
      'warning ack-flannel-cniversion',
      'error ack-flannel-hairpin', // severity raised by the config
      'error ack-ipam-range-exhausted',
      'info tke-service-rules',
      'warning x-svc-few-endpoints', // from ruleDirectories
    ]);
    expect(report.rules.some((r: { ruleId: string }) => r.ruleId === 'ack-ipvs-udp-timeout')).toBe(false);
    expect(report.suppressed).toEqual([
      expect.objectContaining({
        ruleId: 'x-svc-no-endpoints',
        subject: { kind: 'Service', namespace: 'default', name: 'api' },
        suppression: { rule: 'x-svc-no-endpoints', reason: 'api is being decommissioned', expires: '2099-12-31', file: 'project/kube-netdoctor.config.yaml', line: 6 },
      }),
    ]);
    expect(report.summary.suppressed).toBe(1);
    expect(report.summary.findings).toEqual({ critical: 0, error: 3, warning: 2, info: 1 });
    expect(report.diagnostics).toContainEqual({
      severity: 'warning',
      code: 'suppression-expired',
      message: 'suppression of ack-conntrack-full expired on 2020-01-01; its findings are reported again (reason was: conntrack raised last week)',
      file: 'project/kube-netdoctor.config.yaml',
      line: 10,
    });
    const text = run(['analyze', join(project(), 'snapshot')]).stdout;
    expect(text).toContain('SUPPRESSED (1)\n  - [x-svc-no-endpoints] Service default/api: api is being decommissioned (until 2099-12-31)\n');
    expect(text).toMatch(/; 1 suppressed\n$/);
  });

  it('--no-config ignores it; --config names one; a bad one is exit 2 with file and line', () => {
    expect(json(['analyze', join(project(), 'snapshot'), '--no-config']).report.suppressed).toBeUndefined();
    writeFileSync(join(tmp, 'other.yaml'), 'rules:\n  x-svc-no-endpoints: off\n');
    const other = json(['analyze', join(project(), 'snapshot'), '--config', join(tmp, 'other.yaml')]).report;
    expect(other.rules.some((r: { ruleId: string }) => r.ruleId === 'x-svc-no-endpoints')).toBe(false);
    writeFileSync(join(tmp, 'bad.yaml'), 'suppressions:\n  - rule: x-svc-no-endpoints\n    expires: 2026-01-01\n');
    const bad = run(['analyze', example, '--config', join(tmp, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('kube-netdoctor: bad.yaml:2: suppressions.0.reason: Invalid input: expected string, received undefined\n');
    writeFileSync(join(tmp, 'typo.yaml'), 'suppressions:\n  - rule: x-svc-no-endpoint\n    reason: r\n');
    const typo = run(['analyze', example, '--config', join(tmp, 'typo.yaml')]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('kube-netdoctor: typo.yaml:2: suppression names unknown rule "x-svc-no-endpoint"\n');
  });

  it('--baseline reports only new findings and says how many were known', () => {
    const first = run(['analyze', example, '--format', 'json']);
    const previous = JSON.parse(first.stdout);
    const dropped = previous.findings.find((f: { ruleId: string }) => f.ruleId === 'x-svc-no-endpoints');
    previous.findings = previous.findings.filter((f: unknown) => f !== dropped);
    writeFileSync(join(tmp, 'baseline.json'), JSON.stringify(previous));
    const { code, report } = json(['analyze', example, '--baseline', join(tmp, 'baseline.json')]);
    expect(code).toBe(1);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['x-svc-no-endpoints']);
    expect(report.summary.baseline).toEqual({ known: previous.findings.length, new: 1 });
    writeFileSync(join(tmp, 'full-baseline.json'), first.stdout);
    const text = run(['analyze', example, '--baseline', join(tmp, 'full-baseline.json')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('No findings.');
    expect(text.stdout).toMatch(new RegExp(`; ${previous.findings.length + 1} already in the baseline\\n$`));
    const notReport = run(['analyze', example, '--baseline', join(example, 'services.json')]);
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toMatch(/^kube-netdoctor: baseline .*services\.json: not a kube-netdoctor JSON report: findings: /);
  });
});

describe('progress and colour', () => {
  it('progress on stderr only on a terminal (stood in for by env), never with --quiet, never on stdout', () => {
    const tty = { KUBE_NETDOCTOR_STDERR_TTY: '1', KUBE_NETDOCTOR_PROGRESS_DELAY_MS: '0' };
    const shown = run(['analyze', example, '--format', 'json'], { env: tty });
    expect(shown.stderr).toMatch(/\rkube-netdoctor: reading files \d+\/\d+ \([\d.]+ MB of [\d.]+ MB\)/);
    expect(shown.stderr).toMatch(/\rkube-netdoctor: \d+ objects loaded; evaluating rule \d+\/\d+ \([a-z0-9-]+\)/);
    expect(() => JSON.parse(shown.stdout)).not.toThrow();
    expect(run(['analyze', example, '--format', 'json', '--quiet'], { env: tty }).stderr).toBe('');
    expect(run(['analyze', example, '--format', 'json'], { env: { KUBE_NETDOCTOR_PROGRESS_DELAY_MS: '0' } }).stderr).toBe('');
  });

  it('FORCE_COLOR colours piped text; NO_COLOR and plain pipes do not', () => {
    expect(run(['analyze', example], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
    expect(run(['analyze', example]).stdout).not.toContain('\u001b[');
    expect(run(['analyze', example], { env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\u001b[');
  });
});
