import { describe, expect, it } from 'vitest';
import { serviceTargetPorts } from '../../../src/facts/services/service-target-ports.js';
import { indexSnapshot } from '../../../src/facts/snapshot-index.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';

const pod = (name: string, ports: Array<{ name?: string; containerPort: number; protocol?: string }>) => ({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name, namespace: 'shop', labels: { app: 'api' } },
  spec: { containers: [{ name: 'api', ports }] },
  status: { phase: 'Running' },
});

function valueFor(targetPort: string | number, protocol: string, pods: unknown[]) {
  const { snapshot } = buildSnapshot([
    {
      path: 'objects.json',
      text: JSON.stringify({
        kind: 'List',
        apiVersion: 'v1',
        items: [{ kind: 'Service', apiVersion: 'v1', metadata: { name: 'api', namespace: 'shop' }, spec: { selector: { app: 'api' }, ports: [{ port: 80, protocol, targetPort }] } }, ...pods],
      }),
    },
  ]);
  const index = indexSnapshot(snapshot);
  return serviceTargetPorts.compute(snapshot.services[0]!, index);
}

describe('serviceTargetPorts', () => {
  it('resolves a named port per pod, names at most five pods, and matches the protocol', () => {
    const pods = [pod('api-0', [{ name: 'web', containerPort: 8080 }]), ...[1, 2, 3, 4, 5, 6].map((i) => pod(`api-${i}`, [{ name: 'web', containerPort: 8080, protocol: 'UDP' }]))];
    const value = valueFor('web', 'TCP', pods);
    expect(value).toMatchObject({
      pods: 7,
      unresolvedNamedCount: 0,
      partialNamedCount: 1,
      partialNamed: 'port 80/TCP → targetPort web resolves on api-0 → 8080; not declared by api-1, api-2, api-3, api-4, api-5 and 1 more',
      containerPorts: 'api-0: web:8080/TCP; api-1, api-2, api-3, api-4, api-5 and 1 more: web:8080/UDP',
    });
  });

  it('reports a numeric target only on pods that declare other ports', () => {
    const value = valueFor(9090, 'TCP', [pod('api-a', [{ containerPort: 8080 }]), pod('api-b', []), pod('api-c', [{ containerPort: 9090 }])]);
    expect(value).toMatchObject({ undeclaredCount: 1, undeclared: 'port 80/TCP → targetPort 9090 (not declared by api-a)', partialNamedCount: 0, unresolvedNamedCount: 0 });
  });
});
