import { fixture, ruleTester } from './fixture.js';

const id = 'iks-strongswan-release-exists';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-reinstalled')],
  invalid: [
    {
      // Helm 2: `Error: release vpn failed: deployments.extensions "vpn-strongswan" already exists` on line 8.
      snapshot: fixture(id, 'fires-helm2-vpn-strongswan-exists'),
      findings: [
        {
          messageId: 'releaseExists',
          subject: { kind: 'Cluster', name: 'cluster' },
          data: { exists: 'deployments.extensions "vpn-strongswan" (cluster/helm-install.txt:8)', deployment: 'vpn-strongswan' },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-helm-output'), capture: 'helm' }],
});
