import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../../src/node/load-snapshot.js';
import { parseLogLines } from '../../../src/parsers/logs/log-lines.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';
import { splitDumpStream } from '../../../src/snapshot/import/cluster-info-dump-stream.js';

const fixture = new URL('../../fixtures/imports/cluster-info-dump-minikube/', import.meta.url).pathname;

describe('kubectl cluster-info dump (real minikube dump)', () => {
  it('stdout form: reads the Lists and places kube-proxy\'s log on its node, lines as in the file', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(`${fixture}stdout/cluster-info.dump`);
    expect(diagnostics).toEqual([{ severity: 'info', code: 'cluster-info-dump', message: 'read as the output of kubectl cluster-info dump', file: 'cluster-info.dump' }]);
    expect(snapshot.nodes.map((n) => n.name)).toEqual(['minikube']);
    expect(snapshot.pods.map((p) => `${p.namespace}/${p.name}@${p.nodeName}`)).toEqual(['kube-system/kube-proxy-njm2k@minikube']);
    expect(snapshot.captured).toEqual(['Node', 'Pod']);
    const log = snapshot.nodeOutputs.minikube?.logs['kube-proxy'];
    expect(log?.file).toBe('cluster-info.dump');
    const parsed = parseLogLines(log?.text ?? '', { file: log?.file ?? '' });
    expect(parsed.value.messages.find((m) => m.id === 'kubeProxyUsingIptables')).toMatchObject({ component: 'kube-proxy', firstLine: 283, count: 1 });
  });

  it('directory form: the same objects and log, from kube-system/<pod>/logs.txt', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(`${fixture}directory`);
    expect(diagnostics).toEqual([]);
    expect(snapshot.nodes.map((n) => n.name)).toEqual(['minikube']);
    const log = snapshot.nodeOutputs.minikube?.logs['kube-proxy'];
    expect(log?.file).toBe('kube-system/kube-proxy-njm2k/logs.txt');
    expect(parseLogLines(log?.text ?? '', { file: '' }).value.messages.find((m) => m.id === 'kubeProxyUsingIptables')).toMatchObject({ firstLine: 17 });
  });

  it('a namespace named like a snapshot.md folder (nodes, cluster) is still read as objects', () => {
    const pods = (ns: string) => JSON.stringify({ kind: 'PodList', apiVersion: 'v1', items: [{ kind: 'Pod', metadata: { name: 'p', namespace: ns }, spec: { nodeName: 'n1', containers: [{ name: 'kube-proxy' }] } }] });
    const { snapshot } = buildSnapshot([
      { path: 'nodes.json', text: JSON.stringify({ kind: 'NodeList', apiVersion: 'v1', items: [{ kind: 'Node', metadata: { name: 'n1' } }] }) },
      { path: 'nodes/pods.json', text: pods('nodes') },
      { path: 'cluster/pods.json', text: pods('cluster') },
      { path: 'cluster/replication-controllers.json', text: '{"kind":"ReplicationControllerList","apiVersion":"v1","items":[]}' },
      { path: 'cluster/p/logs.txt', text: '==== START logs for container kube-proxy of pod cluster/p ====\nline\n==== END logs for container kube-proxy of pod cluster/p ====\n' },
    ]);
    expect(snapshot.pods.map((p) => p.namespace)).toEqual(['cluster', 'nodes']);
    expect(snapshot.nodeOutputs.n1?.logs['kube-proxy']).toEqual({ file: 'cluster/p/logs.txt', text: '\nline' });
  });

  it('stream splitting: a cut stream keeps what came before, with a diagnostic on the broken document', () => {
    const text = '{\n  "kind": "NodeList",\n  "items": []\n}\n{\n  "kind": "PodList",\n  "items": [\n';
    const split = splitDumpStream(text, 'dump.txt');
    expect(split.documents).toEqual([{ value: { kind: 'NodeList', items: [] }, line: 1 }]);
    expect(split.diagnostics).toMatchObject([{ severity: 'error', code: 'invalid-json', file: 'dump.txt', line: 5 }]);
    const unterminated = splitDumpStream('{"kind":"NodeList","items":[]}\n==== START logs for container c of pod a/b ====\nx\n', 'd');
    expect(unterminated.logs).toEqual([{ namespace: 'a', pod: 'b', container: 'c', text: 'x\n', line: 3 }]);
  });
});
