import { describe, expect, it } from 'vitest';
import { albIdOf } from '../../../src/facts/iks/iks-alb-source-ip.js';
import { iksEventServices, isCapturedService } from '../../../src/facts/iks/iks-event-messages.js';
import { indexSnapshot } from '../../../src/facts/snapshot-index.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';

describe('albIdOf', () => {
  it('knows the Service of an Ingress ALB by its ALB ID in kube-system', () => {
    expect(albIdOf({ namespace: 'kube-system', name: 'public-cr18e61e63c6e94b658596ca93d087eed9-alb1' })).toBe('public-cr18e61e63c6e94b658596ca93d087eed9-alb1');
    // Newer cluster IDs are not hex: `ibmcloud ks ingress alb ls` on a 2020 VPC cluster.
    expect(albIdOf({ namespace: 'kube-system', name: 'private-crc031jqqd0rll2ksfg97g-alb1' })).toBe('private-crc031jqqd0rll2ksfg97g-alb1');
    expect(albIdOf({ namespace: 'default', name: 'public-cr18e61e63c6e94b658596ca93d087eed9-alb1' })).toBeUndefined();
    expect(albIdOf({ namespace: 'kube-system', name: 'public-cr18e61e63c6e94b658596ca93d087eed9-alb' })).toBeUndefined();
    expect(albIdOf({ namespace: 'kube-system', name: 'ibm-cloud-provider-ip-169-47-155-242' })).toBeUndefined();
  });
});

describe('iksEventServices', () => {
  const event = (name: string, involved: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: involved.namespace ?? 'default' },
    involvedObject: involved,
    reason: 'CreatingLoadBalancerFailed',
    message: 'No available nodes for NLB services',
    count: 1,
  });
  it('keeps captured Services and stands in for the ones only events name; an event naming no Service adds none', () => {
    const { snapshot } = buildSnapshot([
      {
        path: 'objects.json',
        text: JSON.stringify({
          kind: 'List',
          apiVersion: 'v1',
          items: [
            { kind: 'Service', apiVersion: 'v1', metadata: { name: 'web', namespace: 'shop' }, spec: { type: 'LoadBalancer', ports: [] } },
            event('web.1', { kind: 'Service', namespace: 'shop', name: 'web' }),
            event('gone.1', { kind: 'Service', namespace: 'shop', name: 'gone' }),
            event('gone.2', { kind: 'Service', namespace: 'shop', name: 'gone' }),
            event('nameless.1', { kind: 'Service', namespace: 'shop' }),
            event('node.1', { kind: 'Node', name: '10.176.48.67' }),
          ],
        }),
      },
    ]);
    const index = indexSnapshot(snapshot);
    const services = iksEventServices(index);
    expect(services.map((s) => [s.namespace, s.name, isCapturedService(index, s)])).toEqual([
      ['shop', 'gone', false],
      ['shop', 'web', true],
    ]);
    expect(services[0]!.source).toMatchObject({ file: 'objects.json', object: 'Event shop/gone.1' });
    expect(iksEventServices(index)).toBe(services);
  });
});
