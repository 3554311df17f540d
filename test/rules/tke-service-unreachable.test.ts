import { expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { fixture, ruleTester } from './fixture.js';

const id = 'tke-service-unreachable';
const svc = (name: string) => ({ kind: 'Service', namespace: 'shop', name });

ruleTester.run(id, {
  // shop/live's NodePort is missing on 10.0.0.13 in both snapshots, but it uses CLB-to-Pod direct access.
  valid: [fixture(id, 'silent-nodeport-paths-ok'), fixture(id, 'silent-not-tke-iks')],
  invalid: [
    {
      snapshot: fixture(id, 'fires-no-endpoints-and-nodeport-missing'),
      findings: [
        {
          messageId: 'noReadyEndpoints',
          subject: svc('cart'),
          severity: 'error',
          data: { type: 'NodePort', nodePorts: '30880/TCP (http)', endpointObjects: 'Endpoints shop/cart' },
          evidence: [{ fact: 'serviceEndpoints', path: 'ready', actual: 0 }],
        },
        {
          messageId: 'nodePortMissingOnNodes',
          subject: svc('web'),
          severity: 'error',
          data: { nodePortMissingNodes: 1, nodesChecked: 2, nodePortMissing: 'shop/web:http NodePort 30080/TCP on 10.0.0.13' },
          evidence: [{ fact: 'serviceClbDirectAccess', path: 'directAccess', actual: false }],
        },
      ],
    },
  ],
  notEvaluated: [{ snapshot: fixture(id, 'not-evaluated-no-rule-outputs'), capture: 'nodes/<node>/iptables-save' }],
});

it(`${id}: TKE only — on IKS the generic rules report the same missing endpoints and NodePort rules`, async () => {
  const { snapshot, diagnostics } = await loadSnapshot(fixture(id, 'silent-not-tke-iks'));
  const report = await analyze(snapshot, { diagnostics });
  expect(report.rules.find((r) => r.ruleId === id)).toMatchObject({ status: 'not-applicable', subjects: 0, findings: 0 });
  expect(report.notEvaluated.map((n) => n.ruleId)).not.toContain(id);
  // No TKE direct-access annotation here, so shop/live's NodePort counts as missing too.
  expect(report.findings.map((f) => [f.ruleId, f.messageId, f.subject.name, f.ruleId === 'x-kube-proxy-rules-missing' ? f.data.missing : f.data.endpointObjects])).toEqual([
    ['x-kube-proxy-rules-missing', 'rulesMissing', '10.0.0.13', 'shop/web:http NodePort 30080/TCP, shop/live:http NodePort 31500/TCP'],
    ['x-svc-no-endpoints', 'noReadyEndpoints', 'cart', 'Endpoints shop/cart'],
  ]);
});
