import { describe, expect, it } from 'vitest';
import { flannelNetConfParser, parseFlannelNetConf } from '../../../src/parsers/configs/flannel-net-conf.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string): string => readFixture('flannel-net-conf', name);

describe('flannel-net-conf', () => {
  it('reads the vxlan config Windows nodes need (VNI 4096, port 4789)', () => {
    expect(parseFlannelNetConf(fixture('vxlan-windows.json'))).toEqual({
      value: {
        network: '10.244.0.0/16',
        backendType: 'vxlan',
        vni: 4096,
        port: 4789,
        lines: { Network: 2, 'Backend.Type': 4, 'Backend.VNI': 5, 'Backend.Port': 6 },
      },
      diagnostics: [],
    });
  });

  it("reads ACK's ali-vpc backend", () => {
    expect(parseFlannelNetConf(fixture('ack-ali-vpc.json')).value).toEqual({
      network: '172.20.0.0/16',
      backendType: 'ali-vpc',
      lines: { Network: 2, 'Backend.Type': 4 },
    });
  });

  it('reads a dual-stack host-gw config with tabs, also with CRLF', () => {
    const expected = {
      network: '10.42.0.0/16',
      ipv6Network: '2001:cafe:42::/56',
      enableIPv4: true,
      enableIPv6: true,
      backendType: 'host-gw',
      lines: { Network: 2, EnableIPv6: 3, EnableIPv4: 4, IPv6Network: 5, 'Backend.Type': 7 },
    };
    expect(parseFlannelNetConf(fixture('dual-stack-host-gw.json'))).toEqual({ value: expected, diagnostics: [] });
    expect(parseFlannelNetConf(fixture('dual-stack-host-gw.json').replace(/\n/g, '\r\n')).value).toEqual(expected);
  });

  it('matches keys case-insensitively, as flanneld does', () => {
    const { value } = parseFlannelNetConf('{"network": "10.1.0.0/16", "backend": {"type": "vxlan", "vni": 1}}');
    expect(value).toMatchObject({ network: '10.1.0.0/16', backendType: 'vxlan', vni: 1 });
  });

  it('reports a quoted VNI, which stops flanneld, and keeps the rest', () => {
    const { value, diagnostics } = parseFlannelNetConf(fixture('broken-vni-string.json'));
    expect(value).toMatchObject({ network: '10.244.0.0/16', backendType: 'vxlan', port: 4789 });
    expect(value.vni).toBeUndefined();
    expect(brief(diagnostics)).toEqual([{ severity: 'error', code: 'flannel-net-conf-wrong-type', line: 5 }]);
  });

  it('rejects a commented net-conf.json', () => {
    expect(parseFlannelNetConf(fixture('broken-comment.json'))).toEqual({
      value: { lines: {} },
      diagnostics: [expect.objectContaining({ severity: 'error', code: 'invalid-json', line: 2 })],
    });
  });

  it('warns about missing networks and odd shapes', () => {
    expect(brief(parseFlannelNetConf('{"Backend": {"Type": "vxlan"}}').diagnostics)).toEqual([
      { severity: 'warning', code: 'flannel-net-conf-no-network', line: 1 },
    ]);
    expect(brief(parseFlannelNetConf('{"Network": "10.1.0.0/16", "EnableIPv6": true, "Backend": "vxlan"}').diagnostics)).toEqual([
      { severity: 'error', code: 'flannel-net-conf-wrong-type', line: 1 },
      { severity: 'warning', code: 'flannel-net-conf-no-ipv6-network', line: 1 },
    ]);
    expect(brief(parseFlannelNetConf('"vxlan"').diagnostics)).toEqual([{ severity: 'error', code: 'flannel-net-conf-not-an-object', line: 1 }]);
  });

  it('parses its own example', () => {
    const { value } = flannelNetConfParser.parse(flannelNetConfParser.example);
    expect(flannelNetConfParser.schema.parse(value)).toEqual(value);
  });
});
