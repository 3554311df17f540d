import { z } from 'zod';
import { Source } from './source.js';

/**
 * Kubernetes objects reduced at load time to the fields facts and rules read
 * (listed in docs/facts.md). Keeping only these makes memory follow what is
 * needed rather than the raw JSON, and keeps Secret values out of the snapshot.
 */
const Labels = z.record(z.string(), z.string());

const Meta = {
  name: z.string(),
  namespace: z.string().optional(),
  labels: Labels,
  annotations: Labels,
  ownerKind: z.string().optional(),
  ownerName: z.string().optional(),
  source: Source,
};

export const Taint = z.object({ key: z.string(), value: z.string().optional(), effect: z.string() });
export const Toleration = z.object({
  key: z.string().optional(),
  operator: z.string().optional(),
  value: z.string().optional(),
  effect: z.string().optional(),
});

export const NodeObject = z.object({
  kind: z.literal('Node'),
  ...Meta,
  podCIDR: z.string().optional(),
  podCIDRs: z.array(z.string()),
  providerID: z.string().optional(),
  unschedulable: z.boolean(),
  taints: z.array(Taint),
  conditions: z.array(z.object({ type: z.string(), status: z.string(), reason: z.string().optional() })),
  addresses: z.array(z.object({ type: z.string(), address: z.string() })),
  capacityPods: z.number().int().optional(),
  os: z.string().optional(),
  kubeletVersion: z.string().optional(),
  kernelVersion: z.string().optional(),
  osImage: z.string().optional(),
  containerRuntimeVersion: z.string().optional(),
});
export type NodeObject = z.infer<typeof NodeObject>;

export const ContainerPort = z.object({
  name: z.string().optional(),
  containerPort: z.number().int(),
  protocol: z.string(),
  hostPort: z.number().int().optional(),
});

export const PodObject = z.object({
  kind: z.literal('Pod'),
  ...Meta,
  nodeName: z.string().optional(),
  hostNetwork: z.boolean(),
  phase: z.string().optional(),
  ready: z.boolean(),
  podIPs: z.array(z.string()),
  containers: z.array(
    z.object({ name: z.string(), image: z.string().optional(), ports: z.array(ContainerPort) }),
  ),
  containerStatuses: z.array(
    z.object({
      name: z.string(),
      ready: z.boolean(),
      restartCount: z.number().int(),
      waitingReason: z.string().optional(),
    }),
  ),
  nodeSelector: Labels,
  tolerations: z.array(Toleration),
});
export type PodObject = z.infer<typeof PodObject>;

export const ServicePort = z.object({
  name: z.string().optional(),
  protocol: z.string(),
  port: z.number().int(),
  targetPort: z.union([z.number().int(), z.string()]).optional(),
  nodePort: z.number().int().optional(),
});

export const ServiceObject = z.object({
  kind: z.literal('Service'),
  ...Meta,
  type: z.string(),
  selector: Labels.optional(),
  clusterIPs: z.array(z.string()),
  ipFamilyPolicy: z.string().optional(),
  ports: z.array(ServicePort),
  externalTrafficPolicy: z.string().optional(),
  /** `Local`: each node forwards the ClusterIP only to endpoints on that node. */
  internalTrafficPolicy: z.string().optional(),
  /** `PreferClose` (1.30+): like topology hints, a node may forward to a subset of the endpoints. */
  trafficDistribution: z.string().optional(),
  loadBalancerIP: z.string().optional(),
  externalIPs: z.array(z.string()),
  loadBalancerIngress: z.array(z.string()),
});
export type ServiceObject = z.infer<typeof ServiceObject>;

const EndpointAddress = z.object({ ip: z.string(), nodeName: z.string().optional(), ready: z.boolean() });

/** Endpoints and EndpointSlices both reduce to this: the addresses behind a Service. */
export const EndpointsObject = z.object({
  kind: z.enum(['Endpoints', 'EndpointSlice']),
  ...Meta,
  serviceName: z.string(),
  addresses: z.array(EndpointAddress),
  ports: z.array(z.object({ name: z.string().optional(), port: z.number().int(), protocol: z.string() })),
});
export type EndpointsObject = z.infer<typeof EndpointsObject>;

export const ConfigMapObject = z.object({
  kind: z.literal('ConfigMap'),
  ...Meta,
  data: z.record(z.string(), z.string()),
});
export type ConfigMapObject = z.infer<typeof ConfigMapObject>;

export const EventObject = z.object({
  kind: z.literal('Event'),
  ...Meta,
  type: z.string().optional(),
  reason: z.string().optional(),
  message: z.string(),
  involvedKind: z.string().optional(),
  involvedName: z.string().optional(),
  involvedNamespace: z.string().optional(),
  count: z.number().int(),
  firstTimestamp: z.string().optional(),
  lastTimestamp: z.string().optional(),
  host: z.string().optional(),
});
export type EventObject = z.infer<typeof EventObject>;

export const IngressObject = z.object({
  kind: z.literal('Ingress'),
  ...Meta,
  ingressClassName: z.string().optional(),
  backends: z.array(
    z.object({ host: z.string().optional(), path: z.string().optional(), serviceName: z.string(), servicePort: z.union([z.number(), z.string()]).optional() }),
  ),
  tlsSecrets: z.array(z.string()),
  loadBalancerIngress: z.array(z.string()),
});
export type IngressObject = z.infer<typeof IngressObject>;

export const WorkloadObject = z.object({
  kind: z.enum(['DaemonSet', 'Deployment']),
  ...Meta,
  images: z.array(z.object({ container: z.string(), image: z.string() })),
  nodeSelector: Labels,
  desired: z.number().int().optional(),
  ready: z.number().int().optional(),
});
export type WorkloadObject = z.infer<typeof WorkloadObject>;

export const NetworkPolicyObject = z.object({ kind: z.literal('NetworkPolicy'), ...Meta });
export const NamespaceObject = z.object({ kind: z.literal('Namespace'), ...Meta });
/** Only the names of a Secret's keys are kept, never their values. */
export const SecretObject = z.object({ kind: z.literal('Secret'), ...Meta, type: z.string().optional(), keys: z.array(z.string()) });
/** Kinds the library has no reducer for are kept by identity, not dropped. */
export const OtherObject = z.object({ kind: z.string(), apiVersion: z.string().optional(), ...Meta });

export type NetworkPolicyObject = z.infer<typeof NetworkPolicyObject>;
export type NamespaceObject = z.infer<typeof NamespaceObject>;
export type SecretObject = z.infer<typeof SecretObject>;
export type OtherObject = z.infer<typeof OtherObject>;
