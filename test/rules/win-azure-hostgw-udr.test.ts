import { fixture, ruleTester } from './fixture.js';

const id = 'win-azure-hostgw-udr';

// Routes: `az network route-table route list -o json` of test/fixtures/outputs/azure-routes/flannel-host-gw.json
// (10.244.0.0/24 → 10.240.0.4, 10.244.1.0/24 → 10.240.0.5, both VirtualAppliance).
ruleTester.run(id, {
  valid: [fixture(id, 'silent-routes-for-every-node'), fixture(id, 'silent-vxlan')],
  invalid: [
    {
      // win-node-1 now has IP 10.240.0.7 (its route still points to .5); win-node-2 has no route at all.
      snapshot: fixture(id, 'fires-new-node-no-route-and-stale-next-hop'),
      findings: [
        {
          messageId: 'routeWrong',
          subject: { kind: 'Node', name: 'win-node-1' },
          severity: 'error',
          data: { podCIDR: '10.244.1.0/24', nodeIP: '10.240.0.7', route: 'win-node-1-pods (k8s-win-rt): next hop VirtualAppliance 10.240.0.5', file: 'cloud/azure-routes.json' },
          evidence: [{ fact: 'azureHostGwRoute', path: 'state', actual: 'wrong' }],
        },
        {
          messageId: 'routeMissing',
          subject: { kind: 'Node', name: 'win-node-2' },
          data: { podCIDR: '10.244.2.0/24', nodeIP: '10.240.0.6' },
          evidence: [{ fact: 'azureHostGwRoute', path: 'state', actual: 'missing' }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-route-table'), capture: 'cloud/azure-routes.json', subjects: ['k8s-master', 'win-node-1'] }],
});
