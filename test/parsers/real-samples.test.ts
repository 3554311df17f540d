import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalicoctlVersion } from '../../src/parsers/cluster/calicoctl-version.js';
import { parseIpsecStatus } from '../../src/parsers/cluster/ipsec-status.js';
import { parseCniConfig } from '../../src/parsers/configs/cni-config.js';
import { parseFlannelNetConf } from '../../src/parsers/configs/flannel-net-conf.js';
import { parseSubnetEnv } from '../../src/parsers/configs/subnet-env.js';
import { parseDmesg } from '../../src/parsers/linux/dmesg.js';
import { parseIptablesSave } from '../../src/parsers/linux/iptables-save.js';
import { parseIpAddr } from '../../src/parsers/linux/ip-addr.js';
import { parseIpRoute } from '../../src/parsers/linux/ip-route.js';
import { parseIpvsadm } from '../../src/parsers/linux/ipvsadm.js';
import { parseLsmod } from '../../src/parsers/linux/lsmod.js';
import { parseHnsEndpoints } from '../../src/parsers/windows/hns-endpoints.js';
import { parseHnsNetworks } from '../../src/parsers/windows/hns-networks.js';
import { parseHnsdiag } from '../../src/parsers/windows/hnsdiag.js';

// Outputs captured on real machines by other people (provenance: test/fixtures/outputs/REAL-SAMPLES.md).
const real = (path: string) => readFileSync(new URL(`../fixtures/outputs/${path}`, import.meta.url), 'utf8');
const ruleLines = (text: string, table: string) => {
  const section = text.split(`*${table}\n`)[1]!.split('\nCOMMIT')[0]!;
  return section.split('\n').filter((l) => l.startsWith('-A ')).length;
};

describe('real iptables-save outputs', () => {
  it('kubeadm 1.11 with Weave: every rule kept, quoted quirks and odd ipset names read whole', () => {
    const text = real('iptables-save/real-kubeadm-1.11-weave.txt');
    const { value, diagnostics } = parseIptablesSave(text, { file: 'nodes/master/iptables-save' });
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ family: 4, generator: 'iptables-save', version: '1.6.0', legacyTablesPresent: false });
    expect(value.tables.map((t) => [t.name, t.chains.length, t.rules.length, t.committed])).toEqual([
      ['nat', 19, 36, true],
      ['filter', 18, 49, true],
    ]);
    expect(value.tables.map((t) => t.rules.length)).toEqual([ruleLines(text, 'nat'), ruleLines(text, 'filter')]);
    const filter = value.tables[1]!;
    // `--comment "NOTE: this must go before \'-j KUBE-FORWARD\'"`: iptables-save escapes the single quotes.
    expect(filter.rules.find((r) => r.line === 83)).toMatchObject({
      chain: 'FORWARD',
      target: 'WEAVE-NPC-EGRESS',
      matches: { inInterface: 'weave', comment: "NOTE: this must go before '-j KUBE-FORWARD'" },
    });
    // Weave's ipset names carry `#`, `|`, `$`, `;`, braces: one argument each, the comment after them intact.
    expect(filter.rules.find((r) => r.line === 127)).toMatchObject({
      chain: 'WEAVE-NPC-EGRESS-DEFAULT',
      args: expect.arrayContaining(['--match-set', 'weave-41s)5vQ^o/xWGz6a20N:~?#|E', 'src']),
      matches: { comment: 'DefaultAllow egress isolation for namespace: kube-public' },
      target: 'WEAVE-NPC-EGRESS-ACCEPT',
    });
    expect(value.kubeProxy.services.map((s) => [`${s.namespace}/${s.name}:${s.portName}`, s.address, s.port, s.protocol, s.chain])).toEqual([
      ['default/kubernetes:https', '10.96.0.1', 443, 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
      ['kube-system/kube-dns:dns', '10.96.0.10', 53, 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
      ['kube-system/kube-dns:dns-tcp', '10.96.0.10', 53, 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4'],
    ]);
    expect(value.kubeProxy.endpointsByChain['KUBE-SVC-TCOU7JCQXEZGVUNU']).toEqual([
      { sepChain: 'KUBE-SEP-SZZ7MOWKTWUFXIJT', address: '10.32.0.2', port: 53, line: 53, probability: 0.5 },
      { sepChain: 'KUBE-SEP-3DU66DE6VORVEQVD', address: '10.32.0.3', port: 53, line: 54 },
    ]);
    expect(value.kubeProxy.noEndpoints).toEqual([]);
  });

  it('the same master before a pod network: kube-dns has no endpoints, FORWARD drops', () => {
    const text = real('iptables-save/real-kubeadm-1.11-no-cni.txt');
    const { value, diagnostics } = parseIptablesSave(text);
    expect(diagnostics).toEqual([]);
    expect(value.tables.map((t) => [t.name, t.rules.length])).toEqual([
      ['nat', ruleLines(text, 'nat')],
      ['filter', ruleLines(text, 'filter')],
    ]);
    expect(value.tables[1]!.chains.find((c) => c.name === 'FORWARD')).toEqual({ name: 'FORWARD', policy: 'DROP', packets: 0, bytes: 0, line: 36 });
    expect(value.kubeProxy.services.map((s) => s.chain)).toEqual(['KUBE-SVC-NPX46M4PTMTKRN6Y']);
    expect(value.kubeProxy.noEndpoints).toEqual([
      { namespace: 'kube-system', name: 'kube-dns', portName: 'dns', kind: 'has no endpoints', target: 'REJECT', table: 'filter', chain: 'KUBE-SERVICES', line: 66, address: '10.96.0.10', port: 53, protocol: 'udp' },
      { namespace: 'kube-system', name: 'kube-dns', portName: 'dns-tcp', kind: 'has no endpoints', target: 'REJECT', table: 'filter', chain: 'KUBE-SERVICES', line: 67, address: '10.96.0.10', port: 53, protocol: 'tcp' },
    ]);
  });

  it('a paste cut off mid-table (kubernetes#61005, iptables v1.4.21): what was there is kept, the cut is named', () => {
    const { value, diagnostics } = parseIptablesSave(real('iptables-save/real-k8s-61005-cut.txt'), { file: 'nodes/n1/iptables-save' });
    expect(value).toMatchObject({ generator: 'iptables-save', version: '1.4.21' });
    expect(value.tables.map((t) => [t.name, t.chains.length, t.rules.length, t.committed])).toEqual([['nat', 19, 8, false]]);
    expect(value.tables[0]!.rules.at(-1)).toMatchObject({ chain: 'KUBE-SEP-43JXX3WIN2SOR6EG', target: 'DNAT', targetArgs: { '--to-destination': '192.168.78.125:53' } });
    expect(diagnostics).toEqual([
      { severity: 'warning', code: 'missing-commit', message: 'table has no COMMIT line; the output looks truncated', file: 'nodes/n1/iptables-save', line: 2 },
    ]);
  });

  it('`iptables -t nat -S` pasted instead: one error that says what to capture', () => {
    const { value, diagnostics } = parseIptablesSave(real('iptables-save/real-iptables-S-calico.txt'), { file: 'nodes/n1/iptables-save' });
    expect(value.tables).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'not-iptables-save',
        message:
          'no `*table` section found; this does not look like iptables-save output, but rules without their table ' +
          '(`iptables -S`, or an excerpt): capture the whole `iptables-save` output',
        file: 'nodes/n1/iptables-save',
        line: 1,
      },
    ]);
  });
});

describe('real dmesg outputs', () => {
  it('dmesg -T on CentOS 7 (kubernetes#71261)', () => {
    expect(parseDmesg(real('dmesg/real-k8s-71261-dmesg-T.txt'))).toEqual({
      value: {
        conntrackTableFull: { count: 4, firstLine: 1, lastLine: 4, firstTimestamp: 'Tue Nov 20 22:30:22 2018', lastTimestamp: 'Tue Nov 20 22:30:27 2018' },
        lines: 4,
      },
      diagnostics: [],
    });
  });

  it('the doubled nf_conntrack prefix, a trailing space on the last line (kube-aws#476)', () => {
    expect(parseDmesg(real('dmesg/real-kube-aws-476.txt')).value).toEqual({
      conntrackTableFull: { count: 4, firstLine: 1, lastLine: 4, firstTimestamp: '2833841.216211', lastTimestamp: '2834232.639992' },
      lines: 4,
    });
  });

  it('a sosreport dmesg (Charmed Kubernetes control plane, IPVS loading): every line read, nothing counted', () => {
    expect(parseDmesg(real('dmesg/real-cdk-master-sosreport-excerpt.txt'))).toEqual({ value: { conntrackTableFull: { count: 0 }, lines: 61 }, diagnostics: [] });
  });

  it('a bare `kernel: ` tag before the timestamp keeps the timestamp (hotsos#101)', () => {
    expect(parseDmesg(real('dmesg/real-hotsos-101-kernel-prefix.txt')).value.conntrackTableFull).toEqual({
      count: 1,
      firstLine: 1,
      lastLine: 1,
      firstTimestamp: '1694413.644132',
      lastTimestamp: '1694413.644132',
    });
  });
});

describe('real ipvsadm outputs', () => {
  it('the version header and sessionAffinity (`persistent 10800`) of a kube-proxy IPVS node', () => {
    const { value, diagnostics } = parseIpvsadm(real('ipvsadm/real-opsnull-251-persistent.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ format: 'default', namesResolved: false, version: '1.2.1', size: 4096 });
    expect(value.virtualServers.map((v) => [`${v.address}:${v.port}`, v.scheduler, v.realServers.length])).toEqual([
      ['10.253.102.0:32429', 'rr', 4],
      ['10.253.102.0:32767', 'rr', 1],
      ['10.253.102.1:32767', 'rr', 1],
      ['10.254.0.1:443', 'rr', 2],
      ['10.254.0.2:53', 'rr', 2],
      ['10.254.9.36:443', 'rr', 1],
      ['10.254.20.57:1', 'rr', 3],
    ]);
    expect(value.virtualServers[3]).toMatchObject({ flags: ['persistent'], persistentSeconds: 10800, line: 13 });
  });

  it('without -n: rows with service names lose their port and say why (kube-router#415)', () => {
    const { value, diagnostics } = parseIpvsadm(real('ipvsadm/real-kube-router-415-names.txt'), { file: 'nodes/n1/ipvsadm' });
    expect(value.namesResolved).toBe(true);
    expect(value.virtualServers.map((v) => [v.address, v.port, v.realServers.map((r) => r.port ?? null)])).toEqual([
      ['100.64.134.163', undefined, [3000, 3000, 3000]],
      ['100.64.134.163', undefined, [null, null, null]],
      ['100.64.146.70', undefined, [3000, 3000, 3000]],
      ['100.64.151.195', undefined, [5601]],
      ['100.64.242.48', undefined, [null]],
      ['100.65.17.84', undefined, [null]],
    ]);
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'names-resolved']]);
  });
});

describe('real ipvsadm outputs (2)', () => {
  it('NodePort virtual servers on every local address of a kubeadm master (kubeadm#2205)', () => {
    const { value, diagnostics } = parseIpvsadm(real('ipvsadm/real-kubeadm-2205-nodeports.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.virtualServers.map((v) => `${v.protocol} ${v.address}:${v.port} ${v.realServers.length}`)).toEqual([
      'TCP 10.96.0.1:443 1',
      'TCP 10.96.0.10:53 2',
      'TCP 10.103.89.136:18080 2',
      'TCP 127.0.0.1:30449 2',
      'TCP 172.17.0.1:30449 2',
      'TCP 192.168.9.101:30449 2',
    ]);
  });

  it('host names with the port cut off by the column (kube-router#415): no row is guessed, one warning', () => {
    const { value, diagnostics } = parseIpvsadm(real('ipvsadm/real-kube-router-415-hostnames.txt'), { file: 'nodes/n1/ipvsadm' });
    expect(value).toMatchObject({ namesResolved: true, virtualServers: [] });
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'names-resolved',
        message: 'ipvsadm was run without -n: names replace addresses; rows with a named address were skipped',
        file: 'nodes/n1/ipvsadm',
        line: 4,
      },
    ]);
  });
});

describe('real flannel files', () => {
  it.each([
    ['real-cdk-master.env', { network: '10.1.0.0/16', subnet: '10.1.84.1/24', mtu: 8908, ipMasq: true }],
    ['real-flannel-556.env', { network: '192.168.0.0/16', subnet: '192.168.14.1/24', mtu: 8142, ipMasq: false }],
    ['real-flannel-1393.env', { network: '192.168.0.0/17', subnet: '192.168.19.1/24', mtu: 1450, ipMasq: false }],
    ['real-platform9-177.env', { network: '192.168.0.0/16', subnet: '192.168.0.1/24', mtu: 1450, ipMasq: true }],
  ])('subnet.env %s', (name, expected) => {
    const { value, diagnostics } = parseSubnetEnv(real(`subnet-env/${name}`));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ ...expected, other: {}, lines: { FLANNEL_NETWORK: 1, FLANNEL_SUBNET: 2, FLANNEL_MTU: 3, FLANNEL_IPMASQ: 4 } });
  });

  it('net-conf.json with host bits in Network is read as written (the CIDR math clears them, as flannel does)', () => {
    expect(parseFlannelNetConf(real('flannel-net-conf/real-platform9-177-host-bits.json'))).toEqual({
      value: { network: '192.168.5.0/16', backendType: 'vxlan', lines: { Network: 2, 'Backend.Type': 4 } },
      diagnostics: [],
    });
  });
});

describe('real Windows outputs', () => {
  it("Rancher's one-line Windows CNI config: flannel delegating to win-bridge, lower-case policy keys", () => {
    const { value, diagnostics } = parseCniConfig(real('cni/real-rancher-19230-win-bridge.conf'), { file: 'nodes/win1/cni/cni.conf' });
    expect(diagnostics).toEqual([]);
    expect(value.windows).toEqual({
      type: 'win-bridge',
      exceptionList: ['10.42.0.0/16', '10.43.0.0/16', '10.73.2.0/24'],
      exceptionListForm: 'flannel-delegate-policies',
      outboundNat: true,
      line: 1,
      exceptionListLine: 1,
      exceptionListPath: 'delegate.policies.0.value.ExceptionList',
    });
    expect(value.dns).toEqual({ nameservers: ['10.43.0.10'], search: ['svc.cluster.local'], line: 1 });
    expect(value).toMatchObject({ name: 'cbr0', cniVersion: '0.2.0', flannel: { delegateType: 'win-bridge' } });
  });

  it('the Windows conflist Azure CNI ships: azure-vnet with its OutBoundNAT ExceptionList in AdditionalArgs', () => {
    const { value, diagnostics } = parseCniConfig(real('cni/real-azure-cni-windows-swift-overlay.conflist'));
    expect(diagnostics).toEqual([]);
    expect(value.windows).toEqual({
      type: 'azure-vnet',
      exceptionList: ['10.240.0.0/16', '10.0.0.0/8'],
      exceptionListForm: 'policy-exception-list',
      outboundNat: true,
      line: 6,
      exceptionListLine: 33,
      exceptionListPath: 'plugins.0.AdditionalArgs.0.Value.ExceptionList',
    });
    expect(value.plugins).toEqual([{ type: 'azure-vnet', line: 6, capabilities: { portMappings: true, dns: true }, ipamType: 'azure-cns' }]);
  });

  it("Azure CNI's older Windows conflist lacks a comma between two policies: one error at that line", () => {
    const { value, diagnostics } = parseCniConfig(real('cni/real-azure-cni-windows-missing-comma.conflist'), { file: 'nodes/w1/cni/10-azure.conflist' });
    expect(value.plugins).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'invalid-json',
        message: 'a CNI config is not valid JSON: a missing comma between two entries; the program reading it will fail to load it',
        file: 'nodes/w1/cni/10-azure.conflist',
        line: 55,
      },
    ]);
  });

  it('Get-HnsEndpoint | ConvertTo-Json on AKS (PowerShell 5.1 layout): a remote endpoint', () => {
    expect(parseHnsEndpoints(real('hns-endpoints/real-aks-1367-remote.json'))).toEqual({
      value: {
        endpoints: [
          {
            name: 'Ethernet',
            id: '2462B2D1-C402-4024-9C86-5A6903AF7759',
            ipAddress: '10.240.0.11',
            macAddress: '02-11-0a-f0-00-0b',
            prefixLength: 16,
            isRemoteEndpoint: true,
            policyTypes: ['L2Driver'],
            outboundNat: false,
            exceptionList: [],
            line: 2,
          },
        ],
        byNetwork: [{ network: 'unknown', local: 0, remote: 1 }],
      },
      diagnostics: [],
    });
  });

  it('plain Get-HnsEndpoint (Format-List) of an RKE2 Calico Windows node: every field but the ExceptionList entries, and warnings', () => {
    const file = 'nodes/win1/hns-endpoints.txt';
    expect(parseHnsEndpoints(real('hns-endpoints/real-rke2windows-calico-format-list.txt'), { file })).toEqual({
      value: {
        endpoints: [
          {
            name: '4a625a2b10a33b0dea96fe8743fb8e13504481ee9f481d179f8e75b8c98611d2_Calico',
            id: 'c9385412-bdef-49f5-88b0-c9d484ef6716',
            ipAddress: '10.42.213.221',
            prefixLength: 26,
            macAddress: '0E-2A-0a-2a-d5-dd',
            virtualNetworkName: 'Calico',
            virtualNetworkId: '06560ccd-89f3-4c69-a1a1-e9e368201482',
            isRemoteEndpoint: false,
            policyTypes: ['OutBoundNAT', 'ROUTE', 'PA', 'ACL'],
            outboundNat: true,
            exceptionList: [],
            line: 1,
          },
        ],
        byNetwork: [{ network: 'Calico', local: 1, remote: 0 }],
      },
      diagnostics: [
        {
          severity: 'warning',
          code: 'powershell-list-cut',
          message:
            'PowerShell listed only the first 4 Policies of endpoint 4a625a2b10a33b0dea96fe8743fb8e13504481ee9f481d179f8e75b8c98611d2_Calico (the list ends in "..."); capture Get-HnsEndpoint | ConvertTo-Json -Depth 10 for all of them',
          file,
          line: 9,
        },
        {
          severity: 'warning',
          code: 'powershell-list-unread',
          message:
            'endpoint 4a625a2b10a33b0dea96fe8743fb8e13504481ee9f481d179f8e75b8c98611d2_Calico: PowerShell printed its OutBoundNAT ExceptionList as "System.Object[]", not its entries; capture Get-HnsEndpoint | ConvertTo-Json -Depth 10 for them',
          file,
          line: 9,
        },
      ],
    });
  });

  it('plain Get-HnsEndpoint (Format-List): a Windows 11 nat endpoint (Windows-Containers#563) and a remote l2bridge one (acs-engine#1903)', () => {
    expect(parseHnsEndpoints(real('hns-endpoints/real-windows-containers-563-format-list.txt'))).toEqual({
      value: {
        endpoints: [
          {
            name: 'default-test_nat',
            id: '5e6298c2-4638-494e-be6b-ff6fef942c06',
            ipAddress: '172.27.148.101',
            prefixLength: 20,
            macAddress: '00-15-5D-CD-BE-47',
            virtualNetworkName: 'nat',
            virtualNetworkId: '76177bd4-a2b5-43a6-9cb8-a37d9d903123',
            isRemoteEndpoint: false,
            policyTypes: [],
            outboundNat: false,
            exceptionList: [],
            line: 1,
          },
        ],
        byNetwork: [{ network: 'nat', local: 1, remote: 0 }],
      },
      diagnostics: [],
    });
    const remote = parseHnsEndpoints(real('hns-networks/real-acs-engine-1903-endpoint-format-list.txt'));
    expect(remote.diagnostics).toEqual([]);
    expect(remote.value.endpoints).toMatchObject([{ id: 'ef95ce57-546c-49b4-a48a-6f264fca4b9d', ipAddress: '10.244.1.6', isRemoteEndpoint: true, policyTypes: ['L2Driver'], virtualNetworkName: 'l2bridge' }]);
    expect(remote.value.byNetwork).toEqual([{ network: 'l2bridge', local: 0, remote: 1 }]);
  });

  it('plain Get-HnsNetwork (Format-List), as the Kubernetes-on-Windows guide shows it: every field the JSON gives', () => {
    expect(parseHnsNetworks(real('hns-networks/real-sdn-kubecluster-format-list.txt'))).toEqual({
      value: {
        networks: [
          {
            name: 'External',
            type: 'overlay',
            id: '6F7E13A2-8ADE-48EE-844E-AC0B0AFF235D',
            subnets: [{ addressPrefix: '192.168.255.0/30', gatewayAddress: '192.168.255.1' }],
            managementIp: '10.0.0.6',
            drMacAddress: '00-15-5D-7B-82-55',
            networkAdapterName: 'Ethernet 2',
            policyTypes: [],
            schema: 'v1',
            line: 16,
          },
        ],
      },
      diagnostics: [],
    });
  });

  it('plain Get-HnsEndpoint saved in place of the networks (acs-engine#1903): no endpoint is taken for a network', () => {
    expect(parseHnsNetworks(real('hns-networks/real-acs-engine-1903-endpoint-format-list.txt'), { file: 'nodes/w1/hns-networks.txt' })).toEqual({
      value: { networks: [] },
      diagnostics: [
        {
          severity: 'error',
          code: 'not-json',
          message: 'not ConvertTo-Json output (a table or list?); capture Get-HnsNetwork | ConvertTo-Json -Depth 10',
          file: 'nodes/w1/hns-networks.txt',
          line: 1,
        },
      ],
    });
  });

  it('Format-List pasted and cut before Subnets and Type (calico#8465, flannel#1944): what is there, and a warning', () => {
    const calico = parseHnsNetworks(real('hns-networks/real-calico-8465-format-list.txt'), { file: 'nodes/win1/hns-networks.json' });
    expect(calico.value.networks).toEqual([
      { name: 'nat', id: '55FEDB88-4B11-4DA4-8CD1-59970718A804', subnets: [], policyTypes: ['VLAN'], schema: 'v1', line: 13 },
    ]);
    expect(calico.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'powershell-list-incomplete',
        message: 'network nat has no Type line: the list looks cut, so its type, subnets or policies may be missing',
        file: 'nodes/win1/hns-networks.json',
        line: 13,
      },
    ]);
    // Extensions wraps over three lines, a `Name=` inside it is no property; Policies is cut inside its second item.
    const flannel = parseHnsNetworks(real('hns-networks/real-flannel-1944-format-list-cut.txt'));
    expect(flannel.value.networks).toEqual([
      {
        name: 'flannel.4096',
        id: 'CC63922A-97A9-4B98-8855-651046AAC04E',
        managementIp: '192.168.79.40',
        drMacAddress: '00-15-5D-FB-CB-0D',
        networkAdapterName: 'Ethernet',
        subnets: [],
        policyTypes: ['HostRoute'],
        schema: 'v1',
        line: 17,
      },
    ]);
    expect(flannel.diagnostics.map((d) => [d.code, d.line])).toEqual([['powershell-list-incomplete', 17]]);
  });
});

describe('real ip outputs of a Flannel VXLAN node (Charmed Kubernetes sosreport)', () => {
  it('ip -d address: the vxlan detail line between link and inet lines loses no address', () => {
    const { value, diagnostics } = parseIpAddr(real('ip-addr/real-cdk-master-ip-d-address.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.interfaces.map((i) => [i.name, i.mtu, i.addresses.map((a) => a.cidr)])).toEqual([
      ['lo', 65536, ['127.0.0.1/8', '::1/128']],
      ['ens3', 8958, ['10.6.3.201/16', 'fe80::f816:3eff:fe1f:96bd/64']],
      ['flannel.1', 8908, ['10.1.84.0/32', 'fe80::98e0:6bff:fec3:cee3/64']],
    ]);
  });

  it('ip route show table all: local and broadcast routes of the local table beside the flannel routes', () => {
    const { value, diagnostics } = parseIpRoute(real('ip-route/real-cdk-master-table-all.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.routes).toHaveLength(21);
    expect(value.routes.slice(1, 3)).toEqual([
      { destination: '10.1.7.0/24', flags: ['onlink'], line: 2, via: '10.1.7.0', dev: 'flannel.1' },
      { destination: '10.1.12.0/24', flags: ['onlink'], line: 3, via: '10.1.12.0', dev: 'flannel.1' },
    ]);
    expect(value.routes[5]).toEqual({ destination: '10.1.84.0', flags: [], line: 6, type: 'local', dev: 'flannel.1', proto: 'kernel', scope: 'host', src: '10.1.84.0', table: 'local' });
  });
});

describe('real hnsdiag output', () => {
  it('hnsdiag list all of the Kubernetes-on-Windows guide: three networks, six endpoints, four load balancers', () => {
    const { value, diagnostics } = parseHnsdiag(real('hnsdiag/real-sdn-kubecluster-list-all.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.networks.map((n) => n.name)).toEqual(['nat', 'External', 'vxlan0']);
    expect(value.endpoints).toHaveLength(6);
    expect(value.loadBalancers.map((lb) => [lb.virtualIps.join(' '), lb.directIpIds.length])).toEqual([
      ['10.96.0.1', 1],
      ['10.96.0.10', 2],
      ['10.96.0.10', 2],
      ['10.96.0.10', 2],
    ]);
  });


  it('hnsdiag list all on an EKS Windows node: a blank line inside Endpoints and a 68-character name', () => {
    const { value, diagnostics } = parseHnsdiag(real('hnsdiag/real-sig-windows-tools-168-eks.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.listing).toBe('all');
    expect(value.networks.map((n) => [n.name, n.id])).toEqual([
      ['vpcbr06684cbed472', 'B5A22566-BEBC-400C-ABEF-B6717DE7AF59'],
      ['nat', 'F413E630-CC75-4B89-9ED4-FCD57324153B'],
    ]);
    expect(value.endpoints).toHaveLength(11);
    expect(value.endpoints.every((e) => e.virtualNetworkName === 'vpcbr06684cbed472')).toBe(true);
    expect(value.endpoints[9]).toEqual({
      name: 'cid-69c0f0e20c3fa8664ea297a06f7c73b205ac053f0928219c333731aa9f7ecd81',
      id: '391799da-1903-461b-9fb7-8562ab235445',
      virtualNetworkName: 'vpcbr06684cbed472',
      line: 18,
    });
    expect(value.loadBalancers).toEqual([]);
  });
});

describe('real lsmod output', () => {
  it('a Charmed Kubernetes control plane (kernel 5.x): 99 modules, ip_vs and nf_conntrack with their users', () => {
    const { value, diagnostics } = parseLsmod(real('lsmod/real-cdk-master-sosreport.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.modules).toHaveLength(99);
    expect(value.modules.find((m) => m.name === 'nf_conntrack')).toEqual({
      name: 'nf_conntrack',
      size: 139264,
      usedByCount: 6,
      usedBy: ['xt_conntrack', 'nf_nat', 'xt_nat', 'nf_conntrack_netlink', 'xt_MASQUERADE', 'ip_vs'],
      line: 45,
    });
  });

  it('a k3s node on Ubuntu 18.04 with the IPVS schedulers loaded', () => {
    const { value, diagnostics } = parseLsmod(real('lsmod/real-k3s-116.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.modules).toHaveLength(31);
    expect(value.modules.find((m) => m.name === 'ip_vs')).toEqual({
      name: 'ip_vs',
      size: 147456,
      usedByCount: 6,
      usedBy: ['ip_vs_rr', 'ip_vs_sh', 'ip_vs_wrr'],
      line: 30,
    });
    expect(value.modules.find((m) => m.name === 'nf_nat_masquerade_ipv4')).toMatchObject({ size: 16384, usedBy: ['ipt_MASQUERADE'] });
  });
});

describe('real ipsec statusall output', () => {
  it('strongSwan 5.6.1 cut before its Security Associations (netdata#3296): the connection is read, the cut is named', () => {
    const { value, diagnostics } = parseIpsecStatus(real('ipsec-status/real-netdata-3296-statusall-cut.txt'), { file: 'cluster/ipsec-status.txt' });
    expect(value).toMatchObject({ version: '5.6.1', detailed: true, ikeSas: [], childSas: [] });
    expect(value.configured).toEqual([{ name: 's2s_dut1_ipsec_gre', local: '192.168.150.9', remote: '192.168.150.16', ikeVersion: 'IKEv2', children: [], line: 10 }]);
    expect(value.securityAssociations).toBeUndefined();
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'ipsec-status-incomplete']]);
  });
});

describe('real calicoctl version outputs', () => {
  it('a kubeadm cluster with Calico v3.25.1 (calico#7673), and a calicoctl that reached no cluster (calico#6436)', () => {
    expect(parseCalicoctlVersion(real('calicoctl-version/real-calico-7673-kubeadm.txt'))).toEqual({
      value: { clientVersion: 'v3.25.1', clientVersionLine: 1, gitCommit: '9ce0d6eae', clusterVersion: 'v3.25.1', clusterVersionLine: 3, clusterType: ['k8s', 'bgp', 'kubeadm', 'kdd'], errors: [] },
      diagnostics: [],
    });
    expect(parseCalicoctlVersion(real('calicoctl-version/real-calico-6436-no-cluster.txt'))).toEqual({
      value: { clientVersion: 'v3.23.3', clientVersionLine: 1, gitCommit: '3a3559be1', clusterType: [], errors: [{ kind: 'cluster-version-unknown', line: 3 }] },
      diagnostics: [],
    });
  });
});
