import { fixture, ruleTester } from './fixture.js';

const id = 'iks-vpn-debug-errors';

ruleTester.run(id, {
  // The established run with the 10.92.0.0/24 remote subnet removed: only the VERIFY prompts remain.
  valid: [fixture(id, 'silent-established')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-not-established'),
      findings: [
        {
          messageId: 'debugLines',
          subject: { kind: 'Cluster', name: 'cluster' },
          severity: 'warning',
          data: {
            flagged: 11,
            counts: '0 ERROR, 2 WARNING, 2 VERIFY, 7 CHECK',
            established: 'no',
            lines:
              'line 39: WARNING The remote gateway did not respond to the ping requests; line 40: CHECK Is the correct IP address configured for the gateway?; ' +
              'line 41: CHECK Is the gateway configured to respond to ping (ICMP requests)?; line 42: CHECK Is there a firewall blocking ICMP traffic?; ' +
              'line 49: WARNING The remote gateway does not appear to be reachable (203.0.113.45); line 53: CHECK For VPN \'state change\' messages in the log; ' +
              "line 55: CHECK For 'FAIL' in the log; line 58: CHECK For 'RETRANSMIT' in the log; line 63: CHECK For 'NOT RESPONDING' in the log; " +
              'line 65: VERIFY the ipsec.conf below matches the on-prem VPN settings:; line 81: VERIFY the ipsec.secrets below matches the on-prem VPN settings:',
          },
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-vpndebug'), capture: 'vpnDebug' }],
});
