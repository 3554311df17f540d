import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../../../src/facts/snapshot-index.js';
import { nodeTerwayVSwitches, terwayIpPods, terwayVSwitchesInUse } from '../../../src/facts/terway/terway-vswitches.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';

const node = (ip: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: `cn-hangzhou.${ip}`, labels },
  spec: { providerID: 'cn-hangzhou.i-bp1a7z9xyz0ekxh2lmk8' },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const zone = (z: string) => ({ 'topology.kubernetes.io/zone': z });
const terwayConfig = (name: string, vswitches: Record<string, string[]>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'kube-system' },
  data: { eni_conf: JSON.stringify({ vswitches, security_group: 'sg-bp1dz2j6mw7jr5p8rkcq' }) },
});
const vswitch = (id: string, cidr: string, z: string) => ({ VSwitchId: id, CidrBlock: cidr, ZoneId: z, AvailableIpAddressCount: 100 });

function indexOf(nodes: object[], configMaps: object[], vswitches: object[] = []) {
  const { snapshot } = buildSnapshot([
    { path: 'nodes.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items: nodes }) },
    { path: 'kube-system.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items: configMaps }) },
    ...(vswitches.length > 0 ? [{ path: 'cloud/aliyun-vswitches.json', text: JSON.stringify({ VSwitches: { VSwitch: vswitches } }) }] : []),
  ]);
  return indexSnapshot(snapshot);
}

describe('nodeTerwayVSwitches', () => {
  const eniConfig = terwayConfig('eni-config', { 'cn-hangzhou-i': ['vsw-i1', 'vsw-i2'], 'cn-hangzhou-j': ['vsw-j1'] });
  const inventory = [vswitch('vsw-node-i', '192.168.0.0/19', 'cn-hangzhou-i'), vswitch('vsw-node-k', '192.168.96.0/19', 'cn-hangzhou-k')];

  it("takes the node's zone entry of eni-config", () => {
    const index = indexOf([node('192.168.0.10', zone('cn-hangzhou-j'))], [eniConfig]);
    expect(nodeTerwayVSwitches(index, index.snapshot.nodes[0]!)).toMatchObject({ zone: 'cn-hangzhou-j', ids: ['vsw-j1'], from: 'eni-config vswitches[cn-hangzhou-j]' });
  });

  it('lets the terway-config ConfigMap replace the zone entry, and keeps eni-config for zones it does not name (RFC 7396)', () => {
    const fixed = terwayConfig('eni-config-fixed', { 'cn-hangzhou-i': ['vsw-fixed'] });
    const index = indexOf(
      [node('192.168.0.10', { ...zone('cn-hangzhou-i'), 'terway-config': 'eni-config-fixed' }), node('192.168.0.11', { ...zone('cn-hangzhou-j'), 'terway-config': 'eni-config-fixed' })],
      [eniConfig, fixed],
    );
    const [a, b] = index.snapshot.nodes;
    expect(nodeTerwayVSwitches(index, a!)).toMatchObject({ ids: ['vsw-fixed'], from: 'eni-config-fixed vswitches[cn-hangzhou-i]' });
    expect(nodeTerwayVSwitches(index, b!)).toMatchObject({ ids: ['vsw-j1'], from: 'eni-config vswitches[cn-hangzhou-j]' });
    expect(terwayVSwitchesInUse(index).map((u) => [u.id, u.configMaps.join('+')])).toEqual([
      ['vsw-i1', 'eni-config'],
      ['vsw-i2', 'eni-config'],
      ['vsw-j1', 'eni-config'],
      ['vsw-fixed', 'eni-config-fixed'],
    ]);
  });

  it("falls back to the instance's own vSwitch when its zone has no entry, finding the zone from it when unlabelled", () => {
    const index = indexOf([node('192.168.96.10', zone('cn-hangzhou-k')), node('192.168.96.11')], [eniConfig], inventory);
    const [labelled, unlabelled] = index.snapshot.nodes;
    const own = { zone: 'cn-hangzhou-k', ids: ['vsw-node-k'], from: "the node's own vSwitch (no Terway vSwitch for cn-hangzhou-k)" };
    expect(nodeTerwayVSwitches(index, labelled!)).toMatchObject(own);
    expect(nodeTerwayVSwitches(index, unlabelled!)).toMatchObject(own);
  });

  it('uses every zone when neither a zone label nor the inventory tells the zone', () => {
    const index = indexOf([node('10.0.0.5')], [eniConfig]);
    expect(nodeTerwayVSwitches(index, index.snapshot.nodes[0]!)).toMatchObject({
      ids: ['vsw-i1', 'vsw-i2', 'vsw-j1'],
      from: "eni-config vswitches (all zones: the node's zone label is missing)",
    });
  });

  it('needs eni-config', () => {
    const index = indexOf([node('192.168.0.10', zone('cn-hangzhou-i'))], []);
    expect(() => nodeTerwayVSwitches(index, index.snapshot.nodes[0]!)).toThrow(/eni-config/);
  });
});

describe('terwayIpPods', () => {
  it('counts pods that hold or wait for a Terway IP: not host-network, not finished, not trunk pods', () => {
    const pod = (name: string, extra: { hostNetwork?: boolean; phase?: string; annotations?: Record<string, string> } = {}) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', annotations: extra.annotations ?? {} },
      spec: { nodeName: 'n1', hostNetwork: extra.hostNetwork ?? false, containers: [{ name: 'c', image: 'nginx' }] },
      status: { phase: extra.phase ?? 'Running' },
    });
    const { snapshot } = buildSnapshot([
      {
        path: 'pods.json',
        text: JSON.stringify({
          kind: 'List',
          apiVersion: 'v1',
          items: [
            pod('web'),
            pod('waiting', { phase: 'Pending' }),
            pod('host', { hostNetwork: true }),
            pod('done', { phase: 'Succeeded' }),
            pod('trunk', { annotations: { 'k8s.aliyun.com/pod-eni': 'true' } }),
          ],
        }),
      },
    ]);
    expect(terwayIpPods(indexSnapshot(snapshot), 'n1').map((p) => p.name)).toEqual(['web', 'waiting']);
  });
});
