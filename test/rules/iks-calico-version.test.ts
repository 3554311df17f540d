import { fixture, ruleTester } from './fixture.js';

const id = 'iks-calico-version';
const cluster = { kind: 'Cluster', name: 'cluster' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-v3-client-and-config')],
  invalid: [
    {
      // calicoctl v1.6.4: the client is the problem; its errors are the consequence (one finding).
      snapshot: fixture(id, 'fires-v1-client'),
      findings: [{ messageId: 'clientTooOld', subject: cluster, data: { clientVersion: 'v1.6.4' } }],
    },
    {
      snapshot: fixture(id, 'fires-v1-config-file'),
      findings: [{ messageId: 'configV1', subject: cluster, data: { configApiVersion: 'v1' } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-calicoctl'), capture: 'calicoctl version', subjects: ['cluster'] }],
});
