import { clusterFact } from './cluster.js';
import { conntrackTableFull } from './conntrack-table-full.js';
import type { Fact } from './define.js';
import { flannelHairpin } from './flannel-hairpin.js';
import { ipMasqAgentCoverage } from './ip-masq-agent-coverage.js';
import { ipamRangeExhaustion } from './ipam-range-exhaustion.js';
import { nodeFlannelAnnotations } from './node-flannel-annotations.js';
import { nodePodCidrCapacity } from './node-pod-cidr-capacity.js';
import { serviceEndpoints } from './service-endpoints.js';
import { servicePods } from './service-pods.js';
import { windowsExceptionList } from './windows-exception-list.js';

/** Every fact a rule may name. Adding a fact = a file in src/facts/ + a line here. */
export const facts: Fact[] = [
  clusterFact,
  conntrackTableFull,
  flannelHairpin,
  ipMasqAgentCoverage,
  ipamRangeExhaustion,
  nodeFlannelAnnotations,
  nodePodCidrCapacity,
  serviceEndpoints,
  servicePods,
  windowsExceptionList,
] as Fact[];

export const factsById = new Map(facts.map((f) => [f.id, f]));
