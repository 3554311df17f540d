import { describe, expect, it } from 'vitest';
import { CalicoctlConfigValue, calicoctlConfigParser, parseCalicoctlConfig } from '../../../src/parsers/cluster/calicoctl-config.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('calicoctl-config', name);

describe('calicoctl-config parser', () => {
  it('reads the IKS v3 etcd config, copying key names but not values', () => {
    const result = parseCalicoctlConfig(fixture('iks-v3-etcd.cfg'), { file: 'cluster/calicoctl.cfg' });
    expect(result).toEqual({
      value: {
        apiVersion: 'projectcalico.org/v3',
        kind: 'CalicoAPIConfig',
        syntax: 'v3',
        datastoreType: 'etcdv3',
        specKeys: ['datastoreType', 'etcdCACertFile', 'etcdCertFile', 'etcdEndpoints', 'etcdKeyFile'],
        lines: { apiVersion: 1, kind: 2, 'spec.datastoreType': 5 },
      },
      diagnostics: [],
    });
    expect(CalicoctlConfigValue.parse(result.value)).toEqual(result.value);
    expect(JSON.stringify(result)).not.toContain('admin-key.pem');
  });

  it('reads the legacy v1 config calicoctl 3.x rejects', () => {
    expect(parseCalicoctlConfig(fixture('iks-v1-legacy.cfg'))).toEqual({
      value: {
        apiVersion: 'v1',
        kind: 'calicoApiConfig',
        syntax: 'v1',
        specKeys: ['etcdCACertFile', 'etcdCertFile', 'etcdEndpoints', 'etcdKeyFile'],
        lines: { apiVersion: 1, kind: 2 },
      },
      diagnostics: [],
    });
  });

  it('reads a JSON config for the Kubernetes datastore', () => {
    expect(parseCalicoctlConfig(fixture('kdd-v3.json')).value).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'CalicoAPIConfig',
      syntax: 'v3',
      datastoreType: 'kubernetes',
      specKeys: ['datastoreType', 'kubeconfig'],
      lines: { apiVersion: 2, kind: 3, 'spec.datastoreType': 6 },
    });
  });

  it('reports a broken file without quoting the key material in it', () => {
    const result = parseCalicoctlConfig(fixture('broken-inline-key.cfg'), { file: 'calicoctl.cfg' });
    expect(result.value).toEqual({ syntax: 'unknown', specKeys: [], lines: {} });
    expect(brief(result.diagnostics)).toEqual([{ severity: 'error', code: 'syntax', line: 8 }]);
    expect(JSON.stringify(result)).not.toContain('MIIE');
    expect(brief(parseCalicoctlConfig('apiVersion: projectcalico.org/v2\nkind: CalicoAPIConfig\n').diagnostics)).toEqual([
      { severity: 'warning', code: 'calicoctl-config-unknown-api-version', line: 1 },
    ]);
    expect(brief(parseCalicoctlConfig('- a\n- b\n').diagnostics)).toEqual([{ severity: 'error', code: 'calicoctl-config-not-an-object', line: 1 }]);
  });

  it('parses its own documentation example', () => {
    expect(calicoctlConfigParser.parse(calicoctlConfigParser.example).value.syntax).toBe('v1');
  });
});
