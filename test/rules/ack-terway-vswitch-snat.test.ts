import { fixture, ruleTester } from './fixture.js';

const id = 'ack-terway-vswitch-snat';
const cluster = { kind: 'Cluster', name: 'ack-hz-prod' };
const newVSwitch = 'vsw-bp16mbbu8x1xqkq3yoy2l (cn-hangzhou-i, 192.168.64.0/19) from eni-config';

ruleTester.run(id, {
  valid: [
    // A SourceCIDR entry for 192.168.64.0/18 covers the added vSwitch 192.168.64.0/19 whole.
    fixture(id, 'silent-covered-by-wider-cidr'),
  ],
  invalid: [
    {
      // The vSwitch added to eni-config and the fixed vSwitch of eni-config-fixed (named by a node label) have no SNAT.
      snapshot: fixture(id, 'fires-added-vswitch-no-snat'),
      findings: [
        {
          messageId: 'vswitchWithoutSnat',
          subject: cluster,
          severity: 'error',
          data: {
            terwayVSwitches: 3,
            covered: 1,
            uncoveredCount: 2,
            uncovered: `${newVSwitch}: no SNAT entry; vsw-bp1fx2zem796p76viir02c (cn-hangzhou-i, 192.168.96.0/24) from eni-config-fixed: no SNAT entry`,
            snatEntries: '2 SNAT entries on ngw-bp1uewa15k4iy5770yt8s',
          },
          evidence: [{ fact: 'terwayVSwitchSnat', path: 'uncoveredCount', actual: 2 }],
        },
      ],
    },
    {
      // Only 192.168.64.0/20 of the /19 is in a SourceCIDR entry.
      snapshot: fixture(id, 'fires-partial-snat-cidr'),
      findings: [
        {
          messageId: 'vswitchWithoutSnat',
          subject: cluster,
          data: { uncoveredCount: 1, uncovered: `${newVSwitch}: SNAT covers only part of it, missing 192.168.80.0/20` },
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-no-terway-vswitch-snat'),
      findings: [
        {
          messageId: 'noTerwayVswitchHasSnat',
          subject: cluster,
          severity: 'warning',
          data: {
            covered: 0,
            uncovered: `vsw-bp1s5fnvk4gn2tws03624 (cn-hangzhou-i, 192.168.32.0/24) from eni-config: no SNAT entry; ${newVSwitch}: no SNAT entry`,
          },
        },
      ],
    },
  ],
  notEvaluated: [
    { snapshot: fixture(id, 'not-evaluated-no-snat-entries'), capture: 'cloud/aliyun-snat-entries.json', subjects: ['ack-hz-prod'] },
  ],
});
