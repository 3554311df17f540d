// Terway: ENIs, vSwitches, EIPs and its IPAM.
import type { Fact } from '../define.js';
import { terwayEip } from './terway-eip.js';
import { terwayIpvlanLb } from './terway-ipvlan-lb.js';
import { terwayMacNotFound } from './terway-mac-not-found.js';
import { terwayNetworkPolicy } from './terway-network-policy.js';
import { terwayNodeReadiness } from './terway-node-readiness.js';
import { podIpsOutsideVSwitches } from './pod-ips-outside-vswitches.js';
import { terwayEniQuota } from './terway-eni-quota.js';
import { terwayFixedVSwitch } from './terway-fixed-vswitch.js';
import { terwayPodCapacity } from './terway-pod-capacity.js';
import { terwayVSwitchExhaustion } from './terway-vswitch-exhaustion.js';
import { terwayVSwitchSnat } from './terway-vswitch-snat.js';

export const terwayFacts = [
  terwayEip,
  terwayIpvlanLb,
  terwayMacNotFound,
  terwayNetworkPolicy,
  terwayNodeReadiness,
  podIpsOutsideVSwitches,
  terwayEniQuota,
  terwayFixedVSwitch,
  terwayPodCapacity,
  terwayVSwitchExhaustion,
  terwayVSwitchSnat,
] as Fact[];
