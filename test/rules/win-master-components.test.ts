import { fixture, ruleTester } from './fixture.js';

const id = 'win-master-components';

ruleTester.run(id, {
  // A cluster without Windows nodes is not this guide's concern.
  valid: [fixture(id, 'silent-all-running'), fixture(id, 'silent-linux-only-cluster')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-crashloop-and-pending'),
      findings: [
        {
          messageId: 'notRunning',
          subject: { kind: 'Pod', name: 'coredns-78fcd69978-5xk2l', namespace: 'kube-system' },
          severity: 'error',
          data: { node: 'k8s-master', phase: 'Pending', waiting: 'ContainerCreating' },
          evidence: [{ fact: 'kubeSystemPodHealth', path: 'notRunning', actual: true }],
        },
        {
          messageId: 'crashLooping',
          subject: { kind: 'Pod', name: 'kube-apiserver-k8s-master', namespace: 'kube-system' },
          data: { node: 'k8s-master', containers: 'kube-apiserver (14 restarts)' },
          evidence: [{ fact: 'kubeSystemPodHealth', path: 'crashLooping', actual: true }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-pods'), capture: 'kubectl get pods' }],
});
