import { fixture, ruleTester } from './fixture.js';

const id = 'win-exceptionlist-coverage';
const node = { kind: 'Node', name: 'win-worker-1', node: 'win-worker-1' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-all-covered'), fixture(id, 'silent-covered-by-wider-block')],
  invalid: [
    {
      // cni.conf saved by PowerShell: UTF-16LE with BOM and CRLF line ends.
      snapshot: fixture(id, 'fires-service-subnet-missing'),
      findings: [
        {
          messageId: 'uncovered',
          subject: node,
          severity: 'error',
          data: {
            exceptionList: '10.244.0.0/16, 10.127.130.0/24',
            uncovered: 'Service subnet 10.96.0.0/12 (missing 10.96.0.0/12)',
            file: 'nodes/win-worker-1/cni/cni.conf',
            form: 'flannel-delegate-policies',
          },
          evidence: [{ fact: 'windowsExceptionList', path: 'uncovered', actual: [{ name: 'Service subnet', cidr: '10.96.0.0/12', missing: ['10.96.0.0/12'] }] }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-pod-subnet-partly-covered'),
      findings: [{ messageId: 'uncovered', subject: node, data: { uncovered: 'cluster (pod) subnet 10.244.0.0/16 (missing 10.244.128.0/17)' } }],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-cni-config'), capture: 'nodes/<node>/cni/<file>', subjects: ['win-worker-1'] }],
});
