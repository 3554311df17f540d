import type { IngressObject, ServiceObject } from '../../snapshot/objects.js';
import { defineFact } from '../define.js';
import { objectKey, type SnapshotIndex } from '../snapshot-index.js';

type Backend = IngressObject['backends'][number];

/** `shop.example.com/api → api:http`; the default backend has neither host nor path. */
function describe(b: Backend): string {
  const where = b.host === undefined && b.path === undefined ? '(default backend)' : `${b.host ?? '*'}${b.path ?? ''}`;
  return `${where} → ${b.serviceName}${b.servicePort === undefined ? '' : `:${b.servicePort}`}`;
}

/** The Service port a backend names: `number` matches spec.ports[].port, a string matches spec.ports[].name. */
function servicePortOf(service: ServiceObject, port: Backend['servicePort']) {
  if (port === undefined) return service.ports.length === 1 ? service.ports[0] : undefined;
  return service.ports.find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
}

/** Whether the Endpoints/EndpointSlices port carrying the Service port's name has a ready address: the first one answers. */
function hasReady(index: SnapshotIndex, service: ServiceObject, portName: string): boolean {
  for (const ep of index.endpointsByService.get(objectKey(service.namespace, service.name)) ?? []) {
    if (!ep.ports.some((p) => (p.name ?? '') === portName)) continue;
    for (const a of ep.addresses) if (a.ready) return true;
  }
  return false;
}

/**
 * Every backend of an Ingress followed to its Service, port and ready
 * endpoints (TKE "Ingress 提供公网服务无法访问": a rule pointing nowhere
 * answers 404/503, a Service without endpoints 502/503/504).
 */
export const ingressBackends = defineFact({
  id: 'ingressBackends',
  subject: 'Ingress',
  description:
    'Backends (rules and default backend) of the Ingress whose Service does not exist in its namespace, whose port is not among the ' +
    'Service\'s spec.ports (by number or name), or whose port has no ready endpoint; each as a list and a count.',
  reads: ['Ingress spec.rules[].http.paths[].backend, spec.defaultBackend (v1 and v1beta1)', 'Services spec.ports', 'Endpoints / EndpointSlices'],
  compute: (ingress, index) => {
    const missingServices = new Set<string>();
    const missingPorts = new Set<string>();
    const noEndpoints = new Set<string>();
    for (const b of ingress.backends) {
      if (b.serviceName === '') continue; // a resource backend, not a Service
      const service = index.servicesByKey.get(objectKey(ingress.namespace, b.serviceName));
      const port = service && servicePortOf(service, b.servicePort);
      if (!service) missingServices.add(describe(b));
      else if (!port) missingPorts.add(`${describe(b)} (Service ports: ${service.ports.map((p) => `${p.name ? `${p.name}:` : ''}${p.port}`).join(', ') || 'none'})`);
      else if (service.type !== 'ExternalName' && !hasReady(index, service, port.name ?? '')) noEndpoints.add(describe(b));
    }
    return {
      backends: ingress.backends.length,
      missingServiceCount: missingServices.size,
      missingServices: [...missingServices].join('; '),
      missingPortCount: missingPorts.size,
      missingPorts: [...missingPorts].join('; '),
      noEndpointsCount: noEndpoints.size,
      noEndpoints: [...noEndpoints].join('; '),
      source: ingress.source,
    };
  },
});
