import { fixture, ruleTester } from './fixture.js';

const id = 'tke-service-unreachable';
const svc = (name: string) => ({ kind: 'Service', namespace: 'shop', name });

ruleTester.run(id, {
  // shop/live's NodePort is missing on 10.0.0.13 in both snapshots, but it uses CLB-to-Pod direct access.
  valid: [fixture(id, 'silent-nodeport-paths-ok')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-no-endpoints-and-nodeport-missing'),
      findings: [
        {
          messageId: 'noReadyEndpoints',
          subject: svc('cart'),
          severity: 'error',
          data: { type: 'NodePort', nodePorts: '30880/TCP (http)', endpointObjects: 'Endpoints shop/cart' },
          evidence: [{ fact: 'serviceEndpoints', path: 'ready', actual: 0 }],
        },
        {
          messageId: 'nodePortMissingOnNodes',
          subject: svc('web'),
          severity: 'error',
          data: { nodePortMissingNodes: 1, nodesChecked: 2, nodePortMissing: 'shop/web:http NodePort 30080/TCP on 10.0.0.13' },
          evidence: [{ fact: 'serviceClbDirectAccess', path: 'directAccess', actual: false }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-rule-outputs'), capture: 'nodes/<node>/iptables-save' }],
});
