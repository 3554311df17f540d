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
    // shop/web's two pods map the port name http to 8080 and 9090 (two endpoint subsets, DNAT to each): each pod resolves it.
    fixture(id, 'silent-named-port-differs-per-pod'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-ports-and-node-rules'),
      findings: [
        {
          messageId: 'targetPortNotDeclared',
          subject: svc('cart'),
          severity: 'info',
          data: { undeclared: 'port http 80/TCP → targetPort 8081 (not declared by cart-58b7d9c6f4-tq9zl)', pods: 1, containerPorts: 'cart-58b7d9c6f4-tq9zl: http:8080/TCP' },
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
          data: { unresolvedNamed: 'port http 80/TCP → targetPort http-web', pods: 2, containerPorts: 'web-6d5f7c8b9-m8r4t, web-6d5f7c8b9-x2kqp: http:8080/TCP' },
        },
      ],
    },
    {
      // IKS "检查是否使用的是应用程序侦听的端口": named targetPorts resolved per pod. default/myservice: http is 8080 on v1,
      // 9080 on v2, and the debug pod does not declare it; default/orders: no pod declares grpc-api.
      snapshot: fixture(id, 'fires-named-port-per-pod'),
      findings: [
        {
          messageId: 'namedTargetPortMissingOnSomePods',
          subject: { kind: 'Service', namespace: 'default', name: 'myservice' },
          severity: 'warning',
          data: {
            partialNamed:
              'port http 8080/TCP → targetPort http resolves on myservice-7c9d5b6f8-a1b2c → 8080, myservice-v2-5f6d7c8b9-k3l4m → 9080; ' +
              'not declared by myservice-debug-6b7c8d9e0-x9y8z',
            containerPorts: 'myservice-7c9d5b6f8-a1b2c: http:8080/TCP; myservice-debug-6b7c8d9e0-x9y8z: metrics:9100/TCP; myservice-v2-5f6d7c8b9-k3l4m: http:9080/TCP',
          },
          evidence: [{ fact: 'serviceTargetPorts', path: 'partialNamedCount', actual: 1 }],
        },
        {
          messageId: 'namedTargetPortUnresolved',
          subject: { kind: 'Service', namespace: 'default', name: 'orders' },
          severity: 'error',
          data: { unresolvedNamed: 'port grpc 9090/TCP → targetPort grpc-api', pods: 2, containerPorts: 'orders-6c8d9f7b5-p2q3r, orders-6c8d9f7b5-s4t5u: grpc:9090/TCP' },
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
