import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloudInventory } from '../../src/facts/cloud-inventory.js';
import { indexSnapshot } from '../../src/facts/snapshot-index.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';

const output = (path: string) => readFileSync(new URL(`../fixtures/outputs/${path}`, import.meta.url), 'utf8');

function indexWithCloud(files: Record<string, string>) {
  const { snapshot } = buildSnapshot(Object.entries(files).map(([path, text]) => ({ path: `cloud/${path}`, text })));
  return indexSnapshot(snapshot);
}

describe('cloudInventory', () => {
  it('reads every cloud file once and tags each record with its file and line', () => {
    const index = indexWithCloud({
      'aliyun-vswitches.json': output('aliyun-vswitches/terway-three-zones.json'),
      'aliyun-snat-entries.json': output('aliyun-snat-entries/vswitch-entries.json'),
      'aliyun-route-entries.json': output('aliyun-route-entries/ack-pod-routes.json'),
      'tencent-security-groups-sg-5ksl9t3m.json': output('tencent-security-groups/tccli-node-sg.json'),
      'azure-routes.json': output('azure-routes/flannel-host-gw.json'),
      'unrelated.json': '{}',
    });
    const inventory = cloudInventory(index);
    expect(inventory.vswitches.map((v) => [v.vswitchId, v.availableIpCount, v.source])).toEqual([
      ['vsw-bp1s5fnvk4gn2tws03624', 0, { file: 'cloud/aliyun-vswitches.json', line: 8 }],
      ['vsw-bp1k3r8l9sd0aqxyz0a7w', 8176, { file: 'cloud/aliyun-vswitches.json', line: 32 }],
      ['vsw-bp19p2kduxq6f1w9tqkyb', 241, { file: 'cloud/aliyun-vswitches.json', line: 56 }],
      ['vsw-bp1d4tj2o3ljk5o8oy5mc', 8187, { file: 'cloud/aliyun-vswitches.json', line: 80 }],
    ]);
    expect(inventory.snatEntries[1]).toEqual({
      snatEntryId: 'snat-bp16l3k9p0xvy1w2q3e4r',
      sourceVSwitchId: 'vsw-bp1k3r8l9sd0aqxyz0a7w',
      sourceCidr: '192.168.64.0/19',
      snatIps: ['47.98.41.166', '47.98.45.12'],
      status: 'Available',
      name: 'terway-pod-j',
      line: 19,
      natGatewayId: 'ngw-bp1uewa15k4iy5770yt8s',
      snatTableId: 'stb-bp1xg8axl4mf2gwgbgoab',
      source: { file: 'cloud/aliyun-snat-entries.json', line: 19 },
    });
    expect(inventory.routeTables.map((t) => [t.routeTableId, t.routes.length, t.source])).toEqual([
      ['vtb-bp145q7glnuzdvzu2h6q9', 6, { file: 'cloud/aliyun-route-entries.json', line: 6 }],
    ]);
    expect(inventory.securityGroups.map((g) => [g.securityGroupId, g.rules.length, g.source])).toEqual([
      ['sg-5ksl9t3m', 8, { file: 'cloud/tencent-security-groups-sg-5ksl9t3m.json', line: 1 }],
    ]);
    expect(inventory.azureRoutes.map((r) => [r.name, r.source.line])).toEqual([
      ['k8s-master-pods', 2],
      ['win-node-1-pods', 14],
      ['to-internet', 26],
      ['azure-services', 37],
    ]);
    expect(inventory.files).toEqual({
      vswitches: ['cloud/aliyun-vswitches.json'],
      snatEntries: ['cloud/aliyun-snat-entries.json'],
      routeTables: ['cloud/aliyun-route-entries.json'],
      securityGroups: ['cloud/tencent-security-groups-sg-5ksl9t3m.json'],
      azureRoutes: ['cloud/azure-routes.json'],
    });
    expect(inventory.incomplete).toEqual({ vswitches: [], snatEntries: [], routeTables: [], securityGroups: [], azureRoutes: [] });
    // Memoised per index: the same object, files parsed once.
    expect(cloudInventory(index)).toBe(inventory);
    expect(index.diagnostics).toEqual([]);
  });

  it('says what was not captured and which files were unreadable, keeping what a cut file holds', () => {
    const index = indexWithCloud({
      'aliyun-vswitches.json': output('aliyun-vswitches/broken-truncated.json'),
      'aliyun-vswitches-page2.json': output('aliyun-vswitches/pages-list.json'),
      'azure-routes.json': output('azure-routes/broken-cli-error.txt'),
    });
    const inventory = cloudInventory(index);
    expect(inventory.vswitches.map((v) => [v.vswitchId, v.source.file])).toEqual([
      ['vsw-uf6hh2v3w2xk7yqj4p8rr', 'cloud/aliyun-vswitches-page2.json'],
      ['vsw-uf6k8t5n2r1m0q9w7e6xz', 'cloud/aliyun-vswitches-page2.json'],
      ['vsw-bp1s5fnvk4gn2tws03624', 'cloud/aliyun-vswitches.json'],
    ]);
    expect(inventory.files.snatEntries).toEqual([]);
    expect(inventory.incomplete.vswitches).toEqual(['cloud/aliyun-vswitches.json']);
    expect(inventory.incomplete.azureRoutes).toEqual(['cloud/azure-routes.json']);
    expect(inventory.azureRoutes).toEqual([]);
    expect(index.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['truncated-json', 'cloud/aliyun-vswitches.json', 31],
      ['cloud-not-json', 'cloud/azure-routes.json', 1],
    ]);
  });
});
