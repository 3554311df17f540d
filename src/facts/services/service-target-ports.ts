import { defineFact } from '../define.js';
import { podsMatchingSelector } from '../snapshot-index.js';

/**
 * A Service's `spec.ports` against the pods it selects (TKE "检查 Service 的
 * spec.ports 字段是否正确"). A named targetPort that no selected pod declares
 * leaves those pods out of the Endpoints for that port: traffic has nowhere to
 * go. A numeric targetPort need not be declared (containerPort is
 * informational), so it is only reported when the pods declare ports and none
 * of them is the target — a likely typo, not a certainty.
 */
export const serviceTargetPorts = defineFact({
  id: 'serviceTargetPorts',
  subject: 'Service',
  description:
    'For each Service port, whether its targetPort (the port when absent) matches a containerPort of the selected pods: named targetPorts ' +
    'no selected pod declares (unresolved), and numeric ones no pod declares although the pods declare other ports (undeclared).',
  reads: ['Service spec.ports[].targetPort, protocol, spec.selector', 'Pods spec.containers[].ports (name, containerPort, protocol)'],
  priority: 2,
  compute: (service, index) => {
    const pods = podsMatchingSelector(index, service.namespace, service.selector ?? {}).filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed');
    const declared = pods.flatMap((p) => p.containers.flatMap((c) => c.ports));
    const unresolved: string[] = [];
    const undeclared: string[] = [];
    for (const sp of service.ports) {
      const target = sp.targetPort ?? sp.port;
      const protocol = sp.protocol.toUpperCase();
      const sameProtocol = declared.filter((d) => d.protocol.toUpperCase() === protocol);
      const label = `port ${sp.name ? `${sp.name} ` : ''}${sp.port}/${protocol} → targetPort ${target}`;
      if (pods.length === 0) continue;
      if (typeof target === 'string') {
        if (!sameProtocol.some((d) => d.name === target)) unresolved.push(label);
      } else if (declared.length > 0 && !sameProtocol.some((d) => d.containerPort === Number(target))) {
        undeclared.push(label);
      }
    }
    const list = (xs: Array<{ name?: string; containerPort: number; protocol: string }>) =>
      [...new Set(xs.map((d) => `${d.name ? `${d.name}:` : ''}${d.containerPort}/${d.protocol.toUpperCase()}`))].sort().join(', ') || 'none';
    return {
      pods: pods.length,
      unresolvedNamedCount: unresolved.length,
      unresolvedNamed: unresolved.join('; '),
      undeclaredCount: undeclared.length,
      undeclared: undeclared.join('; '),
      containerPorts: list(declared),
      source: service.source,
    };
  },
});
