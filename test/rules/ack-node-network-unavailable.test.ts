import { fixture, ruleTester } from './fixture.js';

const id = 'ack-node-network-unavailable';
const node = { kind: 'Node', name: 'cn-hangzhou.192.168.0.92' };
const unavailable = { condition: 'NetworkUnavailable=True (NoRouteCreated)', taint: 'node.kubernetes.io/network-unavailable:NoSchedule' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-route-created')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-multiple-route-tables'),
      findings: [
        {
          messageId: 'multipleRouteTables',
          subject: node,
          severity: 'error',
          data: {
            ...unavailable,
            event: 'DescriberRouteTablesFailed: Describe RouteTables Failed reason: multiple route tables found by vpc id[vpc-bp1q8nufr2n9qs3lzbx1h], length(tables)=2',
          },
          evidence: [{ fact: 'nodeNetworkUnavailable', path: 'cause', actual: 'multiple-route-tables' }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-route-table-full'),
      findings: [{ messageId: 'routeTableFull', subject: node, data: unavailable, evidence: [{ fact: 'nodeNetworkUnavailable', path: 'cause', actual: 'route-table-full' }] }],
    },
    {
      snapshot: fixture(id, 'fires-no-route-event'),
      findings: [
        {
          messageId: 'networkUnavailable',
          subject: node,
          data: { ...unavailable, event: 'no route event for this node' },
          evidence: [{ fact: 'nodeNetworkUnavailable', path: 'unavailable', actual: true }],
        },
      ],
    },
  ],
});
