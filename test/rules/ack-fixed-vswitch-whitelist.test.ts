import { fixture, ruleTester } from './fixture.js';

const id = 'ack-fixed-vswitch-whitelist';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };
const labelled = '2 node(s) labelled terway-config=eni-config-fixed (cn-hangzhou.192.168.0.20, cn-hangzhou.192.168.0.21)';

ruleTester.run(id, {
  valid: [
    // A /25 (124 IPs after the 4 reserved) for the same 31 pods: more than 2× the pods.
    fixture(id, 'silent-fixed-vswitch-twice-the-pods'),
    // The dynamic config overrides only security_groups: no vSwitch is fixed, nothing is broken.
    fixture(id, 'silent-security-groups-only-override'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-configmap-missing'),
      findings: [
        {
          messageId: 'configMissing',
          subject: cluster,
          severity: 'error',
          data: { broken: `${labelled}: no ConfigMap kube-system/eni-config-fixed` },
          evidence: [{ fact: 'terwayFixedVSwitch', path: 'brokenCount', actual: 1 }],
        },
      ],
    },
    {
      // A /26 holds 64 − 4 reserved = 60 IPs; 31 pods on the labelled nodes want 62.
      snapshot: fixture(id, 'fires-fixed-vswitch-too-small'),
      findings: [
        {
          messageId: 'fixedVSwitchTooSmall',
          subject: cluster,
          severity: 'warning',
          data: {
            short: `eni-config-fixed: vsw-bp1fx2zem796p76viir02c (cn-hangzhou-i, 192.168.96.0/26) holds 60 IPs for 31 pods on ${labelled}; at least 62 (2× the pods) advised`,
          },
          evidence: [{ fact: 'terwayFixedVSwitch', path: 'shortCount', actual: 1 }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-vswitch-inventory'),
      capture: 'cloud/aliyun-vswitches.json (aliyun vpc DescribeVSwitches --VpcId <the cluster VPC>, every page) listing vsw-bp1fx2zem796p76viir02c',
      subjects: ['ack-hz-prod'],
    },
  ],
});
