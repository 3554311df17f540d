import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { linuxScript, windowsScript } from '../../../src/node/capture/scripts.generated.js';
import { loadSnapshot } from '../../../src/node/load-snapshot.js';
import { captureWithStandin, commands } from './capture-helpers.js';

// Every kubectl call starts a Node process for the stand-in; on a busy machine a capture takes seconds.
describe('capture against the recorded kubectl', { timeout: 180_000 }, () => {
  it('fetches every kind with --chunk-size, runs the node scripts, deletes the pods, and the snapshot analyses with no diagnostic', async () => {
    const { result, outDir, calls, manifest } = await captureWithStandin([]);
    expect(calls.every((c) => c.argv[0] === '--context=rec-cluster')).toBe(true);
    const run = commands(calls);
    expect(run.filter((c) => c.startsWith('get '))).toEqual([
      'get nodes -o json --chunk-size=500',
      'get namespaces -o json --chunk-size=500',
      'get pods -A -o json --chunk-size=500',
      'get services -A -o json --chunk-size=500',
      'get endpoints -A -o json --chunk-size=500',
      'get endpointslices.discovery.k8s.io -A -o json --chunk-size=500',
      'get events -A -o json --chunk-size=500',
      'get ingresses.networking.k8s.io -A -o json --chunk-size=500',
      'get networkpolicies.networking.k8s.io -A -o json --chunk-size=500',
      'get daemonsets.apps -A -o json --chunk-size=500',
      'get deployments.apps -A -o json --chunk-size=500',
      'get configmaps -n kube-system -o json --chunk-size=500',
      'get configmaps -n kube-flannel -o json --chunk-size=500',
    ]);
    expect(run.some((c) => /secret/i.test(c))).toBe(false);

    // One pod per sampled node (one per OS and zone), each created, waited for, run and deleted.
    const created = calls.filter((c) => c.argv.includes('create')).map((c) => JSON.parse(c.stdin));
    expect(created.map((p) => [p.metadata.name, p.spec.nodeName]).sort()).toEqual([
      ['netdoctor-r1-node-a', 'node-a'],
      ['netdoctor-r1-node-c', 'node-c'],
      ['netdoctor-r1-win-1', 'win-1'],
    ]);
    const linux = created.find((p) => p.spec.nodeName === 'node-a');
    expect(linux).toMatchObject({
      metadata: { namespace: 'default', labels: { 'app.kubernetes.io/managed-by': 'kube-netdoctor', 'kube-netdoctor/capture-run': 'r1' } },
      spec: { hostNetwork: true, hostPID: true, restartPolicy: 'Never', automountServiceAccountToken: false, containers: [{ image: 'busybox:1.36', securityContext: { privileged: true } }] },
    });
    const windows = created.find((p) => p.spec.nodeName === 'win-1');
    expect(windows.spec).toMatchObject({ hostNetwork: true, securityContext: { windowsOptions: { hostProcess: true, runAsUserName: 'NT AUTHORITY\\SYSTEM' } }, nodeSelector: { 'kubernetes.io/os': 'windows' } });
    expect(windows.spec.hostPID).toBeUndefined();
    const linuxExec = calls.find((c) => c.argv.includes('exec') && c.argv.includes('netdoctor-r1-node-a'));
    expect(linuxExec?.argv.slice(1)).toEqual(['exec', '-i', '-n', 'default', 'netdoctor-r1-node-a', '--', 'nsenter', '-t', '1', '-m', '-u', '-i', '-n', '-p', '--', 'sh', '-s']);
    expect(linuxExec?.stdin).toBe(linuxScript);
    const winExec = calls.find((c) => c.argv.includes('exec') && c.argv.includes('netdoctor-r1-win-1'));
    expect(Buffer.from(winExec?.argv.at(-1) ?? '', 'base64').toString('utf16le')).toBe(`& {\n${windowsScript}\n}`);
    const deleted = run.filter((c) => c.startsWith('delete pod')).map((c) => c.split(' ')[2]).sort();
    expect(deleted).toEqual(['netdoctor-r1-node-a', 'netdoctor-r1-node-c', 'netdoctor-r1-win-1']);
    expect(run.filter((c) => c.startsWith('logs '))).toEqual([
      'logs -n kube-system kube-proxy-7x2kd -c kube-proxy --tail=20000',
      'logs -n kube-flannel kube-flannel-ds-5hrtw -c kube-flannel --tail=20000',
    ]);

    expect(manifest).toMatchObject({
      name: 'rec-cluster-' + manifest.capturedAt.slice(0, 10),
      capture: { context: 'rec-cluster', serverVersion: 'v1.28.9', nodeSelection: 'sample (one node per OS and zone)', nodes: ['node-a', 'node-c', 'win-1'], failed: [] },
    });
    expect(manifest.capture.missing['node-a']).toEqual(['ip6tables-save (ip6tables-save failed)', 'ipvsadm (ipvsadm not found)', 'ipvsadm-timeout (ipvsadm not found)']);
    expect(result.failed).toEqual([]);
    expect(readFileSync(join(outDir, 'nodes/win-1/hns-networks.json'), 'utf8')).toContain('"Type"');
    expect(existsSync(join(outDir, 'nodes/node-a/logs/kube-proxy.log'))).toBe(true);

    const loaded = await loadSnapshot(outDir);
    expect(loaded.diagnostics).toEqual([]);
    const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    // Only notes that some captured outputs were read by no rule of this small cluster (issue 15's unread-file).
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(report.diagnostics.filter((d) => d.severity === 'info').every((d) => d.code === 'unread-file')).toBe(true);
    expect(loaded.snapshot.capturedAt).toBe(manifest.capturedAt);
    expect(Object.keys(loaded.snapshot.nodeOutputs).sort()).toEqual(['node-a', 'node-c', 'win-1']);
  });

  it('records partial failures (forbidden, node unreachable) in the manifest; their rules are not evaluated', async () => {
    const { result, outDir, calls, manifest } = await captureWithStandin(['forbidden-events', 'node-c-unreachable']);
    expect(manifest.capture.failed).toEqual([
      { what: 'events.json', error: 'Error from server (Forbidden): events is forbidden: User "alice@example.com" cannot list resource "events" in API group "" at the cluster scope' },
      { what: 'node node-c', error: 'waiting for the capture pod (node unreachable or image not pulled?): error: timed out waiting for the condition on pods/netdoctor-node-c' },
    ]);
    expect(result.failed).toHaveLength(2);
    expect(existsSync(join(outDir, 'events.json'))).toBe(false);
    expect(existsSync(join(outDir, 'nodes/node-c'))).toBe(false);
    expect(readFileSync(join(outDir, 'cluster/kubectl-errors.txt'), 'utf8')).toContain('Error from server (Forbidden): events is forbidden');
    expect(commands(calls)).toContain('delete pod netdoctor-r1-node-c -n default --ignore-not-found --wait=false');

    const loaded = await loadSnapshot(outDir);
    expect(loaded.snapshot.captured).not.toContain('Event');
    expect(loaded.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['capture-failed', 'snapshot.yaml'],
      ['capture-failed', 'snapshot.yaml'],
    ]);
    const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics });
    const needsEvents = report.notEvaluated.filter((n) => n.missing.some((m) => /events/.test(m.capture)));
    expect(needsEvents.length).toBeGreaterThan(0);
  });

  it('gives up on a node after --node-timeout and still deletes its pod', async () => {
    const started = Date.now();
    const { manifest, calls } = await captureWithStandin(['win-hangs'], { nodes: 'win-1', nodeTimeoutSeconds: 8 });
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(manifest.capture.failed).toEqual([{ what: 'node win-1', error: 'running the node script: timed out after 8s' }]);
    expect(commands(calls)).toContain('delete pod netdoctor-r1-win-1 -n default --ignore-not-found --wait=false');
  });

  it('chooses nodes by name, label selector or none, and runs at most --concurrency at once', async () => {
    const byName = await captureWithStandin([], { nodes: 'node-b,node-a,node-x', concurrency: 1 });
    expect(byName.manifest.capture.nodes).toEqual(['node-a', 'node-b']);
    expect(byName.manifest.capture.failed).toEqual([{ what: 'node node-x', error: "not among the cluster's nodes (nodes.json)" }]);
    // With one at a time, each node's pod is created, run and deleted before the next one is created.
    const podSteps = commands(byName.calls).filter((c) => /^(create|exec|delete)/.test(c)).map((c) => c.split(' ')[0] + (c.includes('node-b') ? ' b' : c.includes('node-a') ? ' a' : ''));
    expect(podSteps).toEqual(['create', 'exec a', 'delete a', 'create', 'exec b', 'delete b']);
    const bySelector = await captureWithStandin([], { nodes: 'topology.kubernetes.io/zone=zone-2' });
    expect(commands(bySelector.calls)).toContain('get nodes -l topology.kubernetes.io/zone=zone-2 -o name');
    expect(bySelector.manifest.capture.nodes).toEqual(['node-c']);
    const none = await captureWithStandin([], { nodes: 'none', chunkSize: 50 });
    expect(commands(none.calls).some((c) => c.startsWith('create'))).toBe(false);
    expect(commands(none.calls)).toContain('get pods -A -o json --chunk-size=50');
  });

  it('a cluster it cannot reach: records why and writes the manifest', async () => {
    const { manifest } = await captureWithStandin([], { target: { kubectl: '/nonexistent/kubectl' } });
    expect(manifest.capture.failed).toEqual([{ what: 'server version', error: 'kubectl could not be started (ENOENT)' }]);
    expect(manifest.capture.captured).toEqual([]);
  });
});
