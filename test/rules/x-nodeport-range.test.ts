import { fixture, ruleTester } from './fixture.js';

const id = 'x-nodeport-range';
const svc = (name: string) => ({ kind: 'Service', namespace: 'shop', name });
const rangeFrom = '--service-node-port-range of kube-apiserver on node 10.0.0.2 (nodes/10.0.0.2/processes line 5)';

ruleTester.run(id, {
  valid: [
    // same apiserver range (30000-35000), nodePorts 32000 and 32767
    fixture(id, 'silent-inside-ranges'),
    // no kube-apiserver command line: the default 30000-32767 is assumed and never reported on its own
    fixture(id, 'silent-default-range'),
    // not TKE: metrics' nodePort 33000 is outside TKE's security-group range, which does not apply here
    fixture(id, 'silent-custom-range-not-tke'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-outside-ranges'),
      findings: [
        {
          messageId: 'outsideApiserverRange',
          subject: svc('legacy'),
          severity: 'warning',
          data: { outsideRange: '20080/TCP (http)', range: '30000-35000', rangeFrom },
        },
        { messageId: 'outsideSecurityGroupRange', subject: svc('legacy'), data: { outsideSecurityGroup: '20080/TCP (http)', securityGroupRange: '30000-32768' } },
        {
          messageId: 'outsideSecurityGroupRange',
          subject: svc('metrics'),
          data: { outsideSecurityGroup: '33000/TCP (http)' },
          evidence: [{ fact: 'serviceNodePortRange', path: 'outsideSecurityGroupCount', actual: 1 }],
        },
      ],
    },
  ],
});
