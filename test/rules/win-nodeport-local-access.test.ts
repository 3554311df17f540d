import { fixture, ruleTester } from './fixture.js';

const id = 'win-nodeport-local-access';

// KB4571748 is "August 20, 2020—KB4571748 (OS Build 17763.1432) Preview" of Windows Server 2019 / 1809:
// 17763.1397 (the 2020-08-11 update) is older; 17763.1432 and a Windows Server 2022 build (20348) are not reported.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-no-nodeport-services'), fixture(id, 'silent-patched-builds')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-build-17763-1397'),
      findings: [
        {
          messageId: 'buildBeforeFix',
          subject: { kind: 'Node', name: 'win-worker-1' },
          severity: 'warning',
          data: { build: '17763.1397', osImage: 'Windows Server 2019 Datacenter', fixBuild: '17763.1432', services: 1, names: 'default/iis' },
          evidence: [{ fact: 'windowsOsBuild', path: 'beforeNodePortFix', actual: true }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-revision'), capture: 'the revision of the Windows build', subjects: ['win-worker-1'] }],
});
