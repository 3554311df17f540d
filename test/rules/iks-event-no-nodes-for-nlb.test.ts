import { fixture, ruleTester } from './fixture.js';

const id = 'iks-event-no-nodes-for-nlb';
const service = { kind: 'Service', namespace: 'default', name: 'myservice' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-no-such-event')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-no-nodes'),
      findings: [{ messageId: 'noNodes', subject: service, data: { count: 3, mismatches: 'not compared (no ibmcloud ks worker-get output matching a node)' } }],
    },
    {
      // worker-get of the second worker names another private VLAN than its node label.
      snapshot: fixture(id, 'fires-vlan-mismatch'),
      findings: [
        {
          messageId: 'noNodesVlanMismatch',
          subject: service,
          data: { mismatches: '10.176.48.79: label privateVLAN=2234947 but worker-get kube-bq5tbo2d0kbnmfq8sfs0-mycluster-default-00000079 says 2234951' },
        },
      ],
    },
    {
      // The same comparison from `ibmcloud ks worker-get --json`: here the public VLAN differs.
      snapshot: fixture(id, 'fires-vlan-mismatch-json'),
      findings: [
        {
          messageId: 'noNodesVlanMismatch',
          subject: service,
          data: { mismatches: '10.176.48.79: label publicVLAN=2234945 but worker-get kube-bq5tbo2d0kbnmfq8sfs0-mycluster-default-00000079 says 2234941' },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-events'), capture: 'events.json' }],
});
