import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../../../src/facts/snapshot-index.js';
import { primaryMtu } from '../../../src/facts/rancher/node-primary-mtu.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';

const output = (path: string) => readFileSync(new URL(`../../fixtures/outputs/${path}`, import.meta.url), 'utf8');
const node = (name: string, ip: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: { addresses: [{ type: 'InternalIP', address: ip }] } });

function mtuOf(files: Record<string, string>, ip = '192.168.0.10') {
  const { snapshot } = buildSnapshot([
    { path: 'nodes.json', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [node('n1', ip)] }) },
    ...Object.entries(files).map(([path, text]) => ({ path: `nodes/n1/${path}`, text })),
  ]);
  const index = indexSnapshot(snapshot);
  return primaryMtu(index, index.nodesByName.get('n1')!);
}

describe('primaryMtu', () => {
  it('takes the interface holding the node\'s InternalIP from ip addr', () => {
    expect(mtuOf({ 'ip-addr': output('ip-addr/flannel-node.txt') })).toEqual({
      iface: 'eth0', mtu: 1500, file: 'nodes/n1/ip-addr', line: 7, from: 'the interface holding InternalIP 192.168.0.10',
    });
  });

  it('from ip link alone, the first UP Ethernet interface no container network created', () => {
    const vlanFirst = '2: bond0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9000 qdisc noqueue state UP mode DEFAULT group default qlen 1000\n    link/ether 00:16:3e:0a:1b:2d brd ff:ff:ff:ff:ff:ff\n';
    expect(mtuOf({ 'ip-link': output('ip-link/flannel-node.txt') })).toMatchObject({ iface: 'eth0', mtu: 1500, line: 3 });
    expect(mtuOf({ 'ip-link': `${output('ip-link/flannel-node.txt')}${vlanFirst}` })).toMatchObject({ iface: 'eth0' });
    // flannel.1, cni0, veths and kube-ipvs0 are never the uplink.
    expect(mtuOf({ 'ip-link': output('ip-link/flannel-node.txt').split('\n').slice(5).join('\n') })).toBeUndefined();
  });

  it('falls back to ip addr\'s interfaces when the InternalIP is on none of them', () => {
    expect(mtuOf({ 'ip-addr': output('ip-addr/flannel-node.txt') }, '10.9.9.9')).toMatchObject({ iface: 'eth0', from: 'the first UP Ethernet interface no container network created' });
  });
});
