/** Reducers for Services and what routes to them: Endpoints, EndpointSlices, Ingresses. */
import type { EndpointsObject, IngressObject, ServiceObject } from './objects.js';
import { type Raw, arr, defined, mapArr, num, rec, str, stringMap, strings } from './raw.js';
import { meta, putMeta } from './reduce-meta.js';
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

/**
 * Endpoints and EndpointSlices (~60,000 at scale 1) are built by assignment in the schema's order,
 * as `pod()` is: the same objects as `{ kind, ...meta(raw, source), … }` with each address and port
 * through `defined()`, without the spread, the flatMap copies and the second object per address.
 */
export function endpoints(raw: Raw, source: Source): EndpointsObject {
  const out = putMeta({ kind: 'Endpoints' } as Record<string, unknown>, raw, source);
  out.serviceName = out.name;
  const subsets = arr(raw.subsets);
  const addresses: EndpointsObject['addresses'] = [];
  for (const s of subsets) {
    for (const a of arr(s.addresses)) addresses.push(endpointAddress(str(a.ip) ?? '', str(a.nodeName), true));
    for (const a of arr(s.notReadyAddresses)) addresses.push(endpointAddress(str(a.ip) ?? '', str(a.nodeName), false));
  }
  out.addresses = addresses;
  const ports: EndpointsObject['ports'] = [];
  for (const s of subsets) for (const p of arr(s.ports)) ports.push(endpointPort(p));
  out.ports = ports;
  return out as EndpointsObject;
}

export function endpointSlice(raw: Raw, source: Source): EndpointsObject {
  const out = putMeta({ kind: 'EndpointSlice' } as Record<string, unknown>, raw, source);
  out.serviceName = (out.labels as Record<string, string>)['kubernetes.io/service-name'] ?? '';
  const addresses: EndpointsObject['addresses'] = [];
  for (const e of arr(raw.endpoints)) {
    const nodeName = str(e.nodeName);
    // A missing `ready` condition means ready (EndpointSlice API docs).
    const ready = rec(e.conditions).ready !== false;
    for (const ip of strings(e.addresses)) addresses.push(endpointAddress(ip, nodeName, ready));
  }
  out.addresses = addresses;
  out.ports = mapArr(raw.ports, endpointPort);
  return out as EndpointsObject;
}

/** One literal per shape: a compact object, fields in the schema's order, `nodeName` only when known. */
function endpointAddress(ip: string, nodeName: string | undefined, ready: boolean): EndpointsObject['addresses'][number] {
  return nodeName === undefined ? { ip, ready } : { ip, nodeName, ready };
}

function endpointPort(p: Raw): EndpointsObject['ports'][number] {
  const name = str(p.name);
  const port = num(p.port) ?? 0;
  const protocol = str(p.protocol) ?? 'TCP';
  return name === undefined ? { port, protocol } : { name, port, protocol };
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
