import { fixture, ruleTester } from './fixture.js';

const id = 'ack-flannel-hairpin';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-hairpin-enabled'), fixture(id, 'silent-terway-cluster')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-hairpin-not-enabled'),
      findings: [
        {
          messageId: 'hairpinDisabled',
          subject: cluster,
          severity: 'warning',
          data: { hairpinMode: 'not set', version: 'v0.15.1.22-20a397e6-aliyun' },
          evidence: [{ fact: 'flannelHairpin', path: 'hairpinMode', actual: false }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-version-below-hairpin-support'),
      findings: [
        {
          messageId: 'versionCannotHairpin',
          subject: cluster,
          data: { version: 'v0.13.0.2-466064b-aliyun', versionFrom: 'image of DaemonSet kube-system/kube-flannel-ds' },
        },
      ],
    },
  ],
});
