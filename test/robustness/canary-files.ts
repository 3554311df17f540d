import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import type { SnapshotFile } from '../../src/snapshot/snapshot-file.js';

/**
 * Canary values planted in every place a capture hides credentials, on top of a scenario
 * that gives findings (ack-terway-out-of-ips): the ENI config's keys, a Secret, a pod's
 * last-applied annotation, env value and args, a process's token and URL password, a
 * component log, a cloud inventory file. Shared by the report check (secrets.test.ts) and the
 * redacted copy's (test/redact/canaries.test.ts), which each add their own.
 */
export const canaryRoot = new URL('../../snapshots/scenarios/ack-terway-out-of-ips', import.meta.url).pathname;

export const canaries = {
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

export function canaryFiles(): SnapshotFile[] {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const out: SnapshotFile[] = walk(canaryRoot).map((full) => {
    const path = relative(canaryRoot, full);
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
  out.push({ path: 'extra.json', text: JSON.stringify({ kind: 'List', items: [pod, secret] }, null, 4) });
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
