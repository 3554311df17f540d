import { defineFact } from '../define.js';
import { requireTerwayEniConfig } from './terway-eni-config.js';

/**
 * ACK "如何解决Pod启动后存在时延的问题?": with NetworkPolicy enabled, a new pod can
 * only communicate once its policy is programmed; `disable_network_policy: "true"`
 * in eni-config removes the delay (and NetworkPolicy enforcement with it).
 */
export const terwayNetworkPolicy = defineFact({
  id: 'terwayNetworkPolicy',
  subject: 'Cluster',
  description: 'Whether Terway enforces NetworkPolicy (eni-config disable_network_policy not "true") and how many NetworkPolicy objects exist (when captured).',
  reads: ['ConfigMap kube-system/eni-config key disable_network_policy', 'NetworkPolicy objects'],
  compute: (_cluster, index) => {
    const eni = requireTerwayEniConfig(index);
    const disabled = eni.config.disableNetworkPolicy;
    const captured = index.snapshot.captured.includes('NetworkPolicy');
    const count = index.snapshot.networkPolicies.length;
    return {
      policyEnabled: disabled !== true,
      disableNetworkPolicy: disabled === undefined ? 'not set' : `"${String(disabled)}"`,
      networkPoliciesCaptured: captured,
      networkPolicyCount: count,
      networkPolicies: captured ? `${count} NetworkPolicy objects` : 'NetworkPolicy objects not captured',
      source: eni.sourceOf(disabled === undefined ? 'eni_conf' : 'disable_network_policy'),
    };
  },
});
