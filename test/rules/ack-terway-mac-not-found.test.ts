import { fixture, ruleTester } from './fixture.js';

const id = 'ack-terway-mac-not-found';
const pod = { kind: 'Pod', namespace: 'default', name: 'web-7d4b9c8f6d-m4n5b', node: 'cn-hangzhou.192.168.0.101' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-no-mac-errors')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-transient-then-running'),
      findings: [
        {
          messageId: 'transient',
          subject: pod,
          severity: 'info',
          data: { eventCount: 4, mac: '00:16:3e:0c:5a:7f', lastSeen: '2026-11-20T08:01:12Z' },
          evidence: [{ fact: 'terwayMacNotFound', path: 'recovered', actual: true }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-persistent'),
      findings: [
        {
          messageId: 'persistent',
          subject: pod,
          severity: 'error',
          data: { eventCount: 57, mac: '00:16:3e:0c:5a:7f', phase: 'Pending', node: 'cn-hangzhou.192.168.0.101' },
          evidence: [{ fact: 'terwayMacNotFound', path: 'recovered', actual: false }],
        },
      ],
    },
  ],
});
