import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { maskSecrets } from '../../src/snapshot/mask-secrets.js';

/**
 * Canary values planted in every place a capture hides credentials, on top of a scenario
 * that gives findings (ack-terway-out-of-ips); none may appear in the snapshot, the report,
 * or any output format. The formatters are every `format*` function the package exports,
 * so a reporter added later is checked without touching this test.
 */
const root = new URL('../../snapshots/scenarios/ack-terway-out-of-ips', import.meta.url).pathname;
const canaries = {
  eniAccessKey: 'CANARYak0001LTAI5t',
  eniAccessSecret: 'CANARYsk0002secret',
  secretData: 'Q0FOQVJZc2QwMDAz',
  lastApplied: 'CANARYla0004',
  envValue: 'CANARYenv0005',
  argPassword: 'CANARYarg0006',
  processToken: 'CANARYtok0007',
  urlPassword: 'CANARYurl0008',
  logKey: 'CANARYlog0009',
  logPassword: 'CANARYlog0010',
  bearer: 'CANARYbearer0011xyz',
  cloudSecret: 'CANARYcloud0012',
};

function files(): api.SnapshotFile[] {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const out: api.SnapshotFile[] = walk(root).map((full) => {
    const path = relative(root, full);
    let text = readFileSync(full, 'utf8');
    if (path === 'kube-system.json') {
      const list = JSON.parse(text) as { items: Array<{ metadata: { name: string }; data?: Record<string, string> }> };
      const eni = list.items.find((i) => i.metadata.name === 'eni-config')!.data!;
      eni.eni_conf = eni.eni_conf!.replace('"max_pool_size": 5,', `"max_pool_size": 5,\n  "access_key": "${canaries.eniAccessKey}",\n  "access_secret": "${canaries.eniAccessSecret}",`);
      text = JSON.stringify(list, null, 2);
      expect(text).toContain(canaries.eniAccessSecret);
    }
    return { path, text };
  });
  const pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: 'app',
      namespace: 'default',
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ kind: 'Secret', data: { password: canaries.lastApplied } }),
      },
    },
    spec: {
      nodeName: 'cn-hangzhou.192.168.0.10',
      containers: [{ name: 'app', image: 'app:1', env: [{ name: 'DB_PASSWORD', value: canaries.envValue }], args: [`--password=${canaries.argPassword}`] }],
    },
    status: { phase: 'Running', podIP: '172.16.0.99' },
  };
  const secret = { kind: 'Secret', apiVersion: 'v1', metadata: { name: 'db', namespace: 'default' }, data: { password: canaries.secretData } };
  out.push({ path: 'extra.json', text: JSON.stringify({ kind: 'List', items: [pod, secret] }) });
  out.push({
    path: 'nodes/cn-hangzhou.192.168.0.10/processes',
    text: [
      '    PID COMMAND',
      `   1201 /usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap.conf --token=${canaries.processToken} --v=2`,
      `   1302 /usr/local/bin/etcd --listen-client-urls=https://127.0.0.1:2379 --initial-cluster=m1=https://root:${canaries.urlPassword}@192.168.0.10:2380`,
      '',
    ].join('\n'),
  });
  out.push({
    path: 'nodes/cn-hangzhou.192.168.0.10/logs/terway.log',
    text: [
      `time="2026-11-20T09:00:00Z" level=info msg="load config" access_key: ${canaries.logKey}`,
      `time="2026-11-20T09:00:01Z" level=info msg="db" password=${canaries.logPassword}`,
      `time="2026-11-20T09:00:02Z" level=debug msg="request" header="Authorization: Bearer ${canaries.bearer}"`,
      '',
    ].join('\n'),
  });
  out.push({ path: 'cloud/aliyun-vswitches-extra.json', text: JSON.stringify({ AccessKeySecret: canaries.cloudSecret, VSwitches: { VSwitch: [] } }, null, 2) });
  return out;
}

describe('secrets never leave', () => {
  it('no canary reaches the snapshot, the report, or any exported output format', async () => {
    const built = api.buildSnapshot(files());
    const report = await api.analyze(built.snapshot, { diagnostics: built.diagnostics });
    expect(report.findings.length).toBeGreaterThan(0);
    const formatters = Object.entries(api).filter(([name, value]) => /^format[A-Z]/.test(name) && typeof value === 'function') as Array<[string, (r: api.Report) => string]>;
    expect(formatters.map(([name]) => name)).toEqual(expect.arrayContaining(['formatText', 'formatJson']));
    const outputs: Array<[string, string]> = [
      ['snapshot', JSON.stringify(built.snapshot)],
      ['report', JSON.stringify(report)],
      ...formatters.map(([name, format]) => [name, format(report)] as [string, string]),
    ];
    for (const [where, output] of outputs) {
      for (const [place, canary] of Object.entries(canaries)) expect(output.includes(canary), `${place} canary in ${where}`).toBe(false);
    }
    // The values are masked, not the data around them: the eni_conf still parses and names its keys.
    const eni = built.snapshot.configMaps.find((c) => c.name === 'eni-config')!;
    expect(JSON.parse(eni.data.eni_conf!)).toMatchObject({ access_key: '<redacted>', access_secret: '<redacted>', max_pool_size: 5 });
  });

  it.each([
    ['"access_key": "LTAI5tAbc"', '"access_key": "<redacted>"'],
    ["accessKeySecret: 'x1y2'", "accessKeySecret: '<redacted>'"],
    ['--token=abc.def --v=2', '--token=<redacted> --v=2'],
    ['--client-secret s3cr3t --port 80', '--client-secret <redacted> --port 80'],
    ['postgres://app:hunter2@db:5432/x', 'postgres://app:<redacted>@db:5432/x'],
    ['Authorization: Bearer eyJhbGciOi.x', 'Authorization: Bearer <redacted>'],
    ['password=', 'password='],
    ['max_pool_size: 5', 'max_pool_size: 5'],
    ['token_ttl: 3600', 'token_ttl: 3600'],
  ])('maskSecrets(%s)', (input, expected) => {
    expect(maskSecrets(input)).toBe(expected);
  });
});
