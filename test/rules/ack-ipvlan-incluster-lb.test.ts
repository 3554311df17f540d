import { fixture, ruleTester } from './fixture.js';

const id = 'ack-ipvlan-incluster-lb';

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-flag-set'),
    // v1.1.8 < v1.2.0: the flag has no effect there, so there is nothing to turn on.
    fixture(id, 'silent-terway-before-1-2-0'),
    fixture(id, 'silent-veth-mode'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-flag-not-set'),
      findings: [
        {
          messageId: 'inClusterLbOff',
          subject: { kind: 'Cluster', name: 'ack-hz-prod' },
          severity: 'warning',
          data: { version: 'v1.2.3', versionFrom: 'image of DaemonSet kube-system/terway-eniip', virtualType: 'IPVlan', flag: 'not set' },
          evidence: [
            { fact: 'terwayIpvlanLb', path: 'ipvlan', actual: true },
            { fact: 'terwayIpvlanLb', path: 'inClusterLoadBalance', actual: false },
            { fact: 'terwayIpvlanLb', path: 'version', actual: 'v1.2.3' },
          ],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      // IPvlan mode, but neither the terway DaemonSet nor its pods: the version cannot be told.
      snapshot: fixture(id, 'not-evaluated-no-terway-version'),
      capture: 'the terway DaemonSet or its pods',
      subjects: ['ack-hz-prod'],
    },
  ],
});
