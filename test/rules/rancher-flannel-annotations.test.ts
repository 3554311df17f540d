import { fixture, ruleTester } from './fixture.js';

const id = 'rancher-flannel-annotations';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-all-annotated'), fixture(id, 'silent-virtual-kubelet-node')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-node-missing-annotations'),
      findings: [
        {
          messageId: 'missingAnnotations',
          subject: { kind: 'Node', name: 'rke-node-2' },
          severity: 'error',
          data: { missing: 'flannel.alpha.coreos.com/public-ip, flannel.alpha.coreos.com/backend-data' },
        },
      ],
    },
  ],
});
