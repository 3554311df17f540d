/** Reducers for Services and what routes to them: Endpoints, EndpointSlices, Ingresses. */
import type { EndpointsObject, IngressObject, ServiceObject } from './objects.js';
import { type Raw, arr, defined, num, rec, str, stringMap, strings } from './raw.js';
import { meta } from './reduce-meta.js';
import type { Source } from './source.js';

export function service(raw: Raw, source: Source): ServiceObject {
  const spec = rec(raw.spec);
  const clusterIPs = strings(spec.clusterIPs);
  const clusterIP = str(spec.clusterIP);
  const selector = spec.selector === undefined || spec.selector === null ? undefined : stringMap(spec.selector);
  return defined({
    kind: 'Service' as const,
    ...meta(raw, source),
    type: str(spec.type) ?? 'ClusterIP',
    selector,
    clusterIPs: clusterIPs.length > 0 ? clusterIPs : clusterIP ? [clusterIP] : [],
    ipFamilyPolicy: str(spec.ipFamilyPolicy),
    ports: arr(spec.ports).map((p) =>
      defined({
        name: str(p.name),
        protocol: str(p.protocol) ?? 'TCP',
        port: num(p.port) ?? 0,
        targetPort: typeof p.targetPort === 'number' ? p.targetPort : str(p.targetPort),
        nodePort: num(p.nodePort),
      }),
    ),
    externalTrafficPolicy: str(spec.externalTrafficPolicy),
    internalTrafficPolicy: str(spec.internalTrafficPolicy),
    trafficDistribution: str(spec.trafficDistribution),
    loadBalancerIP: str(spec.loadBalancerIP),
    externalIPs: strings(spec.externalIPs),
    loadBalancerIngress: arr(rec(rec(raw.status).loadBalancer).ingress).map((i) => str(i.ip) ?? str(i.hostname) ?? ''),
  });
}

export function endpoints(raw: Raw, source: Source): EndpointsObject {
  const m = meta(raw, source);
  const subsets = arr(raw.subsets);
  const address = (ready: boolean) => (a: Raw) => defined({ ip: str(a.ip) ?? '', nodeName: str(a.nodeName), ready });
  return {
    kind: 'Endpoints',
    ...m,
    serviceName: m.name,
    addresses: subsets.flatMap((s) => [...arr(s.addresses).map(address(true)), ...arr(s.notReadyAddresses).map(address(false))]),
    ports: subsets.flatMap((s) => arr(s.ports).map((p) => defined({ name: str(p.name), port: num(p.port) ?? 0, protocol: str(p.protocol) ?? 'TCP' }))),
  };
}

export function endpointSlice(raw: Raw, source: Source): EndpointsObject {
  const m = meta(raw, source);
  return {
    kind: 'EndpointSlice',
    ...m,
    serviceName: m.labels['kubernetes.io/service-name'] ?? '',
    // A missing `ready` condition means ready (EndpointSlice API docs).
    addresses: arr(raw.endpoints).flatMap((e) =>
      strings(e.addresses).map((ip) => defined({ ip, nodeName: str(e.nodeName), ready: rec(e.conditions).ready !== false })),
    ),
    ports: arr(raw.ports).map((p) => defined({ name: str(p.name), port: num(p.port) ?? 0, protocol: str(p.protocol) ?? 'TCP' })),
  };
}

export function ingress(raw: Raw, source: Source): IngressObject {
  const spec = rec(raw.spec);
  const backend = (b: Raw, host?: string, path?: string) => {
    // networking.k8s.io/v1 nests service{name,port{number|name}}; v1beta1 has serviceName/servicePort.
    const svc = rec(b.service);
    const port = rec(svc.port);
    return defined({
      host,
      path,
      serviceName: str(svc.name) ?? str(b.serviceName) ?? '',
      servicePort: num(port.number) ?? str(port.name) ?? num(b.servicePort) ?? str(b.servicePort),
    });
  };
  const rules = arr(spec.rules).flatMap((r) =>
    arr(rec(r.http).paths).map((p) => backend(rec(p.backend), str(r.host), str(p.path))),
  );
  const fallback = spec.defaultBackend ?? spec.backend;
  return defined({
    kind: 'Ingress' as const,
    ...meta(raw, source),
    ingressClassName: str(spec.ingressClassName),
    backends: fallback ? [backend(rec(fallback)), ...rules] : rules,
    tlsSecrets: strings(arr(spec.tls).map((t) => t.secretName)),
    loadBalancerIngress: arr(rec(rec(raw.status).loadBalancer).ingress).map((i) => str(i.ip) ?? str(i.hostname) ?? ''),
  });
}
