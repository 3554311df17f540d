import { fixture, ruleTester } from './fixture.js';

const id = 'win-ipam-range-exhausted';
const node = { kind: 'Node', name: 'win-worker-1' };
const errorsWhere = '9 in events of Pod default/iis-5f7c8d9b6-q4w2z';

// hns-endpoints.json in the Get-HnsEndpoint | ConvertTo-Json layout of test/fixtures/outputs/hns-endpoints/ps51-overlay.json;
// the node's pod subnet is a /26 (61 addresses to give), so a full one stays small. Remote endpoints are not counted.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-room-left')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-subnet-used-up'),
      findings: [
        {
          messageId: 'subnetUsedUp',
          subject: node,
          severity: 'error',
          data: { endpoints: 61, assignable: 61, podCIDR: '10.244.3.0/26', errorsWhere },
          evidence: [{ fact: 'windowsIpamExhaustion', path: 'atLimit', actual: true }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-allocate-failed-no-hns-dump'),
      findings: [
        {
          messageId: 'allocateFailed',
          subject: node,
          data: { errorsWhere, endpointsNote: 'local HNS endpoints not counted (hns-endpoints.json not captured)' },
          evidence: [{ fact: 'windowsIpamExhaustion', path: 'errors', actual: 9 }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-events-no-hns'), capture: 'nodes/<node>/hns-endpoints.json', subjects: ['win-worker-1'] }],
});
