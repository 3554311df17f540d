import { z } from 'zod';
import {
  ConfigMapObject,
  EndpointsObject,
  EventObject,
  IngressObject,
  NamespaceObject,
  NetworkPolicyObject,
  NodeObject,
  OtherObject,
  PodObject,
  SecretObject,
  ServiceObject,
  WorkloadObject,
} from './objects.js';
import { Source } from './source.js';

export const Provider = z.enum(['ack', 'tke', 'iks', 'aks', 'eks', 'gke', 'rancher', 'generic']);
export const Cni = z.enum(['flannel', 'terway', 'calico', 'canal', 'cilium', 'weave', 'other']);

export const ExternalCidr = z.object({
  cidr: z.string(),
  name: z.string().optional(),
  /** idc: must see pod IPs; peer-pods / peer-vpc: another cluster's container or VPC range; other: must only be reachable. */
  kind: z.enum(['idc', 'peer-pods', 'peer-vpc', 'other']).optional(),
});
export type ExternalCidrEntry = z.infer<typeof ExternalCidr>;

/** `snapshot.yaml`: every field optional; what is absent is inferred. */
export const Manifest = z.strictObject({
  name: z.string().optional(),
  capturedAt: z.string().optional(),
  cluster: z
    .strictObject({
      provider: Provider.optional(),
      cni: Cni.optional(),
      kubernetesVersion: z.string().optional(),
      podCIDRs: z.array(z.string()).optional(),
      serviceCIDRs: z.array(z.string()).optional(),
      nodeCIDRs: z.array(z.string()).optional(),
      externalCIDRs: z.array(ExternalCidr).optional(),
    })
    .optional(),
});
export type Manifest = z.infer<typeof Manifest>;
/** `snapshot.yaml` as written (before defaults and normalisation). */
export type ManifestInput = z.input<typeof Manifest>;

/** A value the loader knows, with why it believes it. */
export const Provenanced = <T extends z.ZodType>(value: T) =>
  z.object({ value, from: z.string(), source: Source.optional() });

export const ClusterInfo = z.object({
  provider: Provenanced(Provider).optional(),
  cni: Provenanced(Cni).optional(),
  kubernetesVersion: Provenanced(z.string()).optional(),
  podCIDRs: Provenanced(z.array(z.string())).optional(),
  serviceCIDRs: Provenanced(z.array(z.string())).optional(),
  nodeCIDRs: Provenanced(z.array(z.string())).optional(),
  externalCIDRs: Provenanced(z.array(ExternalCidr)).optional(),
});
export type ClusterInfo = z.infer<typeof ClusterInfo>;

/** Text of one captured file, before any command parser reads it. */
export const TextFile = z.object({ file: z.string(), text: z.string() });
export type TextFile = z.infer<typeof TextFile>;

export const NodeOutputs = z.object({
  /** By command name as in snapshot.md: `iptables-save`, `dmesg`, `subnet.env`, … */
  commands: z.record(z.string(), TextFile),
  /** `cni/<name>` files. */
  cni: z.array(TextFile),
  /** `logs/<component>.log`, by component. */
  logs: z.record(z.string(), TextFile),
});
export type NodeOutputs = z.infer<typeof NodeOutputs>;

export const Snapshot = z.object({
  name: z.string().optional(),
  capturedAt: z.string().optional(),
  cluster: ClusterInfo,
  nodes: z.array(NodeObject),
  pods: z.array(PodObject),
  services: z.array(ServiceObject),
  endpoints: z.array(EndpointsObject),
  configMaps: z.array(ConfigMapObject),
  events: z.array(EventObject),
  ingresses: z.array(IngressObject),
  workloads: z.array(WorkloadObject),
  networkPolicies: z.array(NetworkPolicyObject),
  namespaces: z.array(NamespaceObject),
  secrets: z.array(SecretObject),
  others: z.array(OtherObject),
  nodeOutputs: z.record(z.string(), NodeOutputs),
  clusterOutputs: z.record(z.string(), TextFile),
  cloud: z.record(z.string(), TextFile),
  /** Which kinds of object the capture included at all (even if it listed none). */
  captured: z.array(z.string()),
  /** Kinds whose files were there but unreadable (kind → snapshot-relative files), when no other file supplied them. */
  unreadable: z.record(z.string(), z.array(z.string())).default({}),
});
export type Snapshot = z.infer<typeof Snapshot>;

export function emptySnapshot(): Snapshot {
  return {
    cluster: {},
    nodes: [],
    pods: [],
    services: [],
    endpoints: [],
    configMaps: [],
    events: [],
    ingresses: [],
    workloads: [],
    networkPolicies: [],
    namespaces: [],
    secrets: [],
    others: [],
    nodeOutputs: {},
    clusterOutputs: {},
    cloud: {},
    captured: [],
    unreadable: {},
  };
}
