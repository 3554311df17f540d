import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';

const root = new URL('../../snapshots/scenarios/rancher-overlay-vxlan-dropped', import.meta.url).pathname;

describe('rancher-overlay-vxlan-dropped: one node\'s firewall drops VXLAN', () => {
  it('is one finding: the node, the blocked port and the rule\'s line, confirmed by the overlay test', async () => {
    const { snapshot, diagnostics } = await loadSnapshot(root);
    const report = await analyze(snapshot, { diagnostics });
    expect(report.diagnostics).toEqual([]);
    expect(report.findings.map((f) => [f.ruleId, f.messageId, f.subject.name])).toEqual([['rancher-required-ports', 'overlayPortBlocked', 'rke-node-3']]);
    expect(report.findings[0]?.message).toBe(
      'Node rke-node-3 (worker): UDP 8472 (the overlay\'s VXLAN port) is dropped by nodes/rke-node-3/iptables-save line 18: ' +
        '`-A INPUT -p udp -m udp --dport 8472 -m comment --comment "drop vxlan from outside" -j DROP`; the overlay test confirms it: ' +
        'every other node fails to reach rke-node-3 (cluster/overlay-test.txt lines 3, 5). Pods on other nodes cannot reach this node\'s ' +
        "pods over the overlay (UDP 8472: flannel's default VXLAN port on Linux; net-conf.json of ConfigMap kube-system/canal-config sets no Backend.Port).",
    );
    // The overlay test's isolated node and the ingress timeouts to its pod are that same problem: no second finding,
    // yet every Rancher rule ran.
    const rancher = Object.fromEntries(report.rules.filter((r) => r.ruleId.startsWith('rancher-')).map((r) => [r.ruleId, r.status]));
    expect(rancher).toEqual({
      'rancher-flannel-annotations': 'evaluated',
      'rancher-mtu': 'evaluated',
      'rancher-overlay-test': 'evaluated',
      'rancher-required-ports': 'evaluated',
      'rancher-system-ns-isolation': 'evaluated',
    });
  });
});
