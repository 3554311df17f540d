import { MissingDataError } from '../../errors.js';
import { defineFact } from '../define.js';
import { objectKey } from '../snapshot-index.js';

/** Ready and not-ready addresses behind a Service, from its Endpoints and EndpointSlices together. */
export const serviceEndpoints = defineFact({
  id: 'serviceEndpoints',
  subject: 'Service',
  description: 'Distinct ready and not-ready endpoint addresses of the Service (Endpoints and EndpointSlices), and which objects they came from.',
  reads: ['Endpoints subsets', 'EndpointSlice endpoints[].conditions.ready and label kubernetes.io/service-name'],
  compute: (service, index) => {
    const captured = index.snapshot.captured;
    if (!captured.includes('Endpoints') && !captured.includes('EndpointSlice')) {
      throw new MissingDataError('kubectl get endpoints -A -o json > endpoints.json (or endpointslices)');
    }
    const objects = index.endpointsByService.get(objectKey(service.namespace, service.name)) ?? [];
    const ready = new Set<string>();
    const notReady = new Set<string>();
    for (const o of objects) for (const a of o.addresses) (a.ready ? ready : notReady).add(a.ip);
    for (const ip of ready) notReady.delete(ip);
    return {
      ready: ready.size,
      notReady: notReady.size,
      // Message data, read when a check fires: made on first read.
      get objects() {
        return objects.map((o) => `${o.kind} ${o.namespace}/${o.name}`).join(', ') || 'none';
      },
      ...(objects[0] ? { source: objects[0].source } : {}),
    };
  },
});
