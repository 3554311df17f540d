// Services, their endpoints, target ports, load balancers and Ingress backends.
import type { Fact } from '../define.js';
import { dnsServicePorts } from './dns-service-ports.js';
import { ingressBackends } from './ingress-backends.js';
import { serviceClbDirectAccess } from './service-clb-direct-access.js';
import { serviceEndpoints } from './service-endpoints.js';
import { serviceNodePortRange } from './service-node-port-range.js';
import { servicePods } from './service-pods.js';
import { serviceTargetPorts } from './service-target-ports.js';
import { serviceLoadBalancerIngress } from './service-load-balancer-ingress.js';

export const servicesFacts = [
  dnsServicePorts,
  ingressBackends,
  serviceClbDirectAccess,
  serviceEndpoints,
  serviceNodePortRange,
  servicePods,
  serviceTargetPorts,
  serviceLoadBalancerIngress,
] as Fact[];
