import { fixture, ruleTester } from './fixture.js';

const id = 'ack-conntrack-full';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-no-drops')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-table-full'),
      findings: [
        {
          messageId: 'tableFull',
          subject: { kind: 'Node', name: 'cn-hangzhou.192.168.0.30' },
          severity: 'error',
          data: { count: 7, suppressed: 5106, first: '86401.119364', last: '86411.131909' },
          evidence: [{ fact: 'conntrackTableFull', path: 'count', actual: 7 }],
        },
      ],
    },
  ],
  notEvaluated: [
    {
      snapshot: fixture(id, 'partial-one-node-without-dmesg'),
      capture: 'nodes/<node>/dmesg',
      subjects: ['cn-hangzhou.192.168.0.31'],
      findings: [{ messageId: 'tableFull', subject: { name: 'cn-hangzhou.192.168.0.30' }, data: { count: 7 } }],
    },
  ],
});
