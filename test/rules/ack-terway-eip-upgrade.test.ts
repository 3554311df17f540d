import { fixture, ruleTester } from './fixture.js';

const id = 'ack-terway-eip-upgrade';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };

ruleTester.run(id, {
  // silent-eip-pool-disabled: eni_conf keeps enable_eip_pool/allow_eip_rob set to "false", as the migration to
  // ack-extend-network-controller leaves it.
  valid: [fixture(id, 'silent-eip-migrated'), fixture(id, 'silent-eip-pool-disabled')],
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
