import { fixture, ruleTester } from './fixture.js';

const id = 'win-apiserver-cert';
const cluster = { kind: 'Cluster', name: 'win-hybrid-lab' };

// kubectl-errors.txt in the form of test/fixtures/outputs/kubectl-errors/capture-x509-and-refused.txt.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-no-connection-error')],
  invalid: [
    {
      // The kubeconfig points at 10.127.130.99, not the API server 10.127.130.10: reported as the wrong server
      // (the more specific finding), not also as a certificate problem.
      snapshot: fixture(id, 'fires-cert-and-wrong-server'),
      findings: [
        {
          messageId: 'wrongServer',
          subject: cluster,
          severity: 'error',
          data: { notApiServer: '10.127.130.99:6443', endpoints: '10.127.130.10:6443', file: 'cluster/kubectl-errors.txt' },
          evidence: [{ fact: 'apiServerConnection', path: 'notApiServerCount', actual: 1 }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-unknown-authority'),
      findings: [{ messageId: 'certificate', subject: cluster, data: { unable: 2, x509: 2 } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-kubectl-errors'), capture: 'cluster/kubectl-errors.txt', subjects: ['win-hybrid-lab'] }],
});
