import { fixture, ruleTester } from './fixture.js';

const id = 'x-cidr-overlap';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-disjoint-plan'),
    // Terway pods take VPC addresses: pod ranges inside the node/VPC CIDR are the design, not an overlap.
    fixture(id, 'silent-terway-pods-in-vpc'),
    // The VPC's vSwitch CIDRs (cloud inventory) against a Service CIDR outside the VPC.
    fixture(id, 'silent-vswitches-clear-of-service-cidr'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-service-cidr-inside-pod-cidr'),
      findings: [
        {
          messageId: 'rangesOverlap',
          subject: cluster,
          severity: 'error',
          data: {
            overlapCount: 1,
            overlaps: 'pod CIDR 172.20.0.0/16 overlaps Service CIDR 172.20.240.0/20 (shared 172.20.240.0/20)',
            compared:
              'pod CIDR 172.20.0.0/16 (Network in ConfigMap kube-system/kube-flannel-cfg net-conf.json); Service CIDR 172.20.240.0/20 (snapshot.yaml); node CIDR 192.168.0.0/16 (snapshot.yaml)',
          },
          evidence: [{ fact: 'cidrOverlaps', path: 'overlapCount', actual: 1 }],
        },
      ],
    },
    {
      // No Service CIDR given: the Service ClusterIPs and node InternalIPs stand in for the missing ranges.
      snapshot: fixture(id, 'fires-pod-cidr-covers-nodes-and-idc'),
      findings: [
        {
          messageId: 'rangesOverlap',
          subject: cluster,
          data: {
            overlapCount: 3,
            overlaps: [
              'pod CIDR 192.168.0.0/16 overlaps external idc 192.168.100.0/22 (shared 192.168.100.0/22)',
              'pod CIDR 192.168.0.0/16 overlaps node cn-hangzhou.192.168.0.120 InternalIP 192.168.0.120 (shared 192.168.0.120/32)',
              'pod CIDR 192.168.0.0/16 overlaps node cn-hangzhou.192.168.0.121 InternalIP 192.168.0.121 (shared 192.168.0.121/32)',
            ].join('; '),
          },
        },
      ],
    },
    {
      // The Service CIDR (eni-config service_cidr) lies on a pod vSwitch of the VPC.
      snapshot: fixture(id, 'fires-service-cidr-overlaps-vswitch'),
      findings: [
        {
          messageId: 'rangesOverlap',
          subject: cluster,
          data: {
            overlapCount: 1,
            overlaps: 'Service CIDR 192.168.80.0/20 overlaps vSwitch vsw-bp16mbbu8x1xqkq3yoy2l 192.168.64.0/19 (shared 192.168.80.0/20)',
            compared: 'Service CIDR 192.168.80.0/20 (service_cidr in ConfigMap kube-system/eni-config); 3 vSwitch CIDRs (cloud/aliyun-vswitches.json)',
          },
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-cidrs'),
      capture: 'cluster.podCIDRs and cluster.serviceCIDRs',
      subjects: ['ack-hz-prod'],
    },
  ],
});
