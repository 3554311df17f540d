// Cluster identity: provider, CNI, versions, the address ranges the cluster uses.
import type { Fact } from '../define.js';
import { clusterFact } from './cluster.js';
import { cidrOverlaps } from './cidr-overlaps.js';

export const clusterFacts = [
  clusterFact,
  cidrOverlaps,
] as Fact[];
