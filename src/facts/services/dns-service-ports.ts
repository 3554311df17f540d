import { defineFact } from '../define.js';

/** The cluster DNS Service must serve port 53 over UDP and TCP (TKE "测试 kube-dns 服务的53端口是否开通"). */
export const dnsServicePorts = defineFact({
  id: 'dnsServicePorts',
  subject: 'Service',
  description: 'Which of 53/UDP and 53/TCP the (kube-dns / CoreDNS) Service lacks in spec.ports, and the ports it has.',
  reads: ['Service spec.ports (port, protocol)'],
  priority: 2,
  compute: (service) => {
    const has = (protocol: string) => service.ports.some((p) => p.port === 53 && p.protocol.toUpperCase() === protocol);
    const missing = ['UDP', 'TCP'].filter((p) => !has(p)).map((p) => `53/${p}`);
    return {
      missingCount: missing.length,
      missing: missing.join(', '),
      ports: service.ports.map((p) => `${p.port}/${p.protocol.toUpperCase()}${p.name ? ` (${p.name})` : ''}`).join(', ') || 'none',
      source: service.source,
    };
  },
});
