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
          data: {
            count: 7,
            suppressed: 5106,
            first: '86401.119364',
            last: '86411.131909',
            maxPerCore: 'unknown (no kube-proxy ConfigMap captured)',
            dnsShare: 'unknown (capture conntrack -L)',
            advice: 'Run conntrack -L to see which protocols fill the table.',
          },
          evidence: [{ fact: 'conntrackTableFull', path: 'count', actual: 7 }],
        },
      ],
    },
    {
      // kube-proxy-worker leaves maxPerCore at kube-proxy's default, and conntrack -L is mostly DNS.
      snapshot: fixture(id, 'fires-table-full-dns'),
      findings: [
        {
          messageId: 'tableFull',
          subject: { kind: 'Node', name: 'cn-hangzhou.192.168.0.30' },
          data: {
            count: 7,
            maxPerCore: 'not set (kube-proxy default 32768) in kube-system/kube-proxy-worker',
            dnsShare: '7 of 10 entries (70%)',
            advice: 'Most entries are DNS: use NodeLocal DNSCache. Raise conntrack.maxPerCore to 65536 or more.',
          },
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
