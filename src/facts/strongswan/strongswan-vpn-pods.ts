import { defineFact } from '../define.js';
import { vpnPods } from './vpn-pods.js';

const failing = /^(?:CrashLoopBackOff|Error|RunContainerError|CreateContainerConfigError)$/;

/** The VPN pods' health: "VPN pod 处于 `ERROR` 状态或持续崩溃并重新启动". */
export const strongswanVpnPods = defineFact({
  id: 'strongswanVpnPods',
  subject: 'Cluster',
  description: 'The strongSwan VPN pods (label app=strongswan): how many, and those in Error/CrashLoopBackOff, Failed, or restarted and not Ready (`pod: reason, N restarts`).',
  reads: ['Pods labels app, status.phase, status.containerStatuses (waiting reason, restartCount)'],
  compute: (_cluster, index) => {
    const pods = vpnPods(index);
    const bad = pods.flatMap((p) => {
      const reasons = p.containerStatuses.map((c) => c.waitingReason).filter((r): r is string => r !== undefined && failing.test(r));
      const restarts = p.containerStatuses.reduce((n, c) => n + c.restartCount, 0);
      // A restart long ago on a pod that is Ready now is history, not the "持续崩溃并重新启动" the document means.
      if (reasons.length === 0 && (restarts === 0 || p.ready) && p.phase !== 'Failed') return [];
      return [{ pod: p, text: `${p.namespace}/${p.name}: ${[...new Set(reasons)].join(', ') || p.phase || 'Running'}, ${restarts} restarts` }];
    });
    return {
      vpnPods: pods.length,
      failingCount: bad.length,
      failing: bad.map((b) => b.text).join('; '),
      source: (bad[0]?.pod ?? pods[0])?.source ?? { file: 'pods' },
    };
  },
});
