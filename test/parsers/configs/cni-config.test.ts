import { describe, expect, it } from 'vitest';
import { cniConfigParser, parseCniConfig } from '../../../src/parsers/configs/cni-config.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string): string => readFixture('cni', name);
const parse = (name: string) => parseCniConfig(fixture(name), { file: `cni/${name}` });

describe('cni-config', () => {
  it('reads the upstream flannel conflist', () => {
    const { value, diagnostics } = parse('flannel-upstream.conflist');
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      format: 'conflist',
      name: 'cbr0',
      cniVersion: '0.3.1',
      cniVersionLine: 3,
      plugins: [
        { type: 'flannel', line: 5, capabilities: {} },
        { type: 'portmap', line: 12, capabilities: { portMappings: true } },
      ],
      flannel: { hairpinMode: true, isDefaultGateway: true, line: 5 },
      portMappings: true,
      hostLocalRanges: [],
    });
  });

  it('reads the ACK flannel conflist with the tmpfs IPAM dataDir', () => {
    const { value, diagnostics } = parse('ack-flannel-tmpfs.conflist');
    expect(diagnostics).toEqual([]);
    expect(value.flannel).toEqual({
      hairpinMode: true,
      isDefaultGateway: true,
      dataDir: '/var/run/cni/flannel',
      ipamType: 'host-local',
      ipamDataDir: '/var/run/cni/networks',
      line: 5,
    });
    expect(value.plugins.map((plugin) => plugin.type)).toEqual(['flannel', 'portmap']);
    expect(value.portMappings).toBe(true);
    // flannel's own ipam block has no subnet: the range comes from subnet.env at run time.
    expect(value.hostLocalRanges).toEqual([]);
  });

  it('reads an old single-plugin flannel conf without cniVersion', () => {
    const { value, diagnostics } = parse('ack-flannel-legacy.conf');
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      format: 'conf',
      name: 'cb0',
      plugins: [{ type: 'flannel', name: 'cb0', line: 1, capabilities: {} }],
      flannel: { isDefaultGateway: true, line: 1 },
      portMappings: false,
      hostLocalRanges: [],
    });
  });

  it('collects host-local ranges from `ranges` and from the legacy single range', () => {
    expect(parse('containerd-net.conflist').value.hostLocalRanges).toEqual([
      { subnet: '10.88.0.0/16', line: 14 },
      { subnet: '2001:4860:4860::/64', line: 17 },
    ]);
    expect(parse('bridge-host-local.conf').value.hostLocalRanges).toEqual([
      { subnet: '172.30.34.128/26', rangeStart: '172.30.34.129', rangeEnd: '172.30.34.190', line: 8 },
    ]);
  });

  it('reads form (a): a flannel delegate with Policies/Name/Value and ExceptionList', () => {
    const { value, diagnostics } = parse('windows-flannel-overlay.conf');
    expect(diagnostics).toEqual([]);
    expect(value.windows).toEqual({
      type: 'win-overlay',
      exceptionList: ['192.168.0.0/16', '11.0.0.0/8'],
      exceptionListLine: 20,
      exceptionListForm: 'flannel-delegate-policies',
      exceptionListPath: 'delegate.Policies.0.Value.ExceptionList',
      outboundNat: true,
      line: 5,
    });
    expect(value.dns).toEqual({ nameservers: ['11.0.0.10'], search: ['default.svc.cluster.local'], line: 7 });
    expect(value.flannel).toEqual({ delegateType: 'win-overlay', line: 1 });
  });

  it('reads form (b): sdnoverlay AdditionalArgs with Settings.Exceptions, also with CRLF line ends', () => {
    const expected = {
      type: 'sdnoverlay',
      exceptionList: ['10.244.0.0/16', '10.96.0.0/12'],
      exceptionListLine: 17,
      exceptionListForm: 'additional-args-settings',
      exceptionListPath: 'delegate.AdditionalArgs.0.Value.Settings.Exceptions',
      outboundNat: true,
      line: 9,
    };
    const lf = parse('windows-flannel-sdnoverlay.conf');
    expect(lf.diagnostics).toEqual([]);
    expect(lf.value.windows).toEqual(expected);
    expect(lf.value.portMappings).toBe(true);
    const crlf = parseCniConfig(fixture('windows-flannel-sdnoverlay.conf').replace(/\n/g, '\r\n'));
    expect(crlf).toEqual({ value: lf.value, diagnostics: [] });
  });

  it('reads form (c): ExceptionList directly in a top-level win-bridge policy and in l2bridge AdditionalArgs', () => {
    const bridge = parse('windows-win-bridge.conf');
    expect(bridge.diagnostics).toEqual([]);
    expect(bridge.value.windows).toEqual({
      type: 'win-bridge',
      exceptionList: ['192.168.0.0/16', '11.0.0.0/8', '10.137.196.0/23'],
      exceptionListLine: 17,
      exceptionListForm: 'policy-exception-list',
      exceptionListPath: 'policies.0.value.ExceptionList',
      outboundNat: true,
      line: 1,
    });
    const l2bridge = parse('windows-flannel-l2bridge.conf').value.windows;
    expect(l2bridge?.exceptionListForm).toBe('policy-exception-list');
    expect(l2bridge?.exceptionList).toEqual(['10.244.0.0/16', '10.96.0.0/12', '10.127.130.0/24']);
    expect(l2bridge?.exceptionListPath).toBe('delegate.AdditionalArgs.0.Value.ExceptionList');
  });

  it('reports a Windows config without OutBoundNAT as an empty exception list', () => {
    const { value, diagnostics } = parse('windows-sdnbridge-containerd.conf');
    expect(diagnostics).toEqual([]);
    expect(value.windows).toEqual({ type: 'sdnbridge', exceptionList: [], exceptionListForm: 'none', outboundNat: false, line: 1 });
    expect(value.dns?.nameservers).toEqual(['10.50.50.50']);
  });

  it('rejects the documented ExceptionList with # comments: the plugin cannot load it', () => {
    const { value, diagnostics } = parse('windows-doc-comments.conf');
    expect(value).toEqual({ plugins: [], portMappings: false, hostLocalRanges: [] });
    expect(brief(diagnostics)).toEqual([{ severity: 'error', code: 'invalid-json', line: 13 }]);
    expect(diagnostics[0]?.message).not.toContain('Cluster subnet');
  });

  it('rejects the annotated ACK example with a trailing comma', () => {
    const { value, diagnostics } = parse('ack-doc-annotated.conflist');
    expect(value.plugins).toEqual([]);
    expect(brief(diagnostics)).toEqual([{ severity: 'error', code: 'invalid-json', line: 10 }]);
  });

  it('reports misplaced and mistyped flannel options with their lines', () => {
    const text = ['{', '  "name": "cb0",', '  "type": "flannel",', '  "hairpinMode": true,', '  "delegate": { "hairpinMode": "true" }', '}'].join('\n');
    const { value, diagnostics } = parseCniConfig(text);
    expect(value.flannel).toEqual({ line: 1 });
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'cni-flannel-hairpin-misplaced', line: 4 },
      { severity: 'warning', code: 'cni-flannel-not-a-boolean', line: 5 },
    ]);
  });

  it('survives garbage and non-object JSON', () => {
    expect(brief(parseCniConfig('\u0000\u0001 garbage').diagnostics)).toEqual([{ severity: 'error', code: 'invalid-json', line: 1 }]);
    expect(brief(parseCniConfig('[1, 2]').diagnostics)).toEqual([{ severity: 'error', code: 'cni-not-an-object', line: 1 }]);
    expect(brief(parseCniConfig('{"plugins": [\n  {"name": "x"},\n  3\n]}').diagnostics)).toEqual([
      { severity: 'warning', code: 'cni-plugin-without-type', line: 2 },
      { severity: 'warning', code: 'cni-plugin-not-an-object', line: 3 },
    ]);
  });

  it('declares a schema that accepts its example', () => {
    const { value } = cniConfigParser.parse(cniConfigParser.example);
    expect(cniConfigParser.schema.parse(value)).toEqual(value);
    expect(cniConfigParser.id).toBe('cni-config');
  });
  it('reads the pods\' MTU of the calico plugin (canal) and of flannel\'s delegate, with its line', () => {
    const canal = '{\n  "name": "k8s-pod-network",\n  "cniVersion": "0.3.1",\n  "plugins": [\n    {\n      "type": "calico",\n      "mtu": 1450,\n      "ipam": { "type": "host-local", "subnet": "usePodCidr" }\n    },\n    { "type": "portmap", "capabilities": { "portMappings": true } }\n  ]\n}\n';
    const { value } = parseCniConfig(canal, { file: 'cni/10-canal.conflist' });
    expect(value.plugins.map((p) => [p.type, p.mtu, p.mtuLine])).toEqual([['calico', 1450, 7], ['portmap', undefined, undefined]]);
    const flannel = '{\n  "name": "cbr0",\n  "type": "flannel",\n  "delegate": {\n    "mtu": 8950\n  }\n}\n';
    expect(parseCniConfig(flannel).value.plugins[0]).toMatchObject({ type: 'flannel', mtu: 8950, mtuLine: 5 });
    expect(parseCniConfig('{ "type": "bridge", "mtu": "1450" }').value.plugins[0]?.mtu).toBeUndefined();
  });
});
