import { fixture, ruleTester } from './fixture.js';

const id = 'ack-kube-proxy-config';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-valid-config')],
  invalid: [
    {
      // The broken config is also an error diagnostic of the snapshot, by design.
      snapshot: fixture(id, 'fires-missing-colon'),
      allowErrorDiagnostics: true,
      findings: [
        {
          messageId: 'invalidConfig',
          subject: cluster,
          severity: 'error',
          data: {
            invalid: 'kube-system/kube-proxy-worker config.conf line 10: MULTILINE_IMPLICIT_KEY: Implicit keys need to be on a single line',
            configMaps: 'kube-proxy-worker',
          },
          evidence: [{ fact: 'kubeProxyConfigValidity', path: 'invalidCount', actual: 1 }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-master-missing-space'),
      allowErrorDiagnostics: true,
      findings: [
        {
          messageId: 'invalidConfig',
          subject: cluster,
          data: {
            invalid: 'kube-system/kube-proxy-master config.conf line 9: conntrack must be a mapping; kube-proxy will not start with this value',
            configMaps: 'kube-proxy-master',
          },
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
