import { fixture, ruleTester } from './fixture.js';

const id = 'iks-websocket-timeout';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-300s-timeout')],
  invalid: [
    {
      // chat: no timeout at all (the ALB default, 60s); stream: ws-stream at 60s, ws-feed at 300s (fine).
      snapshot: fixture(id, 'fires-default-and-60s-timeouts'),
      findings: [
        { messageId: 'shortReadTimeout', subject: { kind: 'Ingress', namespace: 'default', name: 'chat' }, data: { shortTimeout: 'ws-chat (no proxy-read-timeout: default 60s)' } },
        {
          messageId: 'shortReadTimeout',
          subject: { kind: 'Ingress', namespace: 'default', name: 'stream' },
          data: { shortTimeout: 'ws-stream (proxy-read-timeout 60s)', websocketServices: 'ws-feed, ws-stream' },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-ingresses'), capture: 'ingresses.json' }],
});
