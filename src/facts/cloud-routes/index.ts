// Cloud route tables and the routes the cloud controller adds.
import type { Fact } from '../define.js';
import { nodeNetworkUnavailable } from './node-network-unavailable.js';
import { podCidrRoutes } from './pod-cidr-routes.js';

export const cloudRoutesFacts = [
  nodeNetworkUnavailable,
  podCidrRoutes,
] as Fact[];
