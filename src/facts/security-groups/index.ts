// Cloud security groups: which ports and peers they admit.
import type { Fact } from '../define.js';
import { clbSecurityGroupPorts } from './clb-security-group-ports.js';
import { nodeSecurityGroupNodeAddresses } from './node-security-group-node-addresses.js';
import { nodeSecurityGroupNodePorts } from './node-security-group-node-ports.js';
import { nodeSecurityGroupPeerCidrs } from './node-security-group-peer-cidrs.js';
import { nodeSecurityGroupPodCidr } from './node-security-group-pod-cidr.js';

export const securityGroupsFacts = [
  clbSecurityGroupPorts,
  nodeSecurityGroupNodeAddresses,
  nodeSecurityGroupNodePorts,
  nodeSecurityGroupPeerCidrs,
  nodeSecurityGroupPodCidr,
] as Fact[];
