import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { isReady, machineTypeOf } from './worker-zones.js';

/** What step 1 of the NLB section checks: at least two Ready workers, none of machine type `free`. */
export const iksNlbWorkers = defineFact({
  id: 'iksNlbWorkers',
  subject: 'Cluster',
  description:
    'LoadBalancer Services (count, names) against the worker nodes: how many are Ready, which are not, and which have machine type free ' +
    '(label ibm-cloud.kubernetes.io/machine-type, or node.kubernetes.io/instance-type).',
  reads: ['Services spec.type', 'Nodes status.conditions Ready, labels ibm-cloud.kubernetes.io/machine-type, node.kubernetes.io/instance-type'],
  compute: (_cluster, index) => {
    const nodes = index.snapshot.nodes;
    if (nodes.length === 0) throw new MissingDataError('kubectl get nodes -o json > nodes.json');
    const lbs = index.snapshot.services.filter((s) => s.type === 'LoadBalancer');
    const ready = nodes.filter(isReady);
    const free = nodes.filter((n) => machineTypeOf(n) === 'free');
    return {
      loadBalancerServices: lbs.length,
      loadBalancerServiceNames: lbs.map((s) => `${s.namespace}/${s.name}`).sort().slice(0, 10).join(', '),
      workers: nodes.length,
      ready: ready.length,
      notReady: nodes.filter((n) => !isReady(n)).map((n) => n.name).sort().join(', ') || 'none',
      freeWorkers: free.length,
      freeWorkerNames: free.map((n) => n.name).sort().join(', '),
      source: (free[0] ?? nodes[0])!.source,
    };
  },
});
