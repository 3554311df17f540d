import { describe, expect, it } from 'vitest';
import { kubeProxyConfigParser, parseKubeProxyConfig } from '../../../src/parsers/configs/kube-proxy-config.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string): string => readFixture('kube-proxy', name);

describe('kube-proxy-config', () => {
  it('reads the ACK kube-proxy-worker sample', () => {
    expect(parseKubeProxyConfig(fixture('ack-worker.yaml'))).toEqual({
      value: {
        valid: true,
        apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
        kind: 'KubeProxyConfiguration',
        mode: 'ipvs',
        clusterCIDR: '172.20.0.0/16',
        ipvs: { scheduler: 'lc' },
        conntrack: { maxPerCore: 65536 },
        featureGates: { IPv6DualStack: true },
        lines: {
          apiVersion: 1,
          kind: 2,
          'featureGates.IPv6DualStack': 4,
          clusterCIDR: 5,
          'clientConnection.kubeconfig': 7,
          'conntrack.maxPerCore': 9,
          mode: 10,
          'ipvs.scheduler': 12,
        },
      },
      diagnostics: [],
    });
  });

  it('reads the ACK udpTimeout sample as seconds, also with CRLF', () => {
    const expected = {
      valid: true,
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      mode: 'ipvs',
      ipvs: { udpTimeout: '10s', udpTimeoutSeconds: 10 },
      conntrack: {},
      featureGates: {},
      lines: { apiVersion: 1, kind: 2, mode: 4, 'ipvs.udpTimeout': 7 },
    };
    expect(parseKubeProxyConfig(fixture('ack-udp-timeout.yaml'))).toEqual({ value: expected, diagnostics: [] });
    expect(parseKubeProxyConfig(fixture('ack-udp-timeout.yaml').replace(/\n/g, '\r\n'))).toEqual({ value: expected, diagnostics: [] });
  });

  it("reads kubeadm's generated config.conf, where null and 0s mean defaults", () => {
    const { value, diagnostics } = parseKubeProxyConfig(fixture('kubeadm-default.yaml'));
    expect(diagnostics).toEqual([]);
    expect({ ...value, lines: undefined }).toEqual({
      valid: true,
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      mode: '',
      clusterCIDR: '10.244.0.0/16',
      ipvs: {
        scheduler: '',
        strictARP: false,
        udpTimeout: '0s',
        udpTimeoutSeconds: 0,
        tcpTimeout: '0s',
        tcpTimeoutSeconds: 0,
        tcpFinTimeout: '0s',
        tcpFinTimeoutSeconds: 0,
      },
      conntrack: {},
      featureGates: {},
      lines: undefined,
    });
    expect(value.lines).toMatchObject({ 'conntrack.maxPerCore': 13, 'ipvs.udpTimeout': 38, mode: 47, nodePortAddresses: 48 });
  });

  it('marks a missing space after a colon invalid (the ACK warning)', () => {
    const { value, diagnostics } = parseKubeProxyConfig(fixture('broken-missing-space.yaml'));
    expect(value.valid).toBe(false);
    expect(value.conntrack).toEqual({});
    expect(value.mode).toBe('ipvs');
    expect(brief(diagnostics)).toEqual([{ severity: 'error', code: 'kube-proxy-config-wrong-type', line: 5 }]);
    expect(diagnostics[0]?.message).toBe('conntrack must be a mapping; kube-proxy will not start with this value');
  });

  it('marks a missing colon and a duplicate key invalid', () => {
    const colon = parseKubeProxyConfig(fixture('broken-missing-colon.yaml'));
    expect(colon.value).toEqual({ valid: false, ipvs: {}, conntrack: {}, featureGates: {}, lines: {} });
    expect(brief(colon.diagnostics)).toEqual([{ severity: 'error', code: 'syntax', line: 4 }]);
    const duplicate = parseKubeProxyConfig(fixture('broken-duplicate-key.yaml'));
    expect(duplicate.value.valid).toBe(false);
    expect(brief(duplicate.diagnostics)).toEqual([{ severity: 'error', code: 'syntax', line: 6 }]);
  });

  it('reports every wrongly typed known field and unknown fields', () => {
    const { value, diagnostics } = parseKubeProxyConfig(fixture('broken-wrong-types.yaml'));
    expect(value.valid).toBe(false);
    expect(value.ipvs).toEqual({ scheduler: 'lc' });
    expect(value.mode).toBeUndefined();
    expect(brief(diagnostics)).toEqual([
      { severity: 'error', code: 'kube-proxy-config-wrong-type', line: 4 },
      { severity: 'error', code: 'kube-proxy-config-wrong-type', line: 5 },
      { severity: 'error', code: 'kube-proxy-config-wrong-type', line: 8 },
      { severity: 'error', code: 'kube-proxy-config-wrong-type', line: 9 },
      { severity: 'warning', code: 'kube-proxy-config-unknown-field', line: 10 },
    ]);
    expect(diagnostics.map((d) => d.message).join(' ')).not.toContain('shceduler');
  });

  it('rejects another kind, unknown modes and schedulers, negative limits, non-mappings', () => {
    expect(brief(parseKubeProxyConfig(fixture('broken-wrong-kind.yaml')).diagnostics)).toEqual([
      { severity: 'error', code: 'kube-proxy-config-wrong-kind', line: 2 },
    ]);
    const head = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n';
    const odd = parseKubeProxyConfig(`${head}mode: ipvsx\nipvs:\n  scheduler: fastest\nconntrack:\n  maxPerCore: -1\n`);
    expect(odd.value.valid).toBe(false);
    expect(brief(odd.diagnostics)).toEqual([
      { severity: 'error', code: 'kube-proxy-config-bad-mode', line: 3 },
      { severity: 'error', code: 'kube-proxy-config-bad-scheduler', line: 5 },
      { severity: 'error', code: 'kube-proxy-config-negative', line: 7 },
    ]);
    expect(brief(parseKubeProxyConfig('mode: ipvs\n').diagnostics)).toEqual([
      { severity: 'error', code: 'kube-proxy-config-no-api-version', line: 1 },
      { severity: 'error', code: 'kube-proxy-config-no-kind', line: 1 },
    ]);
    expect(brief(parseKubeProxyConfig('- mode: ipvs\n').diagnostics)).toEqual([{ severity: 'error', code: 'kube-proxy-config-not-a-mapping', line: 1 }]);
    expect(parseKubeProxyConfig('').value.valid).toBe(false);
  });

  it('parses its own example', () => {
    const { value, diagnostics } = kubeProxyConfigParser.parse(kubeProxyConfigParser.example);
    expect(diagnostics).toEqual([]);
    expect(kubeProxyConfigParser.schema.parse(value)).toEqual(value);
  });
});
