import { fixture, ruleTester } from './fixture.js';

const id = 'ack-hostport-terway';

ruleTester.run(id, {
  valid: [
    // Terway's custom CNI chain (eni-config 10-terway.conflist) appends portmap, which maps hostPorts.
    fixture(id, 'silent-portmap-chained'),
    // Flannel supports hostPort: the rule does not apply.
    fixture(id, 'silent-flannel-cluster'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-hostport-on-terway'),
      findings: [
        {
          messageId: 'hostPortIgnored',
          subject: { kind: 'Pod', namespace: 'kube-system', name: 'nginx-ingress-controller-6d9f7c8b5-t7w2k', node: 'cn-hangzhou.192.168.0.70' },
          severity: 'warning',
          data: {
            hostPorts: 'nginx-ingress-controller 80->80/TCP, nginx-ingress-controller 443->443/TCP',
            portmapFrom: 'eni-config chains no portmap plugin',
          },
          evidence: [
            { fact: 'podHostPorts', path: 'hostPortCount', actual: 2 },
            { fact: 'podHostPorts', path: 'portmapChained', actual: false },
          ],
        },
      ],
    },
  ],
});
