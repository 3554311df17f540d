import { describe, expect, it } from 'vitest';
import { parseIptablesSave } from '../../../src/parsers/linux/iptables-save.js';
import { firewallVerdict } from '../../../src/facts/rancher/host-firewall-verdict.js';

const save = (input: string, policy = 'ACCEPT', chains = '') =>
  parseIptablesSave(`*filter\n:INPUT ${policy} [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${chains}${input}COMMIT\n`).value;
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

  it('says nothing without an IPv4 filter table', () => {
    expect(firewallVerdict(parseIptablesSave('*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n').value, vxlan)).toBeUndefined();
  });
});
