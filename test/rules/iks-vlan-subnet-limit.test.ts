import { expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { fixture, ruleTester } from './fixture.js';

const id = 'iks-vlan-subnet-limit';
const cluster = { kind: 'Cluster', name: 'cluster' };

ruleTester.run(id, {
  // 39 subnets on VLAN 2234945: one below the limit.
  valid: [fixture(id, 'silent-39-subnets')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-subnet-limit-event'),
      findings: [{ messageId: 'subnetLimitEvent', subject: cluster, data: { eventCount: 1, eventObjects: 'Event default/myservice.17a9c0b2f1d3e4f1 (Service default/myservice)' } }],
    },
    {
      // 40 rows of `ibmcloud ks subnets` on public VLAN 2234945 (one on private VLAN 2234947).
      snapshot: fixture(id, 'fires-vlan-40-subnets'),
      findings: [{ messageId: 'vlanAtLimit', subject: cluster, data: { vlansAtLimit: '2234945 (40 subnets)' } }],
    },
    {
      // The same 41 subnets as `ibmcloud ks subnets --json` (API objects: vlan_id, properties.network_identifier/cidr).
      snapshot: fixture(id, 'fires-vlan-40-subnets-json'),
      findings: [
        {
          messageId: 'vlanAtLimit',
          subject: cluster,
          data: { vlansAtLimit: '2234945 (40 subnets)' },
          evidence: [{ fact: 'iksVlanSubnets', path: 'vlansAtLimitCount', actual: 1 }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-nothing-captured'), capture: 'ibmcloud-ks-subnets.txt', checks: ['vlanAtLimit'] }],
});

it('fires-vlan-40-subnets-json: the evidence points at the line of the --json file', async () => {
  const { snapshot, diagnostics } = await loadSnapshot(fixture(id, 'fires-vlan-40-subnets-json'));
  const report = await analyze(snapshot, { diagnostics, only: [id] });
  expect(report.findings.map((f) => f.evidence.find((e) => e.fact === 'iksVlanSubnets')?.source)).toMatchObject([{ file: 'cluster/ibmcloud-ks-subnets.json', line: 3 }]);
});
