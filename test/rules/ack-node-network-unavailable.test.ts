import { expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { builtinRules } from '../../src/catalog/builtin-catalog.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { fixture, ruleTester } from './fixture.js';

const id = 'ack-node-network-unavailable';
const node = { kind: 'Node', name: 'cn-hangzhou.192.168.0.92' };
const unavailable = { condition: 'NetworkUnavailable=True (NoRouteCreated)', taint: 'node.kubernetes.io/network-unavailable:NoSchedule' };

ruleTester.run(id, {
  valid: [
    fixture(id, 'silent-route-created'),
    // NetworkUnavailable=True without the taint: not the section's symptom ("节点上有NodeNetworkUnavailable污点").
    fixture(id, 'silent-condition-without-taint'),
    // The same tainted node on AKS with upstream Flannel: the section is about ACK's Flannel mode.
    fixture(id, 'silent-not-ack'),
  ],
  invalid: [
    {
      snapshot: fixture(id, 'fires-multiple-route-tables'),
      findings: [
        {
          messageId: 'multipleRouteTables',
          subject: node,
          severity: 'error',
          data: {
            ...unavailable,
            event: 'DescriberRouteTablesFailed: Describe RouteTables Failed reason: multiple route tables found by vpc id[vpc-bp1q8nufr2n9qs3lzbx1h], length(tables)=2',
          },
          evidence: [{ fact: 'nodeNetworkUnavailable', path: 'cause', actual: 'multiple-route-tables' }],
        },
      ],
    },
    {
      snapshot: fixture(id, 'fires-route-table-full'),
      findings: [{ messageId: 'routeTableFull', subject: node, data: unavailable, evidence: [{ fact: 'nodeNetworkUnavailable', path: 'cause', actual: 'route-table-full' }] }],
    },
    {
      snapshot: fixture(id, 'fires-no-route-event'),
      findings: [
        {
          messageId: 'networkUnavailable',
          subject: node,
          data: { ...unavailable, event: 'no route event for this node' },
          evidence: [{ fact: 'nodeNetworkUnavailable', path: 'unavailable', actual: true }],
        },
      ],
    },
  ],
});

it(`${id}: only the section's case — ACK, Flannel, a node with the NodeNetworkUnavailable taint`, async () => {
  const status = async (name: string) => {
    const { snapshot, diagnostics } = await loadSnapshot(fixture(id, name));
    const report = await analyze(snapshot, { diagnostics, rules: builtinRules().filter((r) => r.id === id) });
    return report.rules[0];
  };
  expect(await status('silent-not-ack')).toMatchObject({ status: 'not-applicable', subjects: 0 });
  expect(await status('silent-condition-without-taint')).toMatchObject({ status: 'evaluated', subjects: 0 });
  expect(await status('fires-no-route-event')).toMatchObject({ status: 'evaluated', subjects: 1, findings: 1 });
});
