// Rancher: host firewall ports by node role, the overlay test, MTU, system namespace isolation after upgrades.
import type { Fact } from '../define.js';
import { rancherFirewallBlocks } from './rancher-firewall-blocks.js';
import { rancherMtu } from './rancher-mtu.js';
import { rancherOverlayTest } from './rancher-overlay-test.js';
import { rancherSystemNsIsolation } from './rancher-system-ns-isolation.js';

export const rancherFacts = [rancherFirewallBlocks, rancherOverlayTest, rancherMtu, rancherSystemNsIsolation] as Fact[];
