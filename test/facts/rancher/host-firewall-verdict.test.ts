import { describe, expect, it } from 'vitest';
import { scanIptablesSaveHostFilter } from '../../../src/parsers/linux/iptables-save-host-filter-scan.js';
import { firewallVerdict } from '../../../src/facts/rancher/host-firewall-verdict.js';

const save = (input: string, policy = 'ACCEPT', chains = '') => {
  const { filter } = scanIptablesSaveHostFilter(`*filter\n:INPUT ${policy} [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${chains}${input}COMMIT\n`).value;
  if (!filter) throw new Error('no filter table');
  return filter;
};
const vxlan = { protocol: 'udp', port: 8472 } as const;
const kubelet = { protocol: 'tcp', port: 10250 } as const;

describe('firewallVerdict', () => {
  it('an explicit DROP of the port blocks it, quoting the rule and its line', () => {
    expect(firewallVerdict(save('-A INPUT -i lo -j ACCEPT\n-A INPUT -p udp -m udp --dport 8472 -j DROP\n'), vxlan)).toEqual({
      kind: 'blocked', target: 'DROP', chain: 'INPUT', line: 6, rule: '-A INPUT -p udp -m udp --dport 8472 -j DROP', byPolicy: false,
    });
    expect(firewallVerdict(save('-A INPUT -p udp -m udp --dport 8472 -j DROP\n'), kubelet)).toEqual({ kind: 'accepted' });
  });

  it('stateful and loopback ACCEPTs do not admit a new connection from another node', () => {
    const input = '-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT\n-A INPUT -i lo -j ACCEPT\n-A INPUT -p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT\n-A INPUT -j REJECT --reject-with icmp-host-prohibited\n';
    expect(firewallVerdict(save(input), kubelet)).toMatchObject({ kind: 'blocked', target: 'REJECT', line: 8 });
    expect(firewallVerdict(save(`-A INPUT -p tcp -m multiport --dports 10250,6443 -j ACCEPT\n${input}`), kubelet)).toEqual({ kind: 'accepted' });
  });

  it('the DROP policy blocks what no rule accepts', () => {
    expect(firewallVerdict(save('-A INPUT -p udp -m udp --dport 8472 -j ACCEPT\n', 'DROP'), kubelet)).toEqual({
      kind: 'blocked', target: 'DROP', chain: 'INPUT', line: 2, rule: ':INPUT DROP', byPolicy: true,
    });
    expect(firewallVerdict(save('-A INPUT -p udp -m udp --dport 8472 -j ACCEPT\n', 'DROP'), vxlan)).toEqual({ kind: 'accepted' });
  });

  it('a DROP or ACCEPT that depends on the source is not certain: DROPs are passed over, ACCEPTs leave it undetermined', () => {
    expect(firewallVerdict(save('-A INPUT -s 203.0.113.0/24 -j DROP\n'), vxlan)).toEqual({ kind: 'accepted' });
    expect(firewallVerdict(save('-A INPUT -s 10.0.0.0/8 -j ACCEPT\n-A INPUT -j DROP\n'), vxlan)).toEqual({
      kind: 'undetermined', line: 5, rule: '-A INPUT -s 10.0.0.0/8 -j ACCEPT',
    });
  });

  it('a negated protocol or port is not read as its opposite', () => {
    // `! -p tcp -j DROP` drops UDP: not certain enough to call blocked, but never "not matching".
    expect(firewallVerdict(save('-A INPUT ! -p tcp -j ACCEPT\n-A INPUT -j DROP\n'), vxlan)).toMatchObject({ kind: 'undetermined', line: 5 });
    expect(firewallVerdict(save('-A INPUT -p udp -m udp ! --dport 53 -j ACCEPT\n-A INPUT -j DROP\n'), vxlan)).toMatchObject({ kind: 'undetermined', line: 5 });
    expect(firewallVerdict(save('-A INPUT -s 10.0.0.0/8 -p tcp -j ACCEPT\n-A INPUT -j DROP\n'), vxlan)).toMatchObject({ kind: 'blocked', line: 6 });
  });

  it('reads -s / -d against the other nodes\' and this node\'s addresses when they are known', () => {
    const input = '-A INPUT -s 10.20.0.0/24 -j ACCEPT\n-A INPUT -j REJECT --reject-with icmp-host-prohibited\n';
    const peers = { ...vxlan, destinations: ['10.20.0.21'] };
    expect(firewallVerdict(save(input), { ...peers, sources: ['10.20.0.11', '10.20.0.12'] })).toEqual({ kind: 'accepted' });
    // A node in another subnet is not accepted by that rule: the REJECT decides.
    expect(firewallVerdict(save(input), { ...peers, sources: ['10.30.0.11'] })).toMatchObject({ kind: 'blocked', target: 'REJECT', line: 6 });
    expect(firewallVerdict(save(input), { ...peers, sources: ['10.20.0.11', '10.30.0.11'] })).toMatchObject({ kind: 'undetermined', line: 5 });
    expect(firewallVerdict(save('-A INPUT -d 10.43.0.0/16 -j DROP\n-A INPUT -d 10.20.0.21/32 -p udp -j DROP\n'), peers)).toMatchObject({ kind: 'blocked', line: 6 });
  });

  it('follows user chains (ufw style) and RETURN, and skips the chains kube-proxy and the CNI manage', () => {
    const chains = ':ufw-before-input - [0:0]\n:ufw-user-input - [0:0]\n:KUBE-FIREWALL - [0:0]\n';
    const input = [
      '-A INPUT -j KUBE-FIREWALL',
      '-A INPUT -j ufw-before-input',
      '-A INPUT -j ufw-user-input',
      '-A KUBE-FIREWALL -m mark --mark 0x8000/0x8000 -j DROP',
      '-A ufw-before-input -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A ufw-before-input -m addrtype --dst-type BROADCAST -j RETURN',
      '-A ufw-user-input -p tcp -m tcp --dport 22 -j ACCEPT',
      '-A ufw-user-input -p tcp -m tcp --dport 10250 -j ACCEPT',
      '',
    ].join('\n');
    expect(firewallVerdict(save(input, 'DROP', chains), kubelet)).toEqual({ kind: 'accepted' });
    expect(firewallVerdict(save(input, 'DROP', chains), vxlan)).toMatchObject({ kind: 'blocked', byPolicy: true });
  });

  it('the scan keeps only the IPv4 filter table, without the chains kube-proxy and the CNI manage', () => {
    const text = '*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j KUBE-SERVICES\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\n:KUBE-FIREWALL - [0:0]\n-A INPUT -j KUBE-FIREWALL\n-A KUBE-FIREWALL -j DROP\nCOMMIT\n';
    const { value, diagnostics } = scanIptablesSaveHostFilter(text);
    expect(diagnostics).toEqual([]);
    expect(value.tables).toBe(2);
    expect(value.filter?.chains.map((c) => c.name)).toEqual(['INPUT', 'KUBE-FIREWALL']);
    expect(value.filter?.rules.map((r) => [r.chain, r.line])).toEqual([['INPUT', 8]]);
    expect(scanIptablesSaveHostFilter(`# Generated by ip6tables-save v1.8.7 on Fri Nov 20 09:58:12 2026\n${text}`).value.filter).toBeUndefined();
    expect(scanIptablesSaveHostFilter('not a dump').value).toEqual({ tables: 0 });
  });
});
