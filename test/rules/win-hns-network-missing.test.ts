import { fixture, ruleTester } from './fixture.js';

const id = 'win-hns-network-missing';
const node = { kind: 'Node', name: 'win-worker-1', node: 'win-worker-1' };

ruleTester.run(id, {
  valid: [fixture(id, 'silent-l2bridge-ready'), fixture(id, 'silent-flannel-4096-localised-adapter')],
  invalid: [
    {
      // hns-networks.json redirected by Windows PowerShell: UTF-16LE, CRLF, a single object (only `nat`).
      snapshot: fixture(id, 'fires-no-cbr0-nor-adapter'),
      findings: [
        {
          messageId: 'adapterMissing',
          subject: node,
          severity: 'error',
          data: { vEthernetAdapters: 'vEthernet (nat)' },
          evidence: [{ fact: 'windowsHnsNetworks', path: 'vEthernetAdapter', actual: 'missing' }],
        },
        {
          messageId: 'networkMissing',
          subject: node,
          severity: 'error',
          data: { expected: 'cbr0', expectedFrom: 'the name in nodes/win-worker-1/cni/cni.conf', networks: 'nat (nat)' },
          evidence: [{ fact: 'windowsHnsNetworks', path: 'kubernetesNetworkPresent', actual: false }],
        },
      ],
    },
    {
      // Only `hnsdiag list networks` was captured; net-adapters is not needed to report the missing network.
      snapshot: fixture(id, 'fires-overlay-vxlan0-not-created'),
      findings: [
        {
          messageId: 'networkMissing',
          subject: node,
          data: { expected: 'vxlan0', networks: 'nat, External' },
          evidence: [{ fact: 'windowsHnsNetworks', path: 'kubernetesNetworkPresent', actual: false }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-hns-output'), capture: 'nodes/<node>/hns-networks.json', subjects: ['win-worker-1'] }],
});
