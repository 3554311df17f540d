import type { ConfigMapObject, EventObject, IngressObject, NodeObject, PodObject, ServiceObject } from '../snapshot/objects.js';

/** The whole cluster, for rules about cluster-wide configuration. */
export interface ClusterSubject {
  kind: 'Cluster';
  name: string;
}

export interface SubjectsByKind {
  Cluster: ClusterSubject;
  Node: NodeObject;
  Pod: PodObject;
  Service: ServiceObject;
  ConfigMap: ConfigMapObject;
  Ingress: IngressObject;
  Event: EventObject;
}

export type SubjectKind = keyof SubjectsByKind;
export type Subject = SubjectsByKind[SubjectKind];
export const subjectKinds = ['Cluster', 'Node', 'Pod', 'Service', 'ConfigMap', 'Ingress', 'Event'] as const satisfies readonly SubjectKind[];
