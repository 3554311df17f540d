import { describe, expect, it } from 'vitest';
import { logMessageIds } from '../../../src/parsers/logs/log-line-catalog.js';
import { LogLinesValue, logLinesParser, parseLogLines } from '../../../src/parsers/logs/log-lines.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('log-lines', name);
const summary = (text: string) => parseLogLines(text).value.messages.map((m) => [m.id, m.count, m.firstLine, m.lastLine, m.fields]);

describe('log-lines parser', () => {
  it('reads kube-proxy falling back from IPVS, with klog timestamps and the module list', () => {
    const { value, diagnostics } = parseLogLines(fixture('kube-proxy-ipvs-fallback.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      lines: 14,
      messages: [
        { id: 'kubeProxyUsingIpvs', component: 'kube-proxy', count: 1, firstLine: 6, lastLine: 6, firstTimestamp: '1120 09:58:02.168871', lastTimestamp: '1120 09:58:02.168871', fields: {} },
        {
          id: 'kubeProxyIpvsUnavailable',
          component: 'kube-proxy',
          count: 2,
          firstLine: 7,
          lastLine: 13,
          firstTimestamp: '1120 10:03:11.404215',
          lastTimestamp: '1120 10:18:40.002117',
          fields: { modules: ['ip_vs_lc'] },
        },
        { id: 'kubeProxyUsingIptables', component: 'kube-proxy', count: 2, firstLine: 8, lastLine: 14, firstTimestamp: '1120 10:03:11.404299', lastTimestamp: '1120 10:18:40.002181', fields: {} },
      ],
    });
    expect(LogLinesValue.parse(value)).toEqual(value);
  });

  it('reads structured kube-proxy logs behind a CRI prefix, whose timestamp wins', () => {
    const { value } = parseLogLines(fixture('kube-proxy-cri-structured.txt'));
    expect(value.messages.map((m) => [m.id, m.firstTimestamp, m.fields])).toEqual([
      ['kubeProxyUsingIpvs', '2026-11-20T10:03:11.404101392Z', {}],
      ['kubeProxyIpvsUnavailable', '2026-11-20T10:03:11.404215877Z', { modules: ['ip_vs_lc', 'ip_vs_sed'] }],
      ['kubeProxyUsingIptables', '2026-11-20T10:03:11.404299031Z', {}],
    ]);
  });

  it('reads terway logrus lines: vSwitch ids, the MAC, the EIP upgrade error', () => {
    expect(summary(fixture('terway-ip-not-enough.txt'))).toEqual([
      ['terwayVSwitchIpNotEnough', 2, 2, 3, { vSwitch: ['vsw-AAA', 'vsw-bp1k8d3y6m5l0x9z2w4q7'] }],
      ['terwayMacNotFound', 1, 4, 4, { mac: ['00:16:3e:0c:7a:41'] }],
      ['terwayEipPoolNotSupported', 1, 5, 5, {}],
    ]);
    expect(parseLogLines(fixture('terway-ip-not-enough.txt')).value.messages[0]?.firstTimestamp).toBe('2020-03-17T07:03:40Z');
  });

  it('reads Windows start.ps1, kube-proxy and HNS errors (CRLF)', () => {
    expect(summary(fixture('windows-kube-proxy.txt'))).toEqual([
      ['flannelWaitingForNetwork', 2, 1, 2, {}],
      ['winLoadBalancerPortExists', 2, 5, 6, {}],
      ['hnsWrongDiskette', 1, 7, 7, {}],
    ]);
  });

  it('reads ingress-nginx error and access logs, keeping only scheme, host and port of upstreams', () => {
    const { value } = parseLogLines(fixture('ingress-nginx.txt'));
    expect(value.messages).toEqual([
      {
        id: 'nginxUpstreamTimedOut',
        component: 'ingress-nginx',
        count: 2,
        firstLine: 1,
        lastLine: 4,
        firstTimestamp: '2026/11/20 10:00:00',
        lastTimestamp: '2026/11/20 10:00:11',
        fields: { upstream: ['http://10.42.1.5:8080', 'http://10.42.1.6:8080'] },
      },
      {
        id: 'nginxGatewayTimeout',
        component: 'ingress-nginx',
        count: 1,
        firstLine: 2,
        lastLine: 2,
        firstTimestamp: '20/Nov/2026:10:00:05 +0000',
        lastTimestamp: '20/Nov/2026:10:00:05 +0000',
        fields: { upstreamName: ['shop-cart-8080'] },
      },
    ]);
    expect(JSON.stringify(value)).not.toContain('session=abc');
  });

  it('counts each Rancher agent signal, never copying the token', () => {
    const { value } = parseLogLines(fixture('rancher-agent.txt'));
    expect(value.messages.map((m) => [m.id, m.count, m.fields])).toEqual([
      ['rancherBadHandshake', 2, {}],
      ['rancherProxyConnectFailed', 3, {}],
      ['rancherReadTimeout', 1, { remote: ['10.0.0.10:443'] }],
    ]);
    expect(JSON.stringify(value)).not.toContain('mqz5pxj75t2ztbr8');
    expect(summary('read tcp: i/o timeout\n')).toEqual([['rancherReadTimeout', 1, 1, 1, {}]]);
  });

  it('reads Docker json-file records: CCM route tables, IPAM exhaustion, and reports a cut record', () => {
    const { value, diagnostics } = parseLogLines(fixture('docker-json-mixed.txt'), { file: 'logs/kubelet.log' });
    expect(value.messages.map((m) => [m.id, m.firstTimestamp, m.fields])).toEqual([
      ['ccmMultipleRouteTables', '2026-11-20T10:20:00.00012Z', { vpcId: ['vpc-bp1q2w3e4r5t6y7u8i9o0'], tables: ['2'] }],
      ['ipamRangeExhausted', '2026-11-20T10:22:31.7712Z', { range: ['172.30.34.129-172.30.34.190'] }],
      ['ipamAllocateFailed', '2026-11-20T10:24:02.112233Z', {}],
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'unreadable-json-log-line',
        message: 'line looks like a Docker JSON log record but does not parse',
        file: 'logs/kubelet.log',
        line: 4,
      },
    ]);
  });

  it('reads journald and nginx-style prefixes, and the ACK event text without a prefix', () => {
    const journal = 'Nov 20 10:00:00 node-1 kube-proxy[912]: I1120 10:00:00.1       912 server_others.go:206] Using iptables Proxier.\n';
    expect(parseLogLines(journal).value.messages.map((m) => [m.id, m.firstTimestamp])).toEqual([['kubeProxyUsingIptables', 'Nov 20 10:00:00']]);
    expect(summary(' failed to do add; error parse config, can\'t found dev by mac 00:16:3e:xx:xx:xx: not found\r\n')).toEqual([
      ['terwayMacNotFound', 1, 1, 1, { mac: ['00:16:3e:xx:xx:xx'] }],
    ]);
  });

  it('caps the distinct values kept per field', () => {
    const lines = Array.from({ length: 15 }, (_, i) => `Code: InvalidVSwitchId.IpNotEnough Message: The specified VSwitch "vsw-${i}" has not enough IpAddress.`).join('\n');
    const [message] = parseLogLines(lines).value.messages;
    expect([message?.count, message?.fields.vSwitch?.length]).toEqual([15, 10]);
  });

  it('has unique camelCase ids usable in rule paths, an empty-log note, and a clean example', () => {
    expect(new Set(logMessageIds).size).toBe(logMessageIds.length);
    for (const id of logMessageIds) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(brief(parseLogLines('').diagnostics)).toEqual([{ severity: 'info', code: 'empty-log', line: undefined }]);
    expect(logLinesParser.parse(logLinesParser.example).value.messages.map((m) => m.id)).toEqual(['kubeProxyUsingIpvs', 'kubeProxyIpvsUnavailable', 'kubeProxyUsingIptables']);
  });
});
