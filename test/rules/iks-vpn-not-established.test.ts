import { fixture, ruleTester } from './fixture.js';

const id = 'iks-vpn-not-established';
const cluster = { kind: 'Cluster', name: 'cluster' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-established')],
  invalid: [
    {
      // ipsec statusall: k8s-conn CONNECTING (routed), and the VPN pod in CrashLoopBackOff.
      snapshot: fixture(id, 'fires-connecting-and-crashlooping'),
      findings: [
        { messageId: 'notEstablished', subject: cluster, data: { connections: 1, established: 0, notEstablished: 'k8s-conn (CONNECTING/ROUTED, line 9)' } },
        { messageId: 'vpnPodFailing', subject: cluster, data: { failing: 'default/vpn-strongswan-6d8b9f7c5-4xkqz: CrashLoopBackOff, 14 restarts' } },
      ],
    },
  ],
  notEvaluated: [
    { snapshot: fixture(id, 'not-evaluated-no-ipsec-status'), capture: 'ipsec status', checks: ['notEstablished'] },
    {
      // A real ipsec statusall (strongSwan 5.6.1, netdata#3296) cut after its Connections: which connections are up
      // is not in the text, so "none established" would be a guess.
      snapshot: fixture(id, 'not-evaluated-ipsec-status-cut-before-sas'),
      capture: 'ends before its Security Associations section',
      subjects: ['cluster'],
    },
  ],
});
