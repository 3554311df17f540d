import { fixture, ruleTester } from './fixture.js';

const id = 'ack-flannel-cniversion';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-cniversion-set'), fixture(id, 'silent-kubernetes-1-14')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-nodes-not-ready'),
      findings: [
        {
          messageId: 'nodesNotReady',
          subject: cluster,
          severity: 'error',
          data: { notReadyCount: 2, affectedNodes: 3, notReadyNodes: 'cn-hangzhou.192.168.0.41, cn-hangzhou.192.168.0.42', kubernetesVersion: 'v1.16.9-aliyun.1' },
          evidence: [
            { fact: 'flannelCniVersion', path: 'cniVersionSet', actual: false },
            { fact: 'flannelCniVersion', path: 'notReadyCount', actual: 2 },
          ],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-cniversion-missing'),
      findings: [
        {
          messageId: 'cniVersionMissing',
          subject: cluster,
          severity: 'warning',
          data: { kubernetesVersion: 'v1.18.8-aliyun.1', versionFrom: 'newest kubeletVersion among nodes: node cn-hangzhou.192.168.0.40', notReadyCount: 0 },
          evidence: [{ fact: 'flannelCniVersion', path: 'kubernetesVersion', actual: 'v1.18.8-aliyun.1' }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-flannel-configmap'),
      capture: 'ConfigMap kube-system/kube-flannel-cfg with key cni-conf.json',
      subjects: ['ack-hz-prod'],
    },
  ],
});
