import { fixture, ruleTester } from './fixture.js';

const id = 'ack-multiple-route-tables';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };

ruleTester.run(id, {
  valid: [
    // The custom route table of the cn-hangzhou-j node vSwitch holds every node's pod CIDR route too.
    fixture(id, 'silent-routes-in-every-table'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-custom-table-without-pod-routes'),
      findings: [
        {
          messageId: 'podCidrRouteMissing',
          subject: cluster,
          severity: 'error',
          data: {
            missingCount: 4,
            missing: [
              'vtb-bp145q7glnuzdvzu2h6q9 (route table of vsw-bp1nd7k2m4x9q0w3e5r6t): cn-hangzhou.192.168.0.11 172.20.0.128/25 goes to i-bp1oldn0de5x7c9v1b3n5, not i-bp1a475fe9bab7628813',
              'vtb-bp1cu5t0m7rt2b4l9x3ze (route table of vsw-bp1nb2c4d6f8g0h2j4k6m): no route for cn-hangzhou.192.168.0.10 172.20.0.0/25, no route for cn-hangzhou.192.168.0.11 172.20.0.128/25, no route for cn-hangzhou.192.168.4.20 172.20.1.0/25',
            ].join('; '),
            tablesChecked: 'vtb-bp145q7glnuzdvzu2h6q9, vtb-bp1cu5t0m7rt2b4l9x3ze',
          },
          evidence: [{ fact: 'podCidrRoutes', path: 'missingCount', actual: 4 }],
        },
      ],
    },
    {
      // No route tables captured: the cloud-controller-manager event alone says why routes are missing.
      snapshot: fixture(id, 'fires-ccm-multiple-route-tables'),
      findings: [
        {
          messageId: 'ccmMultipleRouteTables',
          subject: cluster,
          severity: 'error',
          data: {
            ccm: 'event DescriberRouteTablesFailed on Node cn-hangzhou.192.168.4.20 (×14): Describe RouteTables Failed reason: multiple route tables found by vpc id[vpc-bp1qpo0kug3a20qqe2x0o], length(tables)=2',
          },
          evidence: [{ fact: 'podCidrRoutes', path: 'ccmCount', actual: 1 }],
        },
      ],
    },
  ],
  notEvaluated: [
    { snapshot: fixture(id, 'not-evaluated-no-route-entries'), capture: 'cloud/aliyun-route-entries.json', subjects: ['ack-hz-prod'] },
  ],
});
