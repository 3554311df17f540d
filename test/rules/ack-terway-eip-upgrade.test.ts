import { fixture, ruleTester } from './fixture.js';

const id = 'ack-terway-eip-upgrade';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-eip-migrated')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-upgrade-failed'),
      findings: [
        {
          messageId: 'upgradeFailed',
          subject: cluster,
          severity: 'error',
          data: {
            upgradeError: 'event UpgradeFailed on DaemonSet terway-eniip: upgrade terway failed: eip pool is not supported',
            eipKeys: 'allow_eip_rob, enable_eip_pool',
          },
          evidence: [{ fact: 'terwayEip', path: 'upgradeErrorCount', actual: 1 }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-eip-still-configured'),
      findings: [
        {
          messageId: 'eipConfigured',
          subject: cluster,
          severity: 'warning',
          data: { eipKeys: 'allow_eip_rob, enable_eip_pool', eipPoolEnabled: true, upgradeError: 'none' },
          evidence: [{ fact: 'terwayEip', path: 'eipKeyCount', actual: 2 }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'not-evaluated-no-eni-config'),
      capture: 'ConfigMap kube-system/eni-config',
      subjects: ['ack-hz-prod'],
    },
  ],
});
