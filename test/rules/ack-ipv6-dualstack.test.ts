import { fixture, ruleTester } from './fixture.js';

const id = 'ack-ipv6-dualstack';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };
const dualStackFrom = 'Service default/web clusterIPs 172.21.3.20, fd00:10:96::3:20';

ruleTester.run(id, {
  // An IPv4-only cluster (kube-proxy-worker still says IPv6DualStack: true, as ACK writes it) and a complete dual-stack one.
  valid: [fixture(id, 'silent-ipv4-only-cluster'), fixture(id, 'silent-dual-stack-complete') /* holds default/kubernetes, always single-stack */],
  invalid: [
    {
      snapshot: fixture(id, 'fires-ipv4-only-gaps'),
      findings: [
        {
          messageId: 'listenersIpv4Only',
          subject: cluster,
          severity: 'warning',
          data: {
            dualStackFrom,
            ipv4OnlyListenerCount: 1,
            ipv4OnlyListeners: 'cn-hangzhou.192.168.0.70 0.0.0.0:9100 (pod monitoring/node-exporter-x4p7z, node_exporter)',
            nodesChecked: '1 of 1 nodes with host-network pod ports',
          },
          evidence: [
            { fact: 'dualStack', path: 'dualStack', actual: true },
            { fact: 'dualStackListeners', path: 'ipv4OnlyListenerCount', actual: 1 },
          ],
        },
        {
          messageId: 'podsIpv4Only',
          subject: cluster,
          severity: 'warning',
          data: { ipv4OnlyPodCount: 1, ipv4OnlyPods: 'default/legacy-5f6c7d8e9-r2m4t (192.168.0.203)' },
          evidence: [{ fact: 'ipv4OnlyPods', path: 'count', actual: 1 }],
        },
        {
          messageId: 'servicesSingleStack',
          subject: cluster,
          severity: 'info',
          data: { singleStackServiceCount: 1, singleStackServices: 'default/api (SingleStack, 172.21.5.31)' },
          evidence: [{ fact: 'singleStackServices', path: 'count', actual: 1 }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-netstat'),
      capture: 'nodes/<node>/netstat',
      subjects: ['ack-hz-prod'],
    },
  ],
});
