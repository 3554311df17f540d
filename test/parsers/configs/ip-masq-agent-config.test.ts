import { describe, expect, it } from 'vitest';
import { ipMasqAgentConfigParser, ipMasqAgentDefaultNonMasqueradeCidrs, parseIpMasqAgentConfig } from '../../../src/parsers/configs/ip-masq-agent-config.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string): string => readFixture('ip-masq-agent', name);

describe('ip-masq-agent-config', () => {
  it("reads TKE's PascalCase config", () => {
    expect(parseIpMasqAgentConfig(fixture('tke-pascal.yaml'))).toEqual({
      value: {
        nonMasqueradeCIDRs: ['172.16.0.0/16', '10.0.0.0/16'],
        nonMasqueradeCIDRsLine: 2,
        keySpelling: 'pascal',
        masqLinkLocal: true,
        resyncInterval: '1m0s',
        resyncIntervalSeconds: 60,
        lines: { NonMasqueradeCIDRs: 2, MasqLinkLocal: 4, ResyncInterval: 5 },
      },
      diagnostics: [],
    });
  });

  it("reads upstream's camelCase YAML, also with CRLF", () => {
    const expected = {
      nonMasqueradeCIDRs: ['10.0.0.0/8'],
      nonMasqueradeCIDRsLine: 2,
      keySpelling: 'camel',
      masqLinkLocal: true,
      resyncInterval: '60s',
      resyncIntervalSeconds: 60,
      lines: { nonMasqueradeCIDRs: 2, resyncInterval: 3, masqLinkLocal: 4 },
    };
    expect(parseIpMasqAgentConfig(fixture('upstream-camel.yaml'))).toEqual({ value: expected, diagnostics: [] });
    expect(parseIpMasqAgentConfig(fixture('upstream-camel.yaml').replace(/\n/g, '\r\n')).value).toEqual(expected);
  });

  it('reads the JSON form with IPv6 entries', () => {
    const { value, diagnostics } = parseIpMasqAgentConfig(fixture('upstream-json.json'));
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({
      nonMasqueradeCIDRs: ['10.0.0.0/8', '192.168.0.0/16', 'fd00::/8'],
      keySpelling: 'camel',
      masqLinkLocal: false,
      masqLinkLocalIPv6: true,
      resyncIntervalSeconds: 30,
    });
  });

  it('says the agent falls back to its RFC 1918 defaults when no CIDRs are configured', () => {
    const { value, diagnostics } = parseIpMasqAgentConfig(fixture('defaults-only.yaml'));
    expect(value).toEqual({ nonMasqueradeCIDRs: [], keySpelling: 'none', resyncInterval: '60s', resyncIntervalSeconds: 60, lines: { resyncInterval: 1 } });
    expect(brief(diagnostics)).toEqual([{ severity: 'info', code: 'ip-masq-agent-defaults', line: 1 }]);
    expect(diagnostics[0]?.message).toContain(ipMasqAgentDefaultNonMasqueradeCidrs.join(', '));
    expect(parseIpMasqAgentConfig('').value.keySpelling).toBe('none');
  });

  it('reports both spellings, mistyped entries and values with their lines', () => {
    const { value, diagnostics } = parseIpMasqAgentConfig(fixture('broken-not-a-list.yaml'));
    expect(value.nonMasqueradeCIDRs).toEqual(['10.0.0.0/8']);
    expect(value.keySpelling).toBe('camel');
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'ip-masq-agent-key-twice', line: 3 },
      { severity: 'warning', code: 'ip-masq-agent-wrong-type', line: 4 },
      { severity: 'warning', code: 'ip-masq-agent-wrong-type', line: 5 },
      { severity: 'warning', code: 'ip-masq-agent-wrong-type', line: 6 },
    ]);
    const single = parseIpMasqAgentConfig('NonMasqueradeCIDRs: 10.0.0.0/8,172.16.0.0/12\n');
    expect(single.value).toMatchObject({ nonMasqueradeCIDRs: [], keySpelling: 'pascal' });
    expect(brief(single.diagnostics)).toEqual([{ severity: 'warning', code: 'ip-masq-agent-wrong-type', line: 1 }]);
  });

  it('reports broken YAML as a syntax error with its line', () => {
    const { value, diagnostics } = parseIpMasqAgentConfig(fixture('broken-indent.yaml'));
    expect(value).toEqual({ nonMasqueradeCIDRs: [], keySpelling: 'none', lines: {} });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === 'error' && d.code === 'syntax' && d.line === 3)).toBe(true);
    expect(brief(parseIpMasqAgentConfig('- 10.0.0.0/8\n').diagnostics)).toEqual([{ severity: 'error', code: 'ip-masq-agent-not-a-mapping', line: 1 }]);
  });

  it('parses its own example', () => {
    const { value, diagnostics } = ipMasqAgentConfigParser.parse(ipMasqAgentConfigParser.example);
    expect(diagnostics).toEqual([]);
    expect(ipMasqAgentConfigParser.schema.parse(value)).toEqual(value);
  });
});
