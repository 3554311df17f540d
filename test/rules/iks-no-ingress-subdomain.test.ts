import { expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { fixture, ruleTester } from './fixture.js';

const id = 'iks-no-ingress-subdomain';

ruleTester.run(id, {
  valid: [fixture(id, 'silent-subdomain-set')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-normal-without-subdomain'),
      findings: [
        {
          messageId: 'noIngressSubdomain',
          subject: { kind: 'Cluster', name: 'cluster' },
          data: { name: 'mycluster', state: 'normal', ingressSubdomain: '-' },
          evidence: [{ fact: 'iksClusterIngress', path: 'hasIngressSubdomain', actual: false }],
        },
      ],
    },
    {
      // `ibmcloud ks cluster get --json`: ingressHostname "" is the table's `Ingress Subdomain: -`.
      snapshot: fixture(id, 'fires-json-empty-hostname'),
      findings: [
        {
          messageId: 'noIngressSubdomain',
          subject: { kind: 'Cluster', name: 'cluster' },
          data: { name: 'mycluster', state: 'normal', ingressSubdomain: '-' },
          evidence: [{ fact: 'iksClusterIngress', path: 'hasIngressSubdomain', actual: false }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-cluster-get'), capture: 'ibmcloud ks cluster-get' }],
});

it('fires-json-empty-hostname: the evidence points at the line of the --json file', async () => {
  const { snapshot, diagnostics } = await loadSnapshot(fixture(id, 'fires-json-empty-hostname'));
  const report = await analyze(snapshot, { diagnostics, only: [id] });
  expect(report.findings.map((f) => f.evidence.find((e) => e.fact === 'iksClusterIngress')?.source)).toMatchObject([{ file: 'cluster/ibmcloud-ks-cluster-get.json', line: 9 }]);
});
