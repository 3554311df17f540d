import { defineFact } from '../define.js';
import { matchingPods } from '../snapshot-index.js';

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
    const pods = matchingPods(index, service.namespace, service.selector ?? {});
    const matching = pods.length;
    let ready = 0;
    for (const p of pods) if (p.ready) ready++;
    return {
      // Message data, read when a check fires: made on first read, not for each of 20,000 Services.
      get selector() {
        return Object.entries(service.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
      },
      matching,
      ready,
      get notReadyNames() {
        if (ready === matching) return '';
        const again = matchingPods(index, service.namespace, service.selector ?? {});
        return again.filter((p) => !p.ready).map((p) => p.name).sort().slice(0, 10).join(', ');
      },
      source: service.source,
    };
  },
});
