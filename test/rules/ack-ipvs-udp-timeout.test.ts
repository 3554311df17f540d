import { fixture, ruleTester } from './fixture.js';

const id = 'ack-ipvs-udp-timeout';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-udp-timeout-10s'),
    fixture(id, 'silent-ipvsadm-set-kubernetes-1-16'),
    fixture(id, 'silent-iptables-mode'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-default-timeout'),
      findings: [
        {
          messageId: 'setUdpTimeout',
          subject: cluster,
          severity: 'warning',
          data: {
            configMap: 'ConfigMap kube-system/kube-proxy-worker',
            udpTimeout: '300s (kernel default; ipvs.udpTimeout not set)',
            nodesAt300: 'not captured',
            dns: '2 CoreDNS/kube-dns pods (k8s-app=kube-dns)',
            kubernetesVersion: 'v1.22.15-aliyun.1',
          },
          evidence: [
            { fact: 'ipvsUdpTimeout', path: 'udpTimeout300', actual: true },
            { fact: 'ipvsUdpTimeout', path: 'udpTimeoutSupported', actual: true },
          ],
        },
      ],
    },
    {
      // One node was fixed by hand with ipvsadm --set; the other still shows 300.
      snapshot: fixture(id, 'fires-ipvsadm-300-kubernetes-1-16'),
      findings: [
        {
          messageId: 'setIpvsadmTimeout',
          subject: cluster,
          data: { nodesAt300: 'cn-hangzhou.192.168.0.61', kubernetesVersion: 'v1.16.9-aliyun.1' },
          evidence: [{ fact: 'ipvsUdpTimeout', path: 'udpTimeoutSupported', actual: false }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-kube-proxy-configmap'),
      capture: 'ConfigMap kube-system/kube-proxy-worker',
      subjects: ['ack-hz-prod'],
    },
  ],
});
