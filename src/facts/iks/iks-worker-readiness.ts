import { defineFact } from '../define.js';
import { machineTypeOf, zoneOf } from './worker-zones.js';

/** A worker's Ready condition as `ibmcloud ks workers` Status reflects it. */
export const iksWorkerReadiness = defineFact({
  id: 'iksWorkerReadiness',
  subject: 'Node',
  description: 'Whether the node\'s Ready condition is True, the condition as printed (status and reason), its IKS worker id, zone and machine type.',
  reads: ['Node status.conditions Ready, labels ibm-cloud.kubernetes.io/worker-id, zone and machine-type labels'],
  compute: (node) => {
    const ready = node.conditions.find((c) => c.type === 'Ready');
    return {
      ready: ready?.status === 'True',
      condition: ready ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ''}` : 'no Ready condition',
      workerId: node.labels['ibm-cloud.kubernetes.io/worker-id'] ?? node.name,
      zone: zoneOf(node) ?? 'unknown',
      machineType: machineTypeOf(node) ?? 'unknown',
      source: node.source,
    };
  },
});
