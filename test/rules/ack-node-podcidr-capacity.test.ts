import { fixture, ruleTester } from './fixture.js';

const id = 'ack-node-podcidr-capacity';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-24-with-110-pods'), fixture(id, 'silent-ack-default-26-with-64-pods')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-cidr-smaller-than-max-pods'),
      findings: [
        {
          messageId: 'cidrBelowMaxPods',
          subject: { kind: 'Node', name: 'cn-hangzhou.192.168.0.20' },
          severity: 'warning',
          data: {
            podCIDR: '172.20.0.64/26',
            usable: 62,
            assignable: 61,
            capacityPods: 110,
            hostNetworkPods: 1,
            podNetworkCapacity: 109,
            podsOnNode: 12,
            hostNetworkNote: ', 109 of them on the pod network once its 1 host-network pods are counted',
          },
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-cidr-full'),
      findings: [
        { messageId: 'cidrBelowMaxPods', subject: { name: 'cn-hangzhou.192.168.0.21' }, data: { assignable: 29, podNetworkCapacity: 31 } },
        { messageId: 'podsExhaustCidr', subject: { name: 'cn-hangzhou.192.168.0.21' }, severity: 'error', data: { podCIDR: '172.20.1.0/27', usable: 30, assignable: 29, podsOnNode: 29 } },
      ],
    },
    {
      // Nodes only: the node-side check runs; host-network pods cannot be counted and the message says so.
      snapshot: fixture(id, 'fires-nodes-only'),
      findings: [
        {
          messageId: 'cidrBelowMaxPods',
          subject: { kind: 'Node', name: 'cn-hangzhou.192.168.0.20' },
          severity: 'warning',
          data: {
            podCIDR: '172.20.0.64/26',
            assignable: 61,
            capacityPods: 110,
            podNetworkCapacity: 110,
            hostNetworkNote: ' (host-network pods not counted: pods were not captured)',
          },
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'fires-nodes-only'),
      name: 'nodes only: the pods check is not evaluated, the node check still fires',
      capture: 'kubectl get pods -A -o json > pods.json',
      checks: ['podsExhaustCidr'],
      findings: [{ messageId: 'cidrBelowMaxPods', subject: { kind: 'Node', name: 'cn-hangzhou.192.168.0.20' }, data: { assignable: 61, capacityPods: 110 } }],
    },
  ],
});
