import { describe, expect, it } from 'vitest';
import { buildSnapshot, type SnapshotFile } from '../../src/snapshot/build-snapshot.js';

const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
const utf8 = (text: string, bom = false) => new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...Buffer.from(text, 'utf8')]);

const nodeJson = (name: string) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/os': 'linux' } }, spec: { podCIDR: '10.244.1.0/24' }, status: { capacity: { pods: '110' } } });

describe('buildSnapshot', () => {
  it('reads one object, a List, and multi-document YAML, dispatching on kind', () => {
    const { snapshot, diagnostics } = buildSnapshot([
      { path: 'node.json', text: nodeJson('n1') },
      { path: 'list.json', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [JSON.parse(nodeJson('n2')), { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'd' }, spec: { selector: { app: 'a' }, ports: [{ port: 80 }] } }] }) },
      { path: 'objs.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: kube-system}\ndata: {a: b}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n' },
    ]);
    expect(diagnostics).toEqual([]);
    expect(snapshot.nodes.map((n) => n.name)).toEqual(['n2', 'n1']);
    expect(snapshot.services[0]).toMatchObject({ name: 's', namespace: 'd', selector: { app: 'a' }, ports: [{ port: 80, protocol: 'TCP' }] });
    expect(snapshot.configMaps[0]).toMatchObject({ name: 'c', data: { a: 'b' }, source: { file: 'objs.yaml', line: 1 } });
    expect(snapshot.others).toEqual([{ kind: 'Widget', apiVersion: 'example.com/v1', name: 'w', labels: {}, annotations: {}, source: { file: 'objs.yaml', line: 6, object: 'Widget w' } }]);
    expect(snapshot.captured).toEqual(['ConfigMap', 'Node', 'Service', 'Widget']);
  });

  it('records kinds captured from an empty PodList or a file name, so "none" differs from "not captured"', () => {
    const { snapshot } = buildSnapshot([
      { path: 'pods.json', text: '{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}' },
      { path: 'x.json', text: '{"apiVersion":"v1","items":[],"kind":"EventList"}' },
    ]);
    expect(snapshot.captured).toEqual(['Event', 'Pod']);
  });

  it('decodes UTF-16LE, UTF-16BE, UTF-8 with BOM and CRLF to the same text', () => {
    const text = 'FLANNEL_NETWORK=10.244.0.0/16\r\nFLANNEL_SUBNET=10.244.4.1/24\r\n';
    const files: SnapshotFile[] = [
      { path: 'nodes/a/subnet.env', bytes: utf16le(text) },
      { path: 'nodes/b/subnet.env', bytes: utf16be(text) },
      { path: 'nodes/c/subnet.env', bytes: utf8(text, true) },
      { path: 'nodes/d/subnet.env', bytes: utf8(text) },
    ];
    const { snapshot, diagnostics } = buildSnapshot(files);
    expect(diagnostics).toEqual([]);
    for (const node of ['a', 'b', 'c', 'd']) {
      expect(snapshot.nodeOutputs[node]?.commands['subnet.env']?.text).toBe('FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.4.1/24\n');
    }
  });

  it('reads a UTF-16 PowerShell object dump without a BOM', () => {
    const { snapshot, diagnostics } = buildSnapshot([{ path: 'nodes/win/hns-networks.json', bytes: new Uint8Array(Buffer.from('{"Name":"vxlan0"}', 'utf16le')) }]);
    expect(snapshot.nodeOutputs.win?.commands['hns-networks']?.text).toBe('{"Name":"vxlan0"}');
    expect(diagnostics).toEqual([{ severity: 'info', code: 'utf16-without-bom', message: expect.any(String), file: 'nodes/win/hns-networks.json' }]);
  });

  it('turns a malformed YAML file into a diagnostic with its line and keeps every other file', () => {
    const { snapshot, diagnostics } = buildSnapshot([
      { path: 'broken.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   namespace: y\ndata: [\n' },
      { path: 'nodes.json', text: nodeJson('n1') },
      { path: 'half.json', text: '{"apiVersion": "v1", "kind": "List", "items": [' },
    ]);
    expect(snapshot.nodes.map((n) => n.name)).toEqual(['n1']);
    expect(snapshot.configMaps).toEqual([]);
    // One diagnostic per broken document: the first error (yaml points at the mapping the
    // mis-indented key breaks, line 4); the knock-on errors after it are left out.
    expect(diagnostics.map((d) => [d.file, d.line, d.severity, d.code])).toEqual([
      ['broken.yaml', 4, 'error', 'syntax'],
      ['half.json', 1, 'error', 'syntax'],
    ]);
    expect(diagnostics.filter((d) => d.file === 'half.json').every((d) => d.message.startsWith('invalid JSON: '))).toBe(true);
  });

  it('keeps the other documents of a multi-document YAML when one is broken', () => {
    const { snapshot, diagnostics } = buildSnapshot([
      { path: 'all.yaml', text: 'kind: Namespace\nmetadata: {name: a}\n---\nkind: Namespace\nmetadata: {name: [b\n---\nkind: Namespace\nmetadata: {name: c}\n' },
    ]);
    expect(snapshot.namespaces.map((n) => n.name)).toEqual(['a', 'c']);
    expect(diagnostics.map((d) => [d.file, d.line, d.severity])).toEqual([['all.yaml', 6, 'error']]);
  });

  it('never keeps Secret values, nor quotes input text in diagnostics', () => {
    const secret = 'c3VwZXItc2VjcmV0LXRva2Vu';
    const { snapshot, diagnostics } = buildSnapshot([
      { path: 'secrets.yaml', text: `apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: d}\ndata:\n  token: ${secret}\n` },
      { path: 'bad.yaml', text: `kind: Secret\ndata: {token: "${secret}", }}\n` },
    ]);
    expect(snapshot.secrets).toEqual([expect.objectContaining({ name: 's', keys: ['token'] })]);
    expect(JSON.stringify({ snapshot, diagnostics })).not.toContain(secret);
  });

  it('classifies node outputs, sniffs misnamed ones, and ignores files outside the layout', () => {
    const { snapshot, diagnostics } = buildSnapshot([
      { path: 'nodes/n1/iptables.txt', text: '# Generated by iptables-save v1.8.4 on Mon\n*nat\nCOMMIT\n' },
      { path: 'nodes/n1/rules.out', text: '# Generated by iptables-save v1.8.4 on Mon\n*filter\nCOMMIT\n' },
      { path: 'nodes/n1/cni/10-flannel.conflist', text: '{}' },
      { path: 'nodes/n1/logs/kube-proxy.log', text: 'I1120 proxier.go:1] Using ipvs Proxier.\n' },
      { path: 'cluster/overlay-test.txt', text: '=> Start network overlay test\n=> End network overlay test\n' },
      { path: 'cloud/aliyun-vswitches.json', text: '{}' },
      { path: 'notes.txt', text: 'hello' },
    ]);
    const n1 = snapshot.nodeOutputs.n1!;
    expect(Object.keys(n1.commands).sort()).toEqual(['iptables-save']);
    expect(n1.cni.map((f) => f.file)).toEqual(['nodes/n1/cni/10-flannel.conflist']);
    expect(Object.keys(n1.logs)).toEqual(['kube-proxy']);
    expect(Object.keys(snapshot.clusterOutputs)).toEqual(['overlay-test.txt']);
    expect(Object.keys(snapshot.cloud)).toEqual(['aliyun-vswitches.json']);
    expect(diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['nodes/n1/rules.out', 'sniffed-output'],
      ['notes.txt', 'ignored-file'],
    ]);
  });

  it('validates snapshot.yaml and says which line is wrong', () => {
    const { diagnostics, snapshot } = buildSnapshot([{ path: 'snapshot.yaml', text: 'name: x\ncluster:\n  cni: flanel\n  podCIDRs: [10.0.0.0/8]\n' }]);
    expect(diagnostics).toEqual([{ severity: 'error', code: 'invalid-manifest', message: expect.stringContaining('cluster.cni'), file: 'snapshot.yaml', line: 3 }]);
    expect(snapshot.cluster.podCIDRs).toBeUndefined();
  });
});
