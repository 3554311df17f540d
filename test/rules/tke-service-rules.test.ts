import { fixture, ruleTester } from './fixture.js';

const id = 'tke-service-rules';
const svc = (name: string) => ({ kind: 'Service', namespace: 'shop', name });

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-iptables-consistent'),
    // a replaced pod's real server kept at weight 0 while its connections drain is not a mismatch
    fixture(id, 'silent-ipvs-draining-real-server'),
    // shop/web has internalTrafficPolicy: Local: each node's real servers are its own endpoints only, by design
    fixture(id, 'silent-ipvs-internal-traffic-local'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-ports-and-node-rules'),
      findings: [
        {
          messageId: 'targetPortNotDeclared',
          subject: svc('cart'),
          severity: 'info',
          data: { undeclared: 'port http 80/TCP → targetPort 8081', pods: 1, containerPorts: 'http:8080/TCP' },
        },
        {
          messageId: 'clusterIPMissingOnNodes',
          subject: svc('orders'),
          severity: 'error',
          data: { clusterIPMissingNodes: 1, nodesChecked: 2, clusterIPMissing: 'shop/orders:grpc 172.17.253.40:9090/TCP on 10.0.0.13' },
          evidence: [{ fact: 'serviceKubeProxyRules', path: 'clusterIPMissingNodes', actual: 1 }],
        },
        {
          messageId: 'namedTargetPortUnresolved',
          subject: svc('web'),
          severity: 'error',
          data: { unresolvedNamed: 'port http 80/TCP → targetPort http-web', pods: 2, containerPorts: 'http:8080/TCP' },
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-ipvs-stale-real-server'),
      findings: [
        {
          messageId: 'realServersMismatch',
          subject: svc('web'),
          severity: 'warning',
          data: {
            realServerMismatchNodes: 1,
            realServerMismatches:
              'shop/web:http 172.17.253.20:80/TCP (ready endpoints without a real server: 172.16.0.75:8080; ' +
              'real servers that are no ready endpoint: 172.16.0.71:8080) on 10.0.0.13',
          },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-node-outputs'), capture: 'nodes/<node>/iptables-save' }],
});
