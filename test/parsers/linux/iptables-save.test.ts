import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  IptablesSave,
  iptablesSaveParser,
  kubeProxyServiceKey,
  parseIptablesSave,
} from '../../../src/parsers/linux/iptables-save.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/outputs/iptables-save/${name}`, import.meta.url), 'utf8');

type Kind = 'clusterIP' | 'nodePort' | 'externalIP' | 'loadBalancerIP';
const svc = (id: string, kind: Kind, port: number, protocol: string, chain: string, line: number, address?: string) => {
  const [namespace, rest] = id.split('/') as [string, string];
  const [name, portName = ''] = rest.split(':') as [string, string?];
  return { namespace, name, portName, kind, port, protocol, chain, line, ...(address ? { address } : {}) };
};
const ep = (sepChain: string, address: string, port: number, line: number, probability?: number) => ({
  sepChain,
  address,
  port,
  line,
  ...(probability === undefined ? {} : { probability }),
});

describe('iptables-save parser', () => {
  it('reads a kube-proxy 1.28 dump from iptables-nft with flannel', () => {
    const { value, diagnostics } = parseIptablesSave(fixture('kube-proxy-1.28-nft.txt'), { file: 'nodes/w1/iptables-save' });
    expect(diagnostics).toEqual([]);
    expect(IptablesSave.parse(value)).toEqual(value);
    expect(value).toMatchObject({
      family: 4,
      generator: 'iptables-save',
      version: '1.8.9',
      backend: 'nf_tables',
      legacyTablesPresent: true,
    });
    expect(value.tables.map((t) => [t.name, t.line, t.family, t.committed, t.chains.length, t.rules.length])).toEqual([
      ['mangle', 3, 4, true, 8, 0],
      ['filter', 15, 4, true, 12, 24],
      ['nat', 55, 4, true, 27, 59],
    ]);
    const filter = value.tables[1];
    expect(filter?.chains[0]).toEqual({ name: 'INPUT', policy: 'ACCEPT', packets: 48211, bytes: 31177423, line: 16 });
    expect(filter?.chains[3]).toEqual({ name: 'FLANNEL-FWD', policy: '-', packets: 0, bytes: 0, line: 19 });
    expect(filter?.rules.find((r) => r.line === 46)).toEqual({
      chain: 'KUBE-FIREWALL',
      line: 46,
      args: [
        '!', '-s', '127.0.0.0/8', '-d', '127.0.0.0/8', '-m', 'comment', '--comment', 'block incoming localnet connections',
        '-m', 'conntrack', '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT', '-j', 'DROP',
      ],
      matches: {
        source: '127.0.0.0/8',
        destination: '127.0.0.0/8',
        comment: 'block incoming localnet connections',
        modules: ['comment', 'conntrack'],
        negated: ['source', '--ctstate'],
      },
      target: 'DROP',
      targetArgs: {},
    });
    const nat = value.tables[2];
    expect(nat?.rules.find((r) => r.line === 107)).toMatchObject({
      chain: 'KUBE-SEP-7GQWDQK4ZVKXQRLS',
      matches: { protocol: 'tcp', modules: ['comment', 'tcp'] },
      target: 'DNAT',
      targetArgs: { '--to-destination': '10.244.2.4:80' },
    });
    expect(nat?.rules.find((r) => r.line === 103)?.targetArgs).toEqual({ '--random-fully': '' });

    expect(value.kubeProxy.services).toEqual([
      svc('shop/web:http', 'nodePort', 30080, 'tcp', 'KUBE-EXT-4TCOQ7K3CKXR2DUU', 99),
      svc('ingress-nginx/ingress-nginx-controller:http', 'nodePort', 31080, 'tcp', 'KUBE-EXT-W2KFMHD6J5QUZBZB', 100),
      svc('default/kubernetes:https', 'clusterIP', 443, 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y', 120, '10.96.0.1'),
      svc('kube-system/kube-dns:dns', 'clusterIP', 53, 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU', 121, '10.96.0.10'),
      svc('kube-system/kube-dns:dns-tcp', 'clusterIP', 53, 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4', 122, '10.96.0.10'),
      svc('shop/web:http', 'clusterIP', 80, 'tcp', 'KUBE-SVC-4TCOQ7K3CKXR2DUU', 123, '10.96.45.12'),
      svc('ingress-nginx/ingress-nginx-controller:http', 'clusterIP', 80, 'tcp', 'KUBE-SVC-W2KFMHD6J5QUZBZB', 124, '10.96.200.4'),
      svc('ingress-nginx/ingress-nginx-controller:http', 'loadBalancerIP', 80, 'tcp', 'KUBE-EXT-W2KFMHD6J5QUZBZB', 125, '203.0.113.10'),
      svc('default/echo', 'clusterIP', 8080, 'tcp', 'KUBE-SVC-ZXQB36RUUFDDJXHV', 126, '10.96.33.3'),
    ]);
    expect(value.kubeProxy.endpointsByChain).toEqual({
      'KUBE-SVC-4TCOQ7K3CKXR2DUU': [ep('KUBE-SEP-V5DXO3KRS6KGFSGM', '10.244.2.7', 8080, 129)],
      'KUBE-SVC-ERIFXISQEP7F7OF4': [
        ep('KUBE-SEP-IT2ZTR26TO4XFPTO', '10.244.0.2', 53, 131, 0.5),
        ep('KUBE-SEP-2NBXLPQCSVQEDM5W', '10.244.0.3', 53, 132),
      ],
      'KUBE-SVC-NPX46M4PTMTKRN6Y': [ep('KUBE-SEP-QKX4QX54UKWK6JIN', '172.18.0.2', 6443, 134)],
      'KUBE-SVC-TCOU7JCQXEZGVUNU': [
        ep('KUBE-SEP-N4G2XR5TDX7PQE7P', '10.244.0.2', 53, 136, 0.5),
        ep('KUBE-SEP-PUHFDAMRBZWCPADU', '10.244.0.3', 53, 137),
      ],
      'KUBE-SVC-W2KFMHD6J5QUZBZB': [ep('KUBE-SEP-7GQWDQK4ZVKXQRLS', '10.244.2.4', 80, 139)],
      'KUBE-SVC-ZXQB36RUUFDDJXHV': [ep('KUBE-SEP-YIL6JZP7A3QYXJU2', '10.244.2.9', 8080, 141)],
    });
    const base = { table: 'filter', chain: 'KUBE-EXTERNAL-SERVICES', protocol: 'tcp' };
    expect(value.kubeProxy.noEndpoints).toEqual([
      { ...base, namespace: 'shop', name: 'cart', portName: 'http', kind: 'has no endpoints', target: 'REJECT', port: 30880, line: 43 },
      {
        ...base,
        namespace: 'ingress-nginx',
        name: 'ingress-nginx-controller',
        portName: 'http',
        kind: 'has no local endpoints',
        target: 'DROP',
        address: '203.0.113.10',
        port: 80,
        line: 44,
      },
      {
        ...base,
        namespace: 'ingress-nginx',
        name: 'ingress-nginx-controller',
        portName: 'http',
        kind: 'has no local endpoints',
        target: 'DROP',
        port: 31080,
        line: 45,
      },
      {
        ...base,
        chain: 'KUBE-SERVICES',
        namespace: 'shop',
        name: 'cart',
        portName: 'http',
        kind: 'has no endpoints',
        target: 'REJECT',
        address: '10.96.120.7',
        port: 80,
        line: 51,
      },
    ]);
    expect(value.overlayPortBlocks).toEqual([
      { table: 'filter', chain: 'INPUT', protocol: 'udp', port: 4789, target: 'DROP', line: 32 },
      { table: 'filter', chain: 'INPUT', protocol: 'udp', port: 8472, target: 'DROP', line: 32 },
    ]);
  });

  it('reads the same dump with CRLF line ends identically', () => {
    const lf = fixture('kube-proxy-1.28-nft.txt');
    expect(parseIptablesSave(lf.replace(/\n/g, '\r\n'))).toEqual(parseIptablesSave(lf));
  });

  it('reads an old legacy dump saved with -c (kube-proxy 1.10: KUBE-XLB, "ns/svc:" comments, affinity)', () => {
    const { value, diagnostics } = parseIptablesSave(fixture('kube-proxy-1.10-legacy-counters.txt'));
    expect(diagnostics).toEqual([]);
    expect(IptablesSave.parse(value)).toEqual(value);
    expect(value).toMatchObject({ family: 4, generator: 'iptables-save', version: '1.6.1', legacyTablesPresent: false });
    expect(value.backend).toBeUndefined();
    expect(value.tables.map((t) => [t.name, t.chains.length, t.rules.length])).toEqual([
      ['nat', 23, 50],
      ['filter', 9, 20],
    ]);
    expect(value.tables[1]?.chains[1]).toEqual({ name: 'FORWARD', policy: 'DROP', packets: 0, bytes: 0, line: 81 });
    expect(value.tables[0]?.rules[0]).toMatchObject({ chain: 'PREROUTING', line: 26, counters: { packets: 112, bytes: 6720 } });

    expect(value.kubeProxy.services).toEqual([
      svc('default/nginx', 'nodePort', 30080, 'tcp', 'KUBE-XLB-4N57TFCL4MD7ZTDA', 36),
      svc('default/kubernetes:https', 'clusterIP', 443, 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y', 53, '10.96.0.1'),
      svc('kube-system/kube-dns:dns', 'clusterIP', 53, 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU', 55, '10.96.0.10'),
      svc('kube-system/kube-dns:dns-tcp', 'clusterIP', 53, 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4', 57, '10.96.0.10'),
      svc('default/nginx', 'clusterIP', 80, 'tcp', 'KUBE-SVC-4N57TFCL4MD7ZTDA', 59, '10.103.21.4'),
      svc('monitoring/grafana:http', 'clusterIP', 3000, 'tcp', 'KUBE-SVC-UYAAQPIXLUJYPCO5', 61, '10.98.7.220'),
      // three "external IP" rules (MARK-MASQ, physdev, addrtype): one entry
      svc('monitoring/grafana:http', 'externalIP', 3000, 'tcp', 'KUBE-SVC-UYAAQPIXLUJYPCO5', 63, '192.168.10.50'),
    ]);
    expect(value.kubeProxy.endpointsByChain).toEqual({
      'KUBE-SVC-4N57TFCL4MD7ZTDA': [
        ep('KUBE-SEP-KQRG4JHW3PYDOSVU', '10.244.2.5', 80, 66, 0.5),
        ep('KUBE-SEP-R7EMXN5TTQQVP4UW', '10.244.3.6', 80, 67),
      ],
      'KUBE-SVC-ERIFXISQEP7F7OF4': [ep('KUBE-SEP-EJJ3L23ZA35VLW6X', '10.244.0.7', 53, 68)],
      // the `-m recent --rcheck` affinity jump on line 69 is not a second endpoint
      'KUBE-SVC-NPX46M4PTMTKRN6Y': [ep('KUBE-SEP-6FZLAPUAJM6OKK6A', '192.168.10.11', 6443, 70)],
      'KUBE-SVC-TCOU7JCQXEZGVUNU': [
        ep('KUBE-SEP-3FFYVUN4WQOKRDZT', '10.244.0.7', 53, 71, 0.5),
        ep('KUBE-SEP-XHGTH3NBMWYIQ2EJ', '10.244.1.3', 53, 72),
      ],
      'KUBE-SVC-UYAAQPIXLUJYPCO5': [ep('KUBE-SEP-T3QQAH7FUWZLTTBO', '10.244.1.8', 3000, 73)],
    });
    expect(value.kubeProxy.noEndpoints).toEqual([
      {
        namespace: 'default',
        name: 'nginx',
        portName: '',
        kind: 'has no local endpoints',
        target: 'DROP',
        protocol: 'tcp',
        table: 'nat',
        chain: 'KUBE-XLB-4N57TFCL4MD7ZTDA',
        line: 75,
      },
      {
        namespace: 'default',
        name: 'legacy-api',
        portName: 'http',
        kind: 'has no endpoints',
        target: 'REJECT',
        protocol: 'tcp',
        port: 31500,
        table: 'filter',
        chain: 'KUBE-EXTERNAL-SERVICES',
        line: 103,
      },
      {
        namespace: 'default',
        name: 'legacy-api',
        portName: 'http',
        kind: 'has no endpoints',
        target: 'REJECT',
        protocol: 'tcp',
        address: '10.111.40.9',
        port: 80,
        table: 'filter',
        chain: 'KUBE-SERVICES',
        line: 108,
      },
    ]);
    // `--dport 8285 -j ACCEPT` on line 93 is not a block
    expect(value.overlayPortBlocks).toEqual([
      { table: 'filter', chain: 'INPUT', protocol: 'udp', port: 8472, target: 'DROP', line: 92 },
    ]);
  });

  it('reads an ip6tables-save dump', () => {
    const { value, diagnostics } = parseIptablesSave(fixture('ip6tables-kube-proxy-1.27.txt'));
    expect(diagnostics).toEqual([]);
    expect(IptablesSave.parse(value)).toEqual(value);
    expect(value).toMatchObject({ family: 6, generator: 'ip6tables-save', version: '1.8.4' });
    expect(value.tables.map((t) => [t.name, t.family])).toEqual([
      ['filter', 6],
      ['nat', 6],
    ]);
    expect(value.kubeProxy.services).toEqual([
      svc('shop/web:http', 'nodePort', 30080, 'tcp', 'KUBE-EXT-4TCOQ7K3CKXR2DUU', 55),
      svc('default/kubernetes:https', 'clusterIP', 443, 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y', 67, 'fd00:10:96::1'),
      svc('kube-system/kube-dns:dns', 'clusterIP', 53, 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU', 68, 'fd00:10:96::a'),
      svc('shop/web:http', 'clusterIP', 80, 'tcp', 'KUBE-SVC-4TCOQ7K3CKXR2DUU', 69, 'fd00:10:96::2d0c'),
    ]);
    expect(value.kubeProxy.endpointsByChain).toEqual({
      'KUBE-SVC-4TCOQ7K3CKXR2DUU': [ep('KUBE-SEP-WDBPBKLKDVPSELBJ', 'fd00:10:244:2::7', 8080, 72)],
      'KUBE-SVC-NPX46M4PTMTKRN6Y': [ep('KUBE-SEP-VFZUY6R2WZXQMLEO', 'fc00:f853:ccd:e793::3', 6443, 74)],
      'KUBE-SVC-TCOU7JCQXEZGVUNU': [
        ep('KUBE-SEP-CKTKXEMIKRIIY55M', 'fd00:10:244::2', 53, 76, 0.5),
        ep('KUBE-SEP-MJ2AMTJSMSHZ3XEJ', 'fd00:10:244::3', 53, 77),
      ],
    });
    expect(value.kubeProxy.noEndpoints).toEqual([
      {
        namespace: 'shop',
        name: 'cart',
        portName: 'http',
        kind: 'has no endpoints',
        target: 'REJECT',
        protocol: 'tcp',
        address: 'fd00:10:96::c1f2',
        port: 80,
        table: 'filter',
        chain: 'KUBE-SERVICES',
        line: 26,
      },
    ]);
    // a port range 51000:52000 covers both WireGuard ports
    expect(value.overlayPortBlocks).toEqual([
      { table: 'filter', chain: 'INPUT', protocol: 'udp', port: 51820, target: 'REJECT', line: 16 },
      { table: 'filter', chain: 'INPUT', protocol: 'udp', port: 51821, target: 'REJECT', line: 16 },
    ]);
  });

  it('keeps what it can read from a truncated, garbled dump and says where it stumbled', () => {
    const { value, diagnostics } = parseIptablesSave(fixture('truncated-garbled.txt'), { file: 'nodes/n1/iptables-save' });
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['warning', 'outside-table', 2],
      ['warning', 'unrecognised-line', 6],
      ['warning', 'endpoint-without-dnat', 9],
      ['warning', 'unrecognised-line', 10],
      ['warning', 'unterminated-quote', 11],
      ['warning', 'commit-outside-table', 13],
      ['warning', 'missing-commit', 14],
      ['warning', 'unterminated-quote', 17],
    ]);
    expect(diagnostics.every((d) => d.file === 'nodes/n1/iptables-save')).toBe(true);
    expect(JSON.stringify(diagnostics)).not.toContain('s3cr3t');
    expect(value.tables.map((t) => [t.name, t.committed, t.chains.length, t.rules.length])).toEqual([
      ['nat', true, 2, 4],
      ['filter', false, 1, 2],
    ]);
    expect(value.kubeProxy.services).toEqual([
      svc('default/kubernetes:https', 'clusterIP', 443, 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y', 7, '10.96.0.1'),
    ]);
    // no DNAT chain in the dump: the 1.24+ "-> ip:port" comment still names the endpoint
    expect(value.kubeProxy.endpointsByChain).toEqual({
      'KUBE-SVC-NPX46M4PTMTKRN6Y': [ep('KUBE-SEP-ZZB2QGDRBGS7ZRSD', '192.168.0.10', 6443, 8)],
    });
    expect(value.overlayPortBlocks).toEqual([
      { table: 'filter', chain: 'INPUT', protocol: 'udp', port: 4789, target: 'DROP', line: 16 },
    ]);
  });

  it('rejects text that is not iptables-save output with one error', () => {
    const text = 'Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination\nKUBE-FIREWALL  all  --  anywhere             anywhere\n';
    const { value, diagnostics } = parseIptablesSave(text, { file: 'nodes/n1/iptables-save' });
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'not-iptables-save',
        message: 'no `*table` section found; this does not look like iptables-save output, but `iptables -L`, which names no table: capture `iptables-save`',
        file: 'nodes/n1/iptables-save',
        line: 1,
      },
    ]);
    expect(value.tables).toEqual([]);
  });

  it('returns an empty value for empty output', () => {
    expect(parseIptablesSave('')).toEqual({ value: iptablesSaveParser.parse('\n').value, diagnostics: [] });
    expect(parseIptablesSave('').value.tables).toEqual([]);
  });

  it('tokenises escaped quotes, old `-s !` negation and `-c` counters', () => {
    const text = [
      '*filter',
      ':INPUT ACCEPT',
      '-A INPUT -s ! 10.0.0.0/8 -p udp -m comment --comment "say \\"hi\\" to flannel" -m udp --dport 8285 -c 5 300 -j REJECT --reject-with icmp-host-prohibited',
      '-A INPUT ! -p udp -m multiport --dports 8472 -j DROP',
      '-A INPUT -p udp -m udp ! --dport 8472 -j DROP',
      '-A INPUT -p tcp -m tcp --dport 8472 -j DROP',
      'COMMIT',
    ].join('\n');
    const { value, diagnostics } = parseIptablesSave(text);
    expect(diagnostics).toEqual([]);
    expect(value.family).toBe(4);
    expect(value.tables[0]?.chains).toEqual([{ name: 'INPUT', policy: 'ACCEPT', line: 2 }]);
    expect(value.tables[0]?.rules[0]).toEqual({
      chain: 'INPUT',
      line: 3,
      args: [
        '-s', '!', '10.0.0.0/8', '-p', 'udp', '-m', 'comment', '--comment', 'say "hi" to flannel', '-m', 'udp', '--dport', '8285',
        '-j', 'REJECT', '--reject-with', 'icmp-host-prohibited',
      ],
      matches: {
        source: '10.0.0.0/8',
        protocol: 'udp',
        comment: 'say "hi" to flannel',
        dport: '8285',
        modules: ['comment', 'udp'],
        negated: ['source'],
      },
      target: 'REJECT',
      targetArgs: { '--reject-with': 'icmp-host-prohibited' },
      counters: { packets: 5, bytes: 300 },
    });
    // negated protocol, negated port and TCP do not block the overlay
    expect(value.overlayPortBlocks).toEqual([
      { table: 'filter', chain: 'INPUT', protocol: 'udp', port: 8285, target: 'REJECT', line: 3 },
    ]);
  });

  it('builds kube-proxy comment keys', () => {
    expect(kubeProxyServiceKey('default', 'kubernetes', 'https')).toBe('default/kubernetes:https');
    expect(kubeProxyServiceKey('default', 'echo', '')).toBe('default/echo');
  });

  it('declares itself', () => {
    expect(iptablesSaveParser.id).toBe('iptables-save');
    const { value, diagnostics } = iptablesSaveParser.parse(iptablesSaveParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.kubeProxy.endpointsByChain).toEqual({
      'KUBE-SVC-TCOU7JCQXEZGVUNU': [ep('KUBE-SEP-IT2ZTR26TO4XFPTO', '10.244.0.2', 53, 9)],
    });
  });
});
