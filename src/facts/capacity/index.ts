// Pod-address capacity: pod CIDR size and IPAM range exhaustion.
import type { Fact } from '../define.js';
import { ipamRangeExhaustion } from './ipam-range-exhaustion.js';
import { nodePodCidrCapacity } from './node-pod-cidr-capacity.js';

export const capacityFacts = [
  ipamRangeExhaustion,
  nodePodCidrCapacity,
] as Fact[];
