import { describe, expect, it } from 'vitest';
import { admits, tolerates, untoleratedTaints } from '../../../src/facts/scheduling.js';
import { smallestCoveringCidr } from '../../../src/facts/strongswan/smallest-covering-cidr.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';

describe('smallestCoveringCidr', () => {
  it('finds the smallest block holding every address', () => {
    expect(smallestCoveringCidr(['10.176.52.12', '10.176.52.40'])).toBe('10.176.52.0/26');
    expect(smallestCoveringCidr(['10.176.52.12'])).toBe('10.176.52.12/32');
    expect(smallestCoveringCidr(['10.176.48.67', '10.176.52.40'])).toBe('10.176.48.0/21');
    expect(smallestCoveringCidr(['2001:db8::1', '2001:db8::ff'])).toBe('2001:db8::/120');
  });
  it('gives nothing for no address or mixed families', () => {
    expect(smallestCoveringCidr([])).toBeUndefined();
    expect(smallestCoveringCidr(['10.0.0.1', '2001:db8::1'])).toBeUndefined();
  });
});

describe('scheduling', () => {
  const edge = { key: 'dedicated', value: 'edge', effect: 'NoExecute' };
  it('matches tolerations as Kubernetes does', () => {
    expect(tolerates({ key: 'dedicated', value: 'edge' }, edge)).toBe(true);
    expect(tolerates({ key: 'dedicated', operator: 'Exists' }, edge)).toBe(true);
    expect(tolerates({ operator: 'Exists' }, edge)).toBe(true);
    expect(tolerates({ key: 'dedicated', value: 'edge', effect: 'NoSchedule' }, edge)).toBe(false);
    expect(tolerates({ key: 'dedicated', value: 'db' }, edge)).toBe(false);
    expect(tolerates({}, edge)).toBe(false);
  });

  it('reads required node affinity from pods and evaluates it with nodeSelector and taints', () => {
    const { snapshot } = buildSnapshot([
      {
        path: 'objects.json',
        text: JSON.stringify({
          kind: 'List',
          apiVersion: 'v1',
          items: [
            { kind: 'Node', metadata: { name: 'edge-1', labels: { dedicated: 'edge' } }, spec: { taints: [edge] } },
            { kind: 'Node', metadata: { name: 'worker-1', labels: {} }, spec: {} },
            {
              kind: 'Pod',
              metadata: { name: 'app', namespace: 'default' },
              spec: {
                containers: [{ name: 'app' }],
                tolerations: [{ key: 'dedicated', value: 'edge' }],
                affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'dedicated', operator: 'In', values: ['edge'] }] }] } } },
              },
              status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/2 nodes are available' }] },
            },
          ],
        }),
      },
    ]);
    const pod = snapshot.pods[0]!;
    expect(pod.requiredNodeAffinity).toEqual([[{ key: 'dedicated', operator: 'In', values: ['edge'] }]]);
    expect(pod.unschedulable).toEqual({ reason: 'Unschedulable', message: '0/2 nodes are available' });
    const [edgeNode, worker] = snapshot.nodes;
    expect(admits(pod, edgeNode!)).toBe(true);
    expect(admits(pod, worker!)).toBe(false);
    expect(untoleratedTaints(edgeNode!, [])).toEqual([edge]);
  });
});
