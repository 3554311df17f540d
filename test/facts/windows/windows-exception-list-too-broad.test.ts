import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexSnapshot } from '../../../src/facts/snapshot-index.js';
import { windowsExceptionListTooBroad } from '../../../src/facts/windows/windows-exception-list-too-broad.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';

// The Windows conflist Azure CNI ships (provenance: test/fixtures/outputs/REAL-SAMPLES.md).
const conflist = readFileSync(new URL('../../fixtures/outputs/cni/real-azure-cni-windows-swift-overlay.conflist', import.meta.url), 'utf8');
const node = { kind: 'Node', apiVersion: 'v1', metadata: { name: 'akswin000000', labels: { 'kubernetes.io/os': 'windows' } }, status: { nodeInfo: { operatingSystem: 'windows' } } };

describe('windowsExceptionListTooBroad', () => {
  it('names a range once when the pods take their addresses from the node subnet (Azure CNI)', () => {
    const { snapshot } = buildSnapshot([
      { path: 'snapshot.yaml', text: 'cluster:\n  podCIDRs: [10.240.0.0/16]\n  serviceCIDRs: [10.0.0.0/16]\n  nodeCIDRs: [10.240.0.0/16]\n' },
      { path: 'nodes.json', text: JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [node] }) },
      { path: 'nodes/akswin000000/cni/10-azure.conflist', text: conflist },
    ]);
    const index = indexSnapshot(snapshot);
    const value = windowsExceptionListTooBroad.compute(index.nodesByName.get('akswin000000')!, index);
    expect(value).toMatchObject({
      tooBroad: ['10.0.0.0/8'],
      clusterRanges: '10.240.0.0/16, 10.0.0.0/16',
      source: { file: 'nodes/akswin000000/cni/10-azure.conflist', line: 33 },
    });
  });
});
