import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MissingDataError } from '../../src/errors.js';
import { kubeProxyIpvsScheduler } from '../../src/facts/kube-proxy/kube-proxy-ipvs-scheduler.js';
import { nodeCniConfig } from '../../src/facts/cni/node-cni-config.js';
import { nodeConntrack } from '../../src/facts/conntrack/node-conntrack.js';
import { nodeIpvsModules } from '../../src/facts/kube-proxy/node-ipvs-modules.js';
import { nodeLogMessages } from '../../src/facts/logs/node-log-messages.js';
import { indexSnapshot } from '../../src/facts/snapshot-index.js';
import { windowsHnsNetworks } from '../../src/facts/windows/windows-hns-networks.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';

const output = (path: string) => readFileSync(new URL(`../fixtures/outputs/${path}`, import.meta.url), 'utf8');

function nodeJson(name: string, labels: Record<string, string> = {}) {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: {}, status: { addresses: [{ type: 'InternalIP', address: '192.168.0.30' }] } };
}

/** An index over one node `n1` (or the given nodes) with the given files under nodes/n1/. */
function indexWith(files: Record<string, string>, nodes = [nodeJson('n1')], objects: unknown[] = []) {
  const list = { apiVersion: 'v1', kind: 'List', items: [...nodes, ...objects] };
  const { snapshot } = buildSnapshot([
    { path: 'objects.json', text: JSON.stringify(list) },
    ...Object.entries(files).map(([path, text]) => ({ path: `nodes/n1/${path}`, text })),
  ]);
  const index = indexSnapshot(snapshot);
  return { index, node: index.nodesByName.get('n1')! };
}

const missing = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof MissingDataError ? error.capture : `other: ${String(error)}`;
  }
  return 'no error';
};

describe('nodeConntrack', () => {
  it('combines dmesg table-full messages with the conntrack -L DNS share', () => {
    const { index, node } = indexWith({ dmesg: output('dmesg/ack-conntrack-full.txt'), conntrack: output('conntrack/list-ack-node.txt') });
    const value = nodeConntrack.compute(node, index);
    expect(value.tableFullCount).toBeGreaterThan(0);
    expect(value.conntrackForm).toBe('list');
    expect(value.entries).toBeGreaterThan(0);
    expect(value.dnsPercent).toBe(Math.round(((value.dnsEntries ?? 0) / (value.entries ?? 1)) * 1000) / 10);
    expect(value.insertFailed).toBeNull();
    expect(value.source.file).toBe('nodes/n1/dmesg');
  });

  it('reads conntrack -S alone, and needs one of the two outputs', () => {
    const { index, node } = indexWith({ conntrack: 'cpu=0   \tfound=0 invalid=1 ignore=0 insert=0 insert_failed=12 drop=12 early_drop=3 error=0 search_restart=31\n' });
    expect(nodeConntrack.compute(node, index)).toMatchObject({ tableFullCount: null, conntrackForm: 'stats', insertFailed: 12, drop: 12, earlyDrop: 3, entries: null, dnsPercent: null });
    const empty = indexWith({ lsmod: 'Module Size Used by\n' });
    expect(missing(() => nodeConntrack.compute(empty.node, empty.index))).toContain('nodes/<node>/dmesg');
  });
});

describe('nodeIpvsModules', () => {
  it('lists ip_vs modules and the schedulers they provide', () => {
    const { index, node } = indexWith({ lsmod: output('lsmod/ipvs-node.txt') });
    expect(nodeIpvsModules.compute(node, index)).toMatchObject({ ipvsLoaded: true, schedulers: ['rr', 'sh', 'wrr'], nfConntrackLoaded: true });
    const unreadable = indexWith({ lsmod: 'lsmod: command not found\n' });
    expect(missing(() => nodeIpvsModules.compute(unreadable.node, unreadable.index))).toContain('a readable nodes/<node>/lsmod');
  });
});

describe('nodeCniConfig', () => {
  it('picks the lowest-named loadable file, as libcni does, and ignores other extensions', () => {
    const { index, node } = indexWith({
      'cni/10-flannel.conflist': output('cni/flannel-upstream.conflist'),
      'cni/05-old-bridge.conf': output('cni/bridge-host-local.conf'),
      'cni/00-flannel.conflist.bak': output('cni/flannel-upstream.conflist'),
    });
    const value = nodeCniConfig.compute(node, index);
    expect([value.activeFile, value.candidates, value.ignored, value.type, value.valid]).toEqual([
      '05-old-bridge.conf',
      ['05-old-bridge.conf', '10-flannel.conflist'],
      ['00-flannel.conflist.bak'],
      'bridge',
      true,
    ]);
  });

  it('reads flannel options of the active conflist, and needs cni files', () => {
    const { index, node } = indexWith({ 'cni/10-flannel.conflist': output('cni/ack-flannel-tmpfs.conflist') });
    expect(nodeCniConfig.compute(node, index)).toMatchObject({ format: 'conflist', type: 'flannel', portMappings: true, windowsType: null });
    const none = indexWith({ lsmod: 'Module Size Used by\n' });
    expect(missing(() => nodeCniConfig.compute(none.node, none.index))).toContain('nodes/<node>/cni/<file>');
  });
});

describe('windowsHnsNetworks', () => {
  it('needs net-adapters only when the Kubernetes network exists', () => {
    const present = indexWith({ 'hns-networks.json': output('hns-networks/ps51-l2bridge-array.json') });
    expect(missing(() => windowsHnsNetworks.compute(present.node, present.index))).toBe('nodes/<node>/net-adapters (Get-NetAdapter) on each Windows node');
    const absent = indexWith({ 'hns-networks.json': output('hns-networks/ps51-single-nat-only.json') });
    expect(windowsHnsNetworks.compute(absent.node, absent.index)).toMatchObject({
      networks: ['nat (nat)'],
      hasCbr0: false,
      hasVxlan0: false,
      expected: 'cbr0 or vxlan0',
      kubernetesNetworkPresent: false,
      vEthernetAdapter: 'not captured',
      source: { file: 'nodes/n1/hns-networks.json', line: 39 },
    });
  });

  it('falls back to hnsdiag when hns-networks.json is unreadable', () => {
    const { index, node } = indexWith({
      'hns-networks.json': output('hns-networks/broken-cut.json'),
      'hnsdiag-networks': output('hnsdiag/list-networks.txt'),
      'net-adapters': output('net-adapters/ps7-narrow-nat-only.txt'),
    });
    expect(windowsHnsNetworks.compute(node, index)).toMatchObject({ hasVxlan0: true, kubernetesNetworkPresent: true, vEthernetAdapter: 'missing', vEthernetAdapters: ['vEthernet (nat)'] });
  });
});

describe('nodeLogMessages', () => {
  it('summarises messages per id over the node\'s logs, with lastLine 0 for absent ids', () => {
    const { index, node } = indexWith({ 'logs/kube-proxy.log': output('log-lines/kube-proxy-ipvs-fallback.txt'), 'logs/terway.log': output('log-lines/terway-ip-not-enough.txt') });
    const value = nodeLogMessages.compute(node, index);
    expect(value.components).toEqual(['kube-proxy', 'terway']);
    expect(value.ids).toEqual(['kubeProxyUsingIpvs', 'kubeProxyIpvsUnavailable', 'kubeProxyUsingIptables', 'terwayVSwitchIpNotEnough', 'terwayMacNotFound', 'terwayEipPoolNotSupported']);
    expect(value.byId.terwayVSwitchIpNotEnough).toEqual({
      count: 2,
      components: ['terway'],
      firstTimestamp: '2020-03-17T07:03:40Z',
      lastTimestamp: '2020-03-17T07:03:43Z',
      fields: { vSwitch: ['vsw-AAA', 'vsw-bp1k8d3y6m5l0x9z2w4q7'] },
    });
    expect([value.lastLine.kubeProxyUsingIptables, value.lastLine.kubeProxyUsingIpvs, value.lastLine.hnsWrongDiskette]).toEqual([14, 6, 0]);
    expect(value.source).toEqual({ file: 'nodes/n1/logs/kube-proxy.log', line: 6 });
    const none = indexWith({ lsmod: 'Module Size Used by\n' });
    expect(missing(() => nodeLogMessages.compute(none.node, none.index))).toContain('nodes/<node>/logs/<component>.log');
  });
});

describe('kubeProxyIpvsScheduler', () => {
  const configMap = (name: string, conf: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'kube-system' }, data: { 'config.conf': conf } });
  const worker = configMap('kube-proxy-worker', 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\nipvs:\n  scheduler: lc\n');
  const master = configMap('kube-proxy-master', 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n');

  it('uses kube-proxy-master on masters and defaults the scheduler to rr', () => {
    const { index, node } = indexWith({}, [nodeJson('n1', { 'node-role.kubernetes.io/master': '' })], [worker, master]);
    expect(kubeProxyIpvsScheduler.compute(node, index)).toMatchObject({ configMap: 'kube-proxy-master', mode: 'ipvs', scheduler: 'rr', schedulerSet: false, schedulerModule: 'ip_vs_rr' });
  });

  it('uses kube-proxy-worker on workers, and needs a kube-proxy ConfigMap', () => {
    const { index, node } = indexWith({}, [nodeJson('n1')], [worker, master]);
    expect(kubeProxyIpvsScheduler.compute(node, index)).toMatchObject({
      configMap: 'kube-proxy-worker',
      scheduler: 'lc',
      schedulerModule: 'ip_vs_lc',
      source: { file: 'objects.json', object: 'ConfigMap kube-system/kube-proxy-worker', key: 'config.conf', line: 5 },
    });
    const none = indexWith({});
    expect(missing(() => kubeProxyIpvsScheduler.compute(none.node, none.index))).toContain('ConfigMap kube-system/kube-proxy-worker');
  });

  it('reads EKS’s kube-proxy-config (key config), after kube-proxy-worker and kube-proxy', () => {
    // EKS's kube-proxy add-on: DaemonSet arg --config=/var/lib/kube-proxy-config/config, ConfigMap kube-proxy-config mounted there.
    const eks = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy-config', namespace: 'kube-system' }, data: { config: 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: "ipvs"\nipvs:\n  scheduler: "wrr"\n' } };
    const onEks = indexWith({}, [nodeJson('n1')], [eks]);
    expect(kubeProxyIpvsScheduler.compute(onEks.node, onEks.index)).toMatchObject({
      configMap: 'kube-proxy-config',
      mode: 'ipvs',
      scheduler: 'wrr',
      source: { object: 'ConfigMap kube-system/kube-proxy-config', key: 'config' },
    });
    const both = indexWith({}, [nodeJson('n1')], [eks, worker]);
    expect(kubeProxyIpvsScheduler.compute(both.node, both.index)).toMatchObject({ configMap: 'kube-proxy-worker', scheduler: 'lc' });
  });
});
