import { fixture, ruleTester } from './fixture.js';

const id = 'win-hns-port-exhaustion';
const node = { kind: 'Node', name: 'win-worker-1' };
const defaultRange = '49152-65535 (16384 ports, the default)';

// reservedports.txt and dynamicport come from test/fixtures/outputs (CollectLogs.ps1 and netsh forms);
// the kube-proxy lines are the klog form of test/fixtures/outputs/log-lines/windows-kube-proxy.txt.
ruleTester.run(id, {
  valid: [fixture(id, 'silent-healthy-pool')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-port-already-exists'),
      findings: [
        {
          messageId: 'portExists',
          subject: node,
          severity: 'error',
          data: { count: 3, logFile: 'nodes/win-worker-1/logs/kube-proxy.log', last: '0304 18:13:12.100422', dynamicRange: defaultRange, services: 3 },
          evidence: [{ fact: 'windowsPortPool', path: 'portExistsLogged', actual: true }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-reservations-failed'),
      findings: [
        {
          messageId: 'poolExhausted',
          subject: node,
          severity: 'error',
          data: { reserved: 3, attempted: 10, blocks: 4, reservedFile: 'nodes/win-worker-1/reservedports.txt', dynamicRange: defaultRange },
          evidence: [{ fact: 'windowsPortPool', path: 'reservationsFailed', actual: true }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-many-services-default-range'),
      findings: [
        {
          messageId: 'atRisk',
          subject: node,
          severity: 'warning',
          data: { services: 120, dynamicRange: defaultRange, reserved: 10 },
          evidence: [
            { fact: 'windowsPortPool', path: 'manyServices', actual: true },
            { fact: 'windowsNodeComponents', path: 'kubeProxyDsr', actual: false },
          ],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-port-outputs'), capture: 'nodes/<node>/reservedports.txt', subjects: ['win-worker-1'] }],
});
