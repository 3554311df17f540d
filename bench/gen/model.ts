// The generator's data model, shared by the planning and writing modules (no module imports plan.ts for a type).
import type { IksPlan } from './iks-model.js';

/** Problems sprinkled on captured Windows nodes (windows-plan.ts says which rule reports each). */
export type WindowsProblem = 'exceptionListUncovered' | 'flanneldNotRunning' | 'staleSourceVip' | 'loadBalancerPortExists';

export interface PlannedNode {
  index: number;
  name: string;
  ip: string;
  podCIDR: string;
  /** Next host offset host-local hands out in the pod CIDR (.1 is the cni0 gateway). */
  nextOffset: number;
  flannelAnnotations: boolean;
  conntrackFull: boolean;
  ipamLeak: boolean;
  os: 'linux' | 'windows';
  /** Windows nodes whose outputs are captured; the problem sprinkled on it, if any. */
  windows?: { captured: boolean; problem?: WindowsProblem };
  /** IKS: the sprinkled NotReady worker. */
  notReady?: boolean;
}

export interface PlannedDeployment {
  namespace: string;
  name: string;
  hash: string;
  replicas: number;
  image: string;
  port: number;
  /** Pods crash-loop (never Ready). */
  crashLoop: boolean;
  /** Windows containers, scheduled on the Windows nodes (nodeSelector kubernetes.io/os: windows). */
  windows?: boolean;
  /** More container ports than `port` (named by protocol: the IKS ALB's https). */
  extraPorts?: Array<{ name: string; port: number }>;
}

export interface PlannedPod {
  namespace: string;
  name: string;
  node: number;
  ip: string;
  hostNetwork: boolean;
  ready: boolean;
  /** Pending without an address: its sandbox cannot get an IP (the IPAM sprinkle). */
  pending: boolean;
  /** DaemonSet name, or the Deployment index. */
  owner: { daemonSet: string } | { deployment: number };
}

export interface PlannedPort {
  name: string;
  protocol: 'TCP' | 'UDP';
  port: number;
  targetPort: number;
  nodePort?: number;
}

export interface PlannedService {
  namespace: string;
  name: string;
  clusterIP: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  loadBalancerIP?: string;
  ports: PlannedPort[];
  /** Absent for `default/kubernetes`, whose endpoints the API server writes. */
  selector?: Record<string, string>;
  /** Pods behind it (indices into pods); empty when the selector matches nothing. */
  pods: number[];
  /** Endpoint addresses that are not pods (the API servers behind `default/kubernetes`). */
  endpointIPs?: string[];
  /** IKS: asks for NLB 2.0 (the enable-features annotation); pending for want of a portable IP. */
  iks?: { nlb2?: boolean; noPortableIp?: boolean };
}

export interface PlannedIngress {
  service: PlannedService;
  /** IKS: a WebSocket app (ingress.bluemix.net/websocket-services) with a 3600s read timeout, or without one (the sprinkled problem). */
  websocket?: 'timeout' | 'defaultTimeout';
}

export interface ExpectedFinding {
  ruleId: string;
  messageId: string;
  subject: { kind: string; name: string; namespace?: string };
}

/**
 * What the captured nodes' kube-proxy outputs hold. `both` (the default) is the
 * worst case for node-output parsing: an iptables-save with every Service's
 * rules and an ipvsadm -Ln with every Service, on every captured node.
 */
export type ProxyMode = 'both' | 'iptables' | 'ipvs';

/** Which cloud the generated cluster runs on: ACK (flannel, optionally with a Windows pool) or IBM Cloud Kubernetes Service (Calico). */
export type Provider = 'ack' | 'iks';

export interface ClusterOptions {
  proxyMode?: ProxyMode;
  provider?: Provider;
  /** Windows nodes: a fraction of the nodes (< 1) or a count; ACK only. */
  windowsNodes?: number;
}

export interface Plan {
  provider: Provider;
  /** Windows nodes (the last ones of `nodes`). */
  windowsCount: number;
  scale: number;
  seed: number;
  proxyMode: ProxyMode;
  nodes: PlannedNode[];
  namespaces: string[];
  deployments: PlannedDeployment[];
  pods: PlannedPod[];
  services: PlannedService[];
  ingresses: PlannedIngress[];
  counts: { configMaps: number; events: number; ingresses: number; capturedNodes: number };
  expected: ExpectedFinding[];
  /** IKS: zones, VLANs, portable subnets and ALBs. */
  iks?: IksPlan;
}
