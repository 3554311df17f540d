// IBM Cloud Kubernetes Service: NLB and ALB, their events, portable subnets, zones, edge nodes, Calico CLI, VLANs.
import type { Fact } from '../define.js';
import { calicoCli } from './calico-cli.js';
import { iksAlbCerts } from './iks-alb-certs.js';
import { iksAlbIngressApps } from './iks-alb-ingress-apps.js';
import { iksAlbSourceIp } from './iks-alb-source-ip.js';
import { iksClusterIngress } from './iks-cluster-ingress.js';
import { iksEdgeSourceIp } from './iks-edge-source-ip.js';
import { iksKeepalivedPod } from './iks-keepalived-pod.js';
import { iksLoadBalancerIp } from './iks-load-balancer-ip.js';
import { iksNlbVersion } from './iks-nlb-version.js';
import { iksNlbWorkers } from './iks-nlb-workers.js';
import { iksServiceEvents } from './iks-service-events.js';
import { iksVlanSubnets } from './iks-vlan-subnets.js';
import { iksWorkerReadiness } from './iks-worker-readiness.js';
import { iksWorkerVlans } from './iks-worker-vlans.js';
import { iksZoneAlbs } from './iks-zone-albs.js';
import { iksZoneWorkers } from './iks-zone-workers.js';
import { ingressWebsocketTimeout } from './ingress-websocket-timeout.js';
import { iksVlanIdErrors } from './iks-vlan-id-errors.js';

export const iksFacts = [
  calicoCli,
  iksAlbCerts,
  iksAlbIngressApps,
  iksAlbSourceIp,
  iksClusterIngress,
  iksEdgeSourceIp,
  iksKeepalivedPod,
  iksLoadBalancerIp,
  iksNlbVersion,
  iksNlbWorkers,
  iksServiceEvents,
  iksVlanIdErrors,
  iksVlanSubnets,
  iksWorkerReadiness,
  iksWorkerVlans,
  iksZoneAlbs,
  iksZoneWorkers,
  ingressWebsocketTimeout,
] as Fact[];
