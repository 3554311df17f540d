import type { Fact } from './define.js';
import { clusterFacts } from './cluster/index.js';
import { conntrackFacts } from './conntrack/index.js';
import { servicesFacts } from './services/index.js';
import { flannelFacts } from './flannel/index.js';
import { masqueradeFacts } from './masquerade/index.js';
import { capacityFacts } from './capacity/index.js';
import { kubeProxyFacts } from './kube-proxy/index.js';
import { dualStackFacts } from './dual-stack/index.js';
import { cniFacts } from './cni/index.js';
import { cloudRoutesFacts } from './cloud-routes/index.js';
import { terwayFacts } from './terway/index.js';
import { windowsFacts } from './windows/index.js';
import { logsFacts } from './logs/index.js';
import { securityGroupsFacts } from './security-groups/index.js';
import { iksFacts } from './iks/index.js';
import { strongswanFacts } from './strongswan/index.js';
import { rancherFacts } from './rancher/index.js';

/**
 * Every fact a rule may name, area by area. Adding a fact = a file in src/facts/<area>/
 * + a line in that area's index.ts; a new area = a folder + a line here.
 */
export const facts: Fact[] = [
  ...clusterFacts,
  ...conntrackFacts,
  ...servicesFacts,
  ...flannelFacts,
  ...masqueradeFacts,
  ...capacityFacts,
  ...kubeProxyFacts,
  ...dualStackFacts,
  ...cniFacts,
  ...cloudRoutesFacts,
  ...terwayFacts,
  ...windowsFacts,
  ...logsFacts,
  ...securityGroupsFacts,
  ...iksFacts,
  ...strongswanFacts,
  ...rancherFacts,
];

export const factsById = new Map(facts.map((f) => [f.id, f]));
