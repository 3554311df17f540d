import { fixture, ruleTester } from './fixture.js';

const id = 'iks-keepalived-pending';
const data = {
  untoleratedTaints: 'app=db:NoSchedule (2 nodes)',
  schedulerMessage: "0/2 nodes are available: 2 node(s) had taint {app: db}, that the pod didn't tolerate.",
};

ruleTester.run(id, {
  valid: [fixture(id, 'silent-running')],
  invalid: [
    {
      // The document's two Pending pods; every worker carries the custom taint app=db:NoSchedule.
      snapshot: fixture(id, 'fires-custom-taint'),
      findings: [
        { messageId: 'keepalivedPending', subject: { kind: 'Pod', namespace: 'ibm-system', name: 'ibm-cloud-provider-ip-169-61-102-244-55967b5b8c-7zv9t' }, data },
        { messageId: 'keepalivedPending', subject: { kind: 'Pod', namespace: 'ibm-system', name: 'ibm-cloud-provider-ip-169-61-102-244-55967b5b8c-8ptvg' }, data },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-pods'), capture: 'pods.json' }],
});
