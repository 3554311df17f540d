// The CNI plugin: which one runs, its config, policy enforcement, hostPort support.
import type { Fact } from '../define.js';
import { networkPoliciesUnenforced } from './network-policies-unenforced.js';
import { podHostPorts } from './pod-host-ports.js';
import { thirdPartyCni } from './third-party-cni.js';
import { nodeCniConfig } from './node-cni-config.js';

export const cniFacts = [
  networkPoliciesUnenforced,
  podHostPorts,
  thirdPartyCni,
  nodeCniConfig,
] as Fact[];
