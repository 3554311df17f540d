import { defineFact } from '../define.js';
import { podsMatchingSelector } from '../snapshot-index.js';

/** Pods that a Service's selector matches in its namespace (label index intersection). */
export const servicePods = defineFact({
  id: 'servicePods',
  subject: 'Service',
  description: 'How many pods in the Service\'s namespace match its spec.selector, and how many of them are Ready.',
  reads: ['Service spec.selector', 'Pods metadata.labels, status.conditions Ready'],
  // Evaluated before serviceEndpoints (priority 1), so a Service whose selector
  // matches nothing is decided even when Endpoints were not captured.
  priority: 2,
  compute: (service, index) => {
    const pods = podsMatchingSelector(index, service.namespace, service.selector ?? {});
    const ready = pods.filter((p) => p.ready);
    return {
      selector: Object.entries(service.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
      matching: pods.length,
      ready: ready.length,
      notReadyNames: pods.filter((p) => !p.ready).map((p) => p.name).sort().slice(0, 10).join(', '),
      source: service.source,
    };
  },
});
