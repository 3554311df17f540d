import { fixture, ruleTester } from './fixture.js';

const id = 'ack-ipam-range-exhausted';
const node = { kind: 'Node', name: 'cn-hangzhou.192.168.0.10' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-no-allocation-errors')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-leaked-addresses'),
      findings: [
        {
          messageId: 'addressesLeaked',
          subject: node,
          data: {
            range: '172.30.34.129-172.30.34.190',
            rangeSize: 62,
            assignable: 61,
            podsOnNode: 5,
            causes:
              'Kubernetes v1.18.8-aliyun.1 is below 1.20; flannel v0.15.1.5-7e95fe23-aliyun is below v0.15.1.11-7e95fe23-aliyun; IPAM dataDir is not set (default /var/lib/cni/networks), not under /var/run',
          },
        },
      ],
    },
    {
      // Not ACK: the leak is reported, but ACK's fix version is no cause on a kubeadm cluster at 1.18.
      snapshot: fixture(id, 'fires-leaked-not-ack'),
      findings: [
        {
          messageId: 'addressesLeaked',
          subject: node,
          data: { podsOnNode: 5, causes: 'IPAM dataDir is not set (default /var/lib/cni/networks), not under /var/run' },
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-range-full'),
      findings: [
        {
          messageId: 'rangeFull',
          subject: node,
          data: { range: '172.30.34.129-172.30.34.190', podsOnNode: 61, causes: "none of the document's known causes visible in the snapshot" },
        },
      ],
    },
  ],
});
