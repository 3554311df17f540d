import { fixture, ruleTester } from './fixture.js';

const id = 'iks-vlan-id-invalid';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-resize-ok')],
  invalid: [
    {
      // The English original in the resize output, the document's translated form in a worker's status.
      snapshot: fixture(id, 'fires-english-and-translated'),
      findings: [
        {
          messageId: 'vlanNotFound',
          subject: { kind: 'Cluster', name: 'mycluster' },
          data: {
            vlanIds: '2234945, 2234947',
            seenIn: 'VLAN 2234945 at cluster/ibmcloud-ks-worker-pool-resize.txt:5; VLAN 2234947 at cluster/ibmcloud-ks-workers.txt:3',
          },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-ibmcloud-output'), capture: 'ibmcloud-ks-' }],
});
