import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

const snapshots = new URL('../../snapshots/', import.meta.url).pathname;

async function run(args: string[], { isTty = false, env = {} as Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty, env });
  return { code, stdout, stderr };
}

describe('kube-netdoctor analyze', () => {
  const example = `${snapshots}scenarios/ack-flannel-after-manual-upgrade`;
  const silent = `${snapshots}rules/rancher-flannel-annotations/silent-all-annotated`;

  it('prints the report as JSON with every finding field, and exits 1 on errors', async () => {
    const { code, stdout } = await run(['analyze', example, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report).sort()).toEqual(['diagnostics', 'findings', 'notEvaluated', 'rules', 'snapshot', 'summary']);
    const finding = report.findings.find((f: { ruleId: string }) => f.ruleId === 'x-svc-no-endpoints');
    expect(Object.keys(finding).sort()).toEqual(['data', 'evidence', 'message', 'messageId', 'remediation', 'ruleId', 'severity', 'source', 'spec', 'subject', 'title']);
    expect(finding.subject).toEqual({ kind: 'Service', namespace: 'default', name: 'api' });
    expect(finding.source).toEqual([
      { doc: 'iks', section: '无法通过网络负载均衡器 (NLB) 服务连接到应用程序' },
      { doc: 'tke', section: '集群内 Service 无法访问' },
    ]);
  });

  it('honours --fail-on', async () => {
    expect((await run(['analyze', example, '--fail-on', 'critical'])).code).toBe(0);
    expect((await run(['analyze', example, '--fail-on', 'warning'])).code).toBe(1);
    expect((await run(['analyze', example, '--fail-on', 'none'])).code).toBe(0);
    expect((await run(['analyze', silent, '--only', 'rancher-flannel-annotations'])).code).toBe(0);
  });

  it('groups text output by severity; colour only on a TTY without NO_COLOR', async () => {
    const plain = await run(['analyze', example]);
    const headings = [...plain.stdout.matchAll(/^(CRITICAL|ERROR|WARNING|INFO|NOT EVALUATED|INPUT PROBLEMS) \((\d+)\)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['ERROR', 'WARNING', 'INFO', 'NOT EVALUATED']);
    const report = JSON.parse((await run(['analyze', example, '--format', 'json'])).stdout);
    expect(plain.stdout).toContain(`ERROR (${report.summary.findings.error})`);
    expect(plain.stdout).toContain(`WARNING (${report.summary.findings.warning})`);
    expect(plain.stdout).not.toContain('\u001b[');
    expect((await run(['analyze', example], { isTty: true })).stdout).toContain('\u001b[31m');
    expect((await run(['analyze', example], { isTty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('exits 2 on usage errors and unreadable snapshots', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['analyse', example])).code).toBe(2);
    expect((await run(['analyze', example, '--format', 'xml'])).code).toBe(2);
    expect((await run(['analyze', example, '--fail-on', 'fatal'])).code).toBe(2);
    expect((await run(['analyze', example, '--bogus'])).code).toBe(2);
    const missing = await run(['analyze', `${snapshots}does-not-exist`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read snapshot');
  });

  it('prints help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: kube-netdoctor analyze <snapshot>');
  });
});
