import { describe, expect, it } from 'vitest';
import { parseStructuredOne } from '../../../src/parsers/structured-text.js';
import { TerwayEniConfig, parseTerwayEniConfig } from '../../../src/parsers/configs/terway-eni-config.js';
import { brief, readFixture } from '../config-parser-helpers.js';

/** The ConfigMap's data, and the line before each value starts, as the snapshot loader would supply them. */
function configMap(name: string): { data: Record<string, string>; lineOffsets: Record<string, number> } {
  const text = readFixture('terway-eni-config', name);
  const document = parseStructuredOne(text).document;
  const data = (document?.value as { data: Record<string, string> }).data;
  const lineOffsets: Record<string, number> = {};
  for (const [key, value] of Object.entries(data)) {
    const line = document?.lineOf(['data', key]) ?? 0;
    // A block scalar (`eni_conf: |`) starts on the next line; a plain scalar on the key's own line.
    lineOffsets[key] = value.includes('\n') ? line : line - 1;
  }
  return { data, lineOffsets };
}
const parse = (name: string) => {
  const { data, lineOffsets } = configMap(name);
  return parseTerwayEniConfig(data, { file: name, lineOffsets });
};

describe('terway-eni-config', () => {
  it('reads the ACK DataPath V2 sample', () => {
    const { value, diagnostics } = parse('ack-datapathv2.yaml');
    expect(diagnostics).toEqual([]);
    expect({ ...value, lines: {} }).toEqual({
      vswitches: { 'cn-hangzhou-j': ['vsw-bp1a2b3c4d5e6f7g8h9i0'], 'cn-hangzhou-k': ['vsw-bp1k2l3m4n5o6p7q8r9s0'] },
      securityGroups: ['sg-bp1abcdef0123456789'],
      serviceCidr: '192.168.0.0/16',
      serviceCidrs: ['192.168.0.0/16'],
      ipvlan: false,
      virtualType: 'datapathv2',
      inClusterLoadBalance: true,
      disableNetworkPolicy: false,
      eipKeysPresent: [],
      eipPoolEnabled: false,
      eipKeysEnabled: [],
      vswitchSelectionPolicy: 'ordered',
      keys: ['10-terway.conf', 'disable_network_policy', 'eni_conf', 'in_cluster_loadbalance'],
      eniConfKeys: [
        'credential_path',
        'enable_eni_trunking',
        'eni_tags',
        'ip_stack',
        'max_pool_size',
        'min_pool_size',
        'security_group',
        'service_cidr',
        'version',
        'vswitch_selection_policy',
        'vswitches',
      ],
      lines: {},
    });
    expect(value.lines).toMatchObject({ 'eni_conf.version': 16, 'eni_conf.vswitches': 21, 'eni_conf.service_cidr': 23 });
  });

  it('reads an IPvlan dual-stack config and unites security groups', () => {
    const { value, diagnostics } = parse('ack-ipvlan-dual.yaml');
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({
      vswitches: { 'cn-hangzhou-i': ['vsw-bp1xxxxxxxxxxxxxxxxx1', 'vsw-bp1xxxxxxxxxxxxxxxxx2'] },
      securityGroups: ['sg-bp1aaaaaaaaaaaaaaaa', 'sg-bp1bbbbbbbbbbbbbbbb'],
      serviceCidrs: ['172.21.0.0/20', 'fd00:10:96::/112'],
      ipvlan: true,
      virtualType: 'IPVlan',
      disableNetworkPolicy: true,
      ipamType: 'crd',
    });
    expect(value.inClusterLoadBalance).toBeUndefined();
  });

  it('lists EIP keys still configured and a flag put inside eni_conf', () => {
    const { value, diagnostics } = parse('legacy-eip-pool.yaml');
    expect(value.eipKeysPresent).toEqual(['allow_eip_rob', 'enable_eip_pool']);
    expect(value.eipPoolEnabled).toBe(true);
    expect(value.inClusterLoadBalance).toBeUndefined();
    expect(brief(diagnostics)).toEqual([{ severity: 'warning', code: 'terway-flag-inside-eni-conf', line: 22 }]);
  });

  it('rejects an annotated eni_conf and reports the line in the ConfigMap file', () => {
    const { value, diagnostics } = parse('broken-annotated.yaml');
    expect(value).toMatchObject({ vswitches: {}, securityGroups: [], eniConfKeys: [], keys: ['10-terway.conf', 'disable_network_policy', 'eni_conf'] });
    expect(value.disableNetworkPolicy).toBeUndefined();
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'terway-flag-not-boolean', line: 13 },
      { severity: 'error', code: 'invalid-json', line: 16 },
    ]);
  });

  it('prefers 10-terway.conflist, survives missing keys and odd shapes, never throws', () => {
    const conflist = '{"plugins": [{"type": "terway", "eniip_virtual_type": "ipvlan"}, {"type": "portmap"}]}';
    const chained = parseTerwayEniConfig({ eni_conf: '{}', '10-terway.conflist': conflist, '10-terway.conf': '{"type": "terway"}' });
    expect(chained).toMatchObject({ value: { ipvlan: true, virtualType: 'ipvlan' }, diagnostics: [] });
    expect(brief(parseTerwayEniConfig({}).diagnostics)).toEqual([{ severity: 'error', code: 'terway-no-eni-conf', line: undefined }]);
    const odd = parseTerwayEniConfig({ eni_conf: '{"vswitches": {"cn-a": "vsw-1"}, "security_groups": "sg-1"}' });
    expect(odd.value.vswitches).toEqual({});
    expect(brief(odd.diagnostics)).toEqual([{ severity: 'warning', code: 'terway-vswitches-not-a-list', line: 1 }]);
    expect(brief(parseTerwayEniConfig({ eni_conf: '[1]' }).diagnostics)).toEqual([{ severity: 'error', code: 'terway-eni-conf-not-an-object', line: 1 }]);
    const hostile = parseTerwayEniConfig(null as unknown as Record<string, string>);
    expect(hostile.diagnostics[0]?.code).toBe('parser-crashed');
  });

  it('never copies eni_conf values such as access keys into diagnostics', () => {
    const { diagnostics } = parseTerwayEniConfig({ eni_conf: '{"access_secret": "s3cr3t" # note\n}' });
    expect(diagnostics).toHaveLength(1);
    expect(JSON.stringify(diagnostics)).not.toContain('s3cr3t');
  });

  it('produces values its schema accepts', () => {
    const { value } = parse('ack-ipvlan-dual.yaml');
    expect(TerwayEniConfig.parse(value)).toEqual(value);
  });
});
