import { mergeCidrs } from '../../cidr/index.js';
import { defineFact } from '../define.js';
import { type DecidingRule, securityGroupAdmits } from './security-group-admits.js';
import { describeCidrs, describeRule } from './security-group-coverage.js';
import { clbSecurityGroups } from './tencent-security-group-roles.js';

const ANY = '0.0.0.0/0';

/**
 * The CLB of `default/kubelb-internet` has no security group by default (全放通); when one is bound, it
 * must admit the clients on the Service's port (443). The clients are anyone on the internet unless the
 * user narrowed them on purpose, so a port admitted from no address is reported apart from one admitted
 * from only some ("检查安全组来源 CIDR 是否正确设置,或将来源 0.0.0.0/0 设置为全放通之后,再进行公网访问测试").
 */
export const clbSecurityGroupPorts = defineFact({
  id: 'clbSecurityGroupPorts',
  subject: 'Service',
  description:
    'The CLB security groups (cloud/tencent-security-groups-clb*.json) against each TCP/UDP port of the Service from 0.0.0.0/0: ' +
    'ports admitted from no address (blocked) and ports admitted from only part of it (restricted). captured is false without such a file.',
  reads: ['cloud/tencent-security-groups-clb*.json', 'Service spec.ports[].port/protocol'],
  compute: (service, index) => {
    const chain = clbSecurityGroups(index);
    const blocked: string[] = [];
    const restricted: string[] = [];
    let firstGap: DecidingRule | undefined;
    for (const port of chain ? service.ports : []) {
      const protocol = port.protocol.toLowerCase();
      if (protocol !== 'tcp' && protocol !== 'udp') continue;
      const result = securityGroupAdmits(chain!.groups, { protocol, cidrs: [ANY], ports: [[port.port, port.port]] });
      if (result.notAdmitted.length === 0) continue;
      firstGap ??= result.notAdmitted.find((p) => p.rule)?.rule;
      const label = `${port.port}/${protocol.toUpperCase()}`;
      const why = result.notAdmitted.map((p) => (p.cidrs.join() === ANY ? '' : `from ${describeCidrs(p.cidrs, [ANY])}: `) + describeRule(p.rule)).join('; ');
      if (result.admitted.length === 0 && result.undetermined.length === 0) blocked.push(`${label} (${why})`);
      else {
        const admitted = mergeCidrs(result.admitted.flatMap((p) => p.cidrs)).join(', ') || 'addresses the snapshot does not resolve';
        restricted.push(`${label} only from ${admitted} (not ${why})`);
      }
    }
    return {
      captured: chain !== undefined,
      securityGroups: chain?.label ?? 'none captured',
      from: chain?.from ?? 'no cloud/tencent-security-groups-clb*.json (by default the CLB has no security group)',
      blocked: blocked.join('; '),
      blockedCount: blocked.length,
      restricted: restricted.join('; '),
      restrictedCount: restricted.length,
      source: chain ? { ...chain.source, ...(firstGap ? { file: firstGap.file ?? chain.source.file, line: firstGap.line } : {}) } : service.source,
    };
  },
});
