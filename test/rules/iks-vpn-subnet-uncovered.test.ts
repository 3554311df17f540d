import { fixture, ruleTester } from './fixture.js';

const id = 'iks-vpn-subnet-uncovered';
const checkedAgainst = '172.21.0.0/16, 172.30.0.0/16, 10.176.48.64/26';

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-new-subnet-added'),
    // local.subnet lists only the service and pod subnets: the VPN is not meant to reach workers.
    fixture(id, 'silent-no-worker-subnet-exposed'),
  ],
  invalid: [
    {
      // 10.176.48.67/.79 are in 10.176.48.64/26; the added 10.176.52.12 and .40 are not. 10.176.52.0/26 is the smallest block holding both.
      snapshot: fixture(id, 'fires-workers-added-on-new-subnet'),
      findings: ['10.176.52.12', '10.176.52.40'].map((ip) => ({
        messageId: 'workerNotCovered',
        subject: { kind: 'Node', name: ip },
        data: { privateIp: ip, checkedAgainst, workersCovered: 2, suggestedCidr: '10.176.52.0/26' },
      })),
    },
    {
      // With `ibmcloud ks subnets` captured, the worker's real private subnet is suggested.
      snapshot: fixture(id, 'fires-subnet-from-ibmcloud-ks-subnets'),
      findings: ['10.176.52.12', '10.176.52.40'].map((ip) => ({
        messageId: 'workerNotCovered',
        subject: { kind: 'Node', name: ip },
        data: { privateIp: ip, suggestedCidr: '10.176.52.0/25', suggestedFrom: 'ibmcloud ks subnets' },
      })),
    },
  ],
  notEvaluated: [
    { snapshot: fixture(id, 'not-evaluated-no-values'), capture: 'strongswan-values.yaml' },
    {
      // Cut off inside `subnet: [`: a diagnostic on line 5, and every worker not evaluated instead of passed.
      snapshot: fixture(id, 'not-evaluated-values-unreadable'),
      allowErrorDiagnostics: true,
      capture: 'cluster/strongswan-values.yaml could not be read',
      subjects: ['10.176.48.67', '10.176.48.79', '10.176.52.12', '10.176.52.40'],
    },
  ],
});
