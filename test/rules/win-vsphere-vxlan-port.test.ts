import { fixture, ruleTester } from './fixture.js';

const id = 'win-vsphere-vxlan-port';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-port-4790'), fixture(id, 'silent-not-vsphere')],
  invalid: [
    {
      // net-conf.json sets no Backend.Port: flannel uses 4789.
      snapshot: fixture(id, 'fires-default-port'),
      findings: [
        {
          messageId: 'portConflict',
          subject: { kind: 'Cluster', name: 'win-hybrid-lab' },
          severity: 'warning',
          data: { vsphereNodes: 2, nodes: 'k8s-master, win-worker-1', backend: 'vxlan', port: 4789, portFrom: 'the default: net-conf.json sets no Backend.Port' },
          evidence: [{ fact: 'vsphereVxlanPort', path: 'conflict', actual: true }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-flannel-config'), capture: 'kube-flannel-cfg', subjects: ['win-hybrid-lab'] }],
});
