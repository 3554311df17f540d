// Connection tracking: table size, tuning and overflow.
import type { Fact } from '../define.js';
import { conntrackTableFull } from './conntrack-table-full.js';
import { conntrackTuning } from './conntrack-tuning.js';
import { nodeConntrack } from './node-conntrack.js';

export const conntrackFacts = [
  conntrackTableFull,
  conntrackTuning,
  nodeConntrack,
] as Fact[];
