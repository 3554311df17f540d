// Flannel: its config, CNI version, hairpin mode and node annotations.
import type { Fact } from '../define.js';
import { flannelHairpin } from './flannel-hairpin.js';
import { nodeFlannelAnnotations } from './node-flannel-annotations.js';
import { flannelCniVersion } from './flannel-cni-version.js';

export const flannelFacts = [
  flannelHairpin,
  nodeFlannelAnnotations,
  flannelCniVersion,
] as Fact[];
