// The strongSwan IPSec VPN Helm chart on IKS: connection status, vpnDebug, helm release, subnets and placement.
import type { Fact } from '../define.js';
import { strongswanHelmRelease } from './strongswan-helm-release.js';
import { strongswanNodeSelection } from './strongswan-node-selection.js';
import { strongswanSubnetCoverage } from './strongswan-subnet-coverage.js';
import { strongswanVpnDebug } from './strongswan-vpn-debug.js';
import { strongswanIpsecStatus } from './strongswan-ipsec-status.js';
import { strongswanVpnPods } from './strongswan-vpn-pods.js';

export const strongswanFacts = [
  strongswanHelmRelease,
  strongswanIpsecStatus,
  strongswanNodeSelection,
  strongswanSubnetCoverage,
  strongswanVpnDebug,
  strongswanVpnPods,
] as Fact[];
