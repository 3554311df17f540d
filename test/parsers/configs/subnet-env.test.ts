import { describe, expect, it } from 'vitest';
import { parseSubnetEnv, subnetEnvParser } from '../../../src/parsers/configs/subnet-env.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string): string => readFixture('subnet-env', name);

describe('subnet-env', () => {
  it('reads a Linux vxlan lease', () => {
    expect(parseSubnetEnv(fixture('linux-vxlan.env'))).toEqual({
      value: {
        network: '10.244.0.0/16',
        subnet: '10.244.1.1/24',
        mtu: 1450,
        ipMasq: true,
        lines: { FLANNEL_NETWORK: 1, FLANNEL_SUBNET: 2, FLANNEL_MTU: 3, FLANNEL_IPMASQ: 4 },
        other: {},
      },
      diagnostics: [],
    });
  });

  it('reads the Windows copy from the document, with CRLF line ends', () => {
    const text = fixture('windows-crlf.env');
    expect(text).toContain('\r\n');
    const { value, diagnostics } = parseSubnetEnv(text);
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ network: '10.244.0.0/16', subnet: '10.244.4.1/24', mtu: 1500, ipMasq: true });
  });

  it('reads a dual-stack lease', () => {
    const { value, diagnostics } = parseSubnetEnv(fixture('dual-stack.env'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      network: '10.42.0.0/16',
      subnet: '10.42.0.1/24',
      ipv6Network: '2001:cafe:42::/56',
      ipv6Subnet: '2001:cafe:42::1/64',
      mtu: 1450,
      ipMasq: true,
      lines: { FLANNEL_NETWORK: 1, FLANNEL_SUBNET: 2, FLANNEL_IPV6_NETWORK: 3, FLANNEL_IPV6_SUBNET: 4, FLANNEL_MTU: 5, FLANNEL_IPMASQ: 6 },
      other: {},
    });
  });

  it('keeps what it can from a garbled file and says where the rest went wrong', () => {
    const { value, diagnostics } = parseSubnetEnv(fixture('broken-truncated.env'));
    expect(value).toEqual({
      network: '10.245.0.0/16',
      lines: { FLANNEL_NETWORK: 5, FLANNEL_MTU: 3, FLANNEL_IPMASQ: 4 },
      other: {},
    });
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'subnet-env-unrecognised-line', line: 2 },
      { severity: 'warning', code: 'subnet-env-bad-value', line: 3 },
      { severity: 'warning', code: 'subnet-env-bad-value', line: 4 },
      { severity: 'warning', code: 'subnet-env-duplicate-key', line: 5 },
      { severity: 'warning', code: 'subnet-env-missing-key', line: undefined },
    ]);
    expect(diagnostics.map((d) => d.message).join(' ')).not.toContain('10.24');
  });

  it('treats an error message saved instead of the file as unreadable', () => {
    const { value, diagnostics } = parseSubnetEnv(fixture('missing-file.txt'));
    expect(value).toEqual({ lines: {}, other: {} });
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'subnet-env-unrecognised-line', line: 1 },
      { severity: 'error', code: 'subnet-env-unreadable', line: 1 },
    ]);
    expect(brief(parseSubnetEnv('').diagnostics)).toEqual([{ severity: 'error', code: 'subnet-env-unreadable', line: undefined }]);
  });

  it('keeps unknown keys, tolerates export and quotes, and caps line warnings', () => {
    const { value } = parseSubnetEnv('export FLANNEL_NETWORK="10.244.0.0/16"\nFLANNEL_SUBNET=10.244.4.1/24\nFLANNEL_EXTRA=x\n');
    expect(value.network).toBe('10.244.0.0/16');
    expect(value.other).toEqual({ FLANNEL_EXTRA: 'x' });
    const noise = `FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.4.1/24\n${'???\n'.repeat(30)}`;
    const { diagnostics } = parseSubnetEnv(noise);
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics[20]?.code).toBe('too-many-warnings');
  });

  it('parses its own example', () => {
    const { value } = subnetEnvParser.parse(subnetEnvParser.example);
    expect(subnetEnvParser.schema.parse(value)).toEqual(value);
  });
});
