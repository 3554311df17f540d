import { fieldsOf, managedField, metadata, timeAgo } from './meta.js';
import { type Plan, type PlannedIngress, type PlannedService, type Provider, serviceAddresses } from './plan.js';

/** IKS: the annotation that asks for an NLB 2.0 (IPVS) load balancer. */
const nlb2Annotation = 'service.kubernetes.io/ibm-load-balancer-cloud-provider-enable-features';
import type { Random } from './random.js';

export function service(rnd: Random, s: PlannedService, provider: Provider = 'ack') {
  const created = timeAgo(rnd.int(86400, 300 * 86400));
  const labels: Record<string, string> = s.selector ? { app: s.selector.app ?? s.selector['k8s-app'] ?? s.name } : { component: 'apiserver', provider: 'kubernetes' };
  const ports = s.ports.map((p) => ({ name: p.name, ...(p.nodePort ? { nodePort: p.nodePort } : {}), port: p.port, protocol: p.protocol, targetPort: p.targetPort }));
  const spec: Record<string, unknown> = {
    clusterIP: s.clusterIP,
    clusterIPs: [s.clusterIP],
    ...(s.type !== 'ClusterIP' ? { externalTrafficPolicy: 'Cluster' } : {}),
    internalTrafficPolicy: 'Cluster',
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    ports,
    ...(s.selector ? { selector: s.selector } : {}),
    sessionAffinity: 'None',
    type: s.type,
  };
  const annotations = {
    'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { annotations: {}, labels, name: s.name, namespace: s.namespace }, spec: { ports: s.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol, targetPort: p.targetPort })), selector: s.selector, type: s.type } })}\n`,
    ...(s.type === 'LoadBalancer' && provider === 'ack' ? { 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec': 'slb.s1.small' } : {}),
    ...(s.iks?.nlb2 ? { [nlb2Annotation]: 'ipvs' } : {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(rnd, {
      name: s.name,
      namespace: s.namespace,
      labels,
      annotations,
      created,
      managedFields: [
        managedField('kubectl-client-side-apply', 'Update', created, {
          'f:metadata': { 'f:annotations': fieldsOf(['kubectl.kubernetes.io/last-applied-configuration']), 'f:labels': fieldsOf(['app']) },
          'f:spec': { 'f:internalTrafficPolicy': {}, 'f:ports': Object.fromEntries([['.', {}], ...s.ports.map((p) => [`k:{"port":${p.port},"protocol":"${p.protocol}"}`, { '.': {}, 'f:name': {}, 'f:port': {}, 'f:protocol': {}, 'f:targetPort': {} }])]), 'f:selector': {}, 'f:sessionAffinity': {}, 'f:type': {} },
        }),
      ],
    }),
    spec,
    status: { loadBalancer: s.loadBalancerIP ? { ingress: [{ ip: s.loadBalancerIP }] } : {} },
  };
}

function targetRef(plan: Plan, pod: number) {
  const p = plan.pods[pod]!;
  return { kind: 'Pod', name: p.name, namespace: p.namespace, uid: uidOf(p.name) };
}

/** Stable pseudo-UID of a pod, so Endpoints and EndpointSlices agree without storing UIDs. */
function uidOf(name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  const hex = (h >>> 0).toString(16).padStart(8, '0');
  return `${hex}-${hex.slice(0, 4)}-4${hex.slice(1, 4)}-8${hex.slice(5, 8)}-${hex}${hex.slice(0, 4)}`;
}

const endpointPorts = (s: PlannedService) => s.ports.map((p) => ({ name: p.name, port: p.targetPort, protocol: p.protocol }));
const serviceLabels = (s: PlannedService): Record<string, string> => (s.selector ? { app: s.selector.app ?? s.selector['k8s-app'] ?? s.name } : {});

export function endpoints(rnd: Random, plan: Plan, s: PlannedService) {
  const created = timeAgo(rnd.int(86400, 300 * 86400));
  const all = serviceAddresses(plan, s);
  const address = (a: (typeof all)[number]) => (a.pod === undefined ? { ip: a.ip } : { ip: a.ip, nodeName: plan.nodes[plan.pods[a.pod]!.node]!.name, targetRef: targetRef(plan, a.pod) });
  const ready = all.filter((a) => a.ready);
  const notReady = all.filter((a) => !a.ready);
  const subset = {
    ...(ready.length > 0 ? { addresses: ready.map(address) } : {}),
    ...(notReady.length > 0 ? { notReadyAddresses: notReady.map(address) } : {}),
    ports: endpointPorts(s),
  };
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: metadata(rnd, {
      name: s.name,
      namespace: s.namespace,
      labels: serviceLabels(s),
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': created },
      created,
      managedFields: [managedField('kube-controller-manager', 'Update', created, { 'f:metadata': { 'f:annotations': fieldsOf(['endpoints.kubernetes.io/last-change-trigger-time']), 'f:labels': fieldsOf(Object.keys(serviceLabels(s))) }, 'f:subsets': {} })],
    }),
    ...(all.length > 0 ? { subsets: [subset] } : {}),
  };
}

export function endpointSlice(rnd: Random, plan: Plan, s: PlannedService) {
  const created = timeAgo(rnd.int(86400, 300 * 86400));
  const name = `${s.name}-${rnd.suffix(5)}`;
  const labels = { ...serviceLabels(s), 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': s.name };
  return {
    addressType: 'IPv4',
    apiVersion: 'discovery.k8s.io/v1',
    endpoints: serviceAddresses(plan, s).map(({ ip, ready, pod: k }) => {
      const conditions = { ready, serving: ready, terminating: false };
      if (k === undefined) return { addresses: [ip], conditions };
      return { addresses: [ip], conditions, nodeName: plan.nodes[plan.pods[k]!.node]!.name, targetRef: targetRef(plan, k), zone: `cn-hangzhou-${'hijk'[plan.pods[k]!.node % 4]}` };
    }),
    kind: 'EndpointSlice',
    metadata: metadata(rnd, {
      name,
      namespace: s.namespace,
      labels,
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': created },
      generateName: `${s.name}-`,
      owner: { apiVersion: 'v1', kind: 'Service', name: s.name, uid: rnd.uid() },
      created,
      managedFields: [managedField('kube-controller-manager', 'Update', created, { 'f:addressType': {}, 'f:endpoints': {}, 'f:metadata': { 'f:labels': fieldsOf(Object.keys(labels)) }, 'f:ports': {} })],
    }),
    ports: endpointPorts(s),
  };
}

export function ingress(rnd: Random, planned: PlannedIngress, k: number, plan: Plan) {
  const iks = plan.iks;
  const s = planned.service;
  const websocket: Record<string, string> = planned.websocket
    ? { 'ingress.bluemix.net/websocket-services': s.name, ...(planned.websocket === 'timeout' ? { 'ingress.bluemix.net/proxy-read-timeout': `serviceName=${s.name} timeout=3600s` } : {}) }
    : {};
  const created = timeAgo(rnd.int(86400, 300 * 86400));
  const host = `${s.name}.${s.namespace}.example.com`;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadata(rnd, {
      name: s.name,
      namespace: s.namespace,
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '20m', 'nginx.ingress.kubernetes.io/rewrite-target': '/', ...websocket },
      created,
      managedFields: [managedField('kubectl-client-side-apply', 'Update', created, { 'f:metadata': { 'f:annotations': fieldsOf(['nginx.ingress.kubernetes.io/proxy-body-size', 'nginx.ingress.kubernetes.io/rewrite-target', ...Object.keys(websocket)]) }, 'f:spec': { 'f:ingressClassName': {}, 'f:rules': {}, 'f:tls': {} } })],
    }),
    spec: {
      // IKS: the community ALB's class; an Ingress with the IBM ALB's ingress.bluemix.net annotations names none (the public ALBs serve it).
      ...(planned.websocket ? {} : { ingressClassName: iks ? 'public-iks-k8s-nginx' : 'nginx' }),
      rules: [{ host, http: { paths: [{ backend: { service: { name: s.name, port: { number: s.ports[0]!.port } } }, path: '/', pathType: 'Prefix' }] } }],
      tls: [{ hosts: [host], secretName: `${s.name}-tls` }],
    },
    // IKS: the public ALBs' portable IPs; ACK: the SLB of its Ingress controller.
    status: { loadBalancer: { ingress: iks ? iks.zones.map((z) => ({ ip: z.albIp })) : [{ ip: `47.97.${(k >> 8) & 255}.${k & 255}` }] } },
  };
}
