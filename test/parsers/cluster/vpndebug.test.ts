import { describe, expect, it } from 'vitest';
import { parseVpndebug, VpnDebugValue, vpndebugParser } from '../../../src/parsers/cluster/vpndebug.js';
import { readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('vpndebug', name);

const notEstablishedFindings = [
  { tag: 'WARNING', line: 39, messageId: 'gateway-no-ping-reply', summary: 'The remote gateway did not respond to the ping requests' },
  { tag: 'CHECK', line: 40, messageId: 'gateway-address', summary: 'Is the correct IP address configured for the gateway?' },
  { tag: 'CHECK', line: 41, messageId: 'gateway-answers-ping', summary: 'Is the gateway configured to respond to ping (ICMP requests)?' },
  { tag: 'CHECK', line: 42, messageId: 'icmp-firewall', summary: 'Is there a firewall blocking ICMP traffic?' },
  { tag: 'WARNING', line: 49, messageId: 'gateway-unreachable', summary: 'The remote gateway does not appear to be reachable', subject: '203.0.113.45' },
  { tag: 'CHECK', line: 53, messageId: 'log-state-change', summary: "For VPN 'state change' messages in the log", logMatches: 0 },
  { tag: 'CHECK', line: 55, messageId: 'log-fail', summary: "For 'FAIL' in the log", logMatches: 1 },
  { tag: 'CHECK', line: 58, messageId: 'log-retransmit', summary: "For 'RETRANSMIT' in the log", logMatches: 3 },
  { tag: 'CHECK', line: 63, messageId: 'log-not-responding', summary: "For 'NOT RESPONDING' in the log", logMatches: 0 },
  { tag: 'VERIFY', line: 65, messageId: 'ipsec-conf', summary: 'the ipsec.conf below matches the on-prem VPN settings:' },
  { tag: 'VERIFY', line: 81, messageId: 'ipsec-secrets', summary: 'the ipsec.secrets below matches the on-prem VPN settings:' },
];

describe('vpndebug parser', () => {
  it('reads a run where the VPN is not ESTABLISHED, skipping the printed config, secrets and pod log', () => {
    const text = fixture('not-established.txt');
    const result = parseVpndebug(text, { file: 'cluster/vpndebug.txt' });
    expect(result).toEqual({
      value: { established: false, complete: true, findings: notEstablishedFindings, counts: { ERROR: 0, WARNING: 2, VERIFY: 2, CHECK: 7 } },
      diagnostics: [],
    });
    expect(VpnDebugValue.parse(result.value)).toEqual(result.value);
    // Neither the PSK nor any other printed line is copied.
    expect(JSON.stringify(result)).not.toContain('Sup3rS3cretPSK');
    expect(JSON.stringify(result)).not.toContain('printed secrets file');
  });

  it('reads a run where the VPN is ESTABLISHED and a remote subnet has no Calico IPPool', () => {
    const { value, diagnostics } = parseVpndebug(fixture('established.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      established: true,
      complete: true,
      counts: { ERROR: 0, WARNING: 1, VERIFY: 4, CHECK: 0 },
      findings: [
        { tag: 'VERIFY', line: 25, messageId: 'subnets-match', summary: 'The requested and actual subnets match' },
        {
          tag: 'WARNING',
          line: 32,
          messageId: 'ippool-missing',
          summary: 'A calico IPPool resource does not exist for a remote subnet; delete and re-install the helm chart',
          subject: '10.92.0.0/24',
        },
        { tag: 'VERIFY', line: 42, messageId: 'routes-configmap', summary: "Each field in the 'data:' section is set to the correct value" },
        { tag: 'VERIFY', line: 53, messageId: 'pods-running', summary: 'All pods should be: Running' },
        { tag: 'VERIFY', line: 63, messageId: 'node-routes', summary: 'Routes for each remote subnet have been added to each node' },
      ],
    });
  });

  it('reads the refusal to run outside the VPN pod, and keeps unknown tagged lines as tag and line only', () => {
    const text = 'vpnDebug: Tool to help debug VPN connectivity issues\r\nERROR: ROUTE_DAEMON environment variable indicates we are running in a daemon set pod\r\nWARNING: something newer versions print\r\n';
    const { value } = parseVpndebug(text);
    expect(value.findings).toEqual([
      {
        tag: 'ERROR',
        line: 2,
        messageId: 'run-in-route-daemon',
        summary: 'ROUTE_DAEMON environment variable indicates we are running in a daemon set pod',
      },
      { tag: 'WARNING', line: 3 },
    ]);
    expect(value.complete).toBe(false);
  });

  it('keeps the findings of a CRLF run cut inside the printed secrets, without leaking them', () => {
    const result = parseVpndebug(fixture('broken-cut-in-secrets.txt'), { file: 'v.txt' });
    expect(result.value.findings).toEqual(notEstablishedFindings);
    expect(result.value.complete).toBe(false);
    expect(result.diagnostics).toEqual([
      {
        severity: 'info',
        code: 'vpndebug-incomplete',
        message: 'the vpnDebug output does not end with its closing `Done`: it is cut short or the tool stopped early',
        file: 'v.txt',
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('PSK');
  });

  it('rejects unrelated text', () => {
    expect(parseVpndebug('hello\n').diagnostics.map((d) => d.code)).toEqual(['unrecognised-input']);
  });

  it('parses its own documentation example', () => {
    expect(vpndebugParser.parse(vpndebugParser.example).value).toMatchObject({ established: false, complete: true, counts: { WARNING: 1, CHECK: 2 } });
  });
});
