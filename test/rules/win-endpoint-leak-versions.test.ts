import { fixture, ruleTester } from './fixture.js';

const id = 'win-endpoint-leak-versions';
const node = { kind: 'Node', name: 'win-worker-1' };

// win-worker-2 (kubelet v1.11.3, docker://18.9.0) is past both known issues; containerd is not compared with Docker EE.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-current-versions')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-k8s-1-11-1-docker-18-03'),
      findings: [
        {
          messageId: 'dockerBefore1809',
          subject: node,
          severity: 'warning',
          data: { runtime: 'docker://18.3.1' },
          evidence: [{ fact: 'windowsEndpointLeakVersions', path: 'oldDocker', actual: true }],
        },
        {
          messageId: 'kubernetes111',
          subject: node,
          data: { kubelet: 'v1.11.1' },
          evidence: [{ fact: 'windowsEndpointLeakVersions', path: 'leakyKubernetes', actual: true }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-node-info'), capture: 'status.nodeInfo', subjects: ['win-worker-1'] }],
});
