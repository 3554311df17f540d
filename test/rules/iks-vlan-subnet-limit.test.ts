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
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-nothing-captured'), capture: 'ibmcloud-ks-subnets.txt', checks: ['vlanAtLimit'] }],
});
