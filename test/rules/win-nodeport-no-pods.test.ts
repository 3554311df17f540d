import { fixture, ruleTester } from './fixture.js';

const id = 'win-nodeport-no-pods';

// win-worker-2 runs only a host-network kube-proxy pod, which does not count.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-pod-on-each-node'), fixture(id, 'silent-no-nodeport-services')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-scaled-down-node'),
      findings: [
        {
          messageId: 'noPods',
          subject: { kind: 'Node', name: 'win-worker-2' },
          severity: 'warning',
          data: { services: 1, names: 'default/iis' },
          evidence: [{ fact: 'windowsNodePortContext', path: 'runningPods', actual: 0 }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-pods'), capture: 'kubectl get pods' }],
});
