import { fixture, ruleTester } from './fixture.js';

const id = 'iks-vpn-node-selection';
const cluster = { kind: 'Cluster', name: 'cluster' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-two-edge-workers-tolerated')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-no-worker-labelled'),
      findings: [{ messageId: 'noWorkerAdmits', subject: cluster, severity: 'error', data: { pod: 'default/vpn-strongswan-6d8b9f7c5-4xkqz', nodeSelector: 'dedicated=edge', workers: 2 } }],
    },
    {
      snapshot: fixture(id, 'fires-only-one-edge-worker'),
      findings: [{ messageId: 'onlyOneWorker', subject: cluster, severity: 'warning', data: { admittingNodes: '10.176.48.67', workers: 3 } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-pods'), capture: 'pods.json' }],
});
