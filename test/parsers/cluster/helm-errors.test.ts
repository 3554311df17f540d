import { describe, expect, it } from 'vitest';
import { HelmErrorsValue, helmErrorsParser, parseHelmErrors } from '../../../src/parsers/cluster/helm-errors.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('helm-errors', name);

describe('helm-errors parser', () => {
  it('reads Helm 2’s errors from the document: release name taken, then the old vpn-strongswan Deployment', () => {
    const { value, diagnostics } = parseHelmErrors(fixture('helm2-strongswan-exists.txt'), { file: 'cluster/helm-install.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      errors: [
        { kind: 'release-exists', release: 'vpn', line: 2 },
        { kind: 'resource-exists', operation: 'install', release: 'vpn', resourceType: 'deployments.extensions', resourceName: 'vpn-strongswan', line: 8 },
      ],
      statuses: [],
    });
    expect(HelmErrorsValue.parse(value)).toEqual(value);
  });

  it('reads Helm 3’s forms of the same conflicts, and the status of a later successful install', () => {
    const { value, diagnostics } = parseHelmErrors(fixture('helm3-variants.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      errors: [
        { kind: 'resource-exists', operation: 'install', resourceType: 'Deployment', resourceName: 'vpn-strongswan', namespace: 'default', line: 2 },
        { kind: 'name-in-use', operation: 'install', line: 4 },
        { kind: 'operation-in-progress', operation: 'upgrade', line: 6 },
        { kind: 'resource-exists', resourceType: 'DaemonSet', resourceName: 'vpn-strongswan-routes', namespace: 'default', line: 8 },
      ],
      statuses: [{ release: 'vpn', status: 'deployed', line: 13 }],
    });
  });

  it('reads the API-server form after INSTALLATION FAILED, Helm 3.0’s kind-first conflict and other errors', () => {
    const text = [
      'Error: INSTALLATION FAILED: deployments.apps "oracledb-19c-oracle-db" already exists',
      'Error: rendered manifests contain a resource that already exists. Unable to continue with install: existing resource conflict: kind: ClusterRole, namespace: , name: cert-manager-cainjector',
      'Error: could not find tiller',
    ].join('\r\n');
    expect(parseHelmErrors(text).value.errors).toEqual([
      { kind: 'resource-exists', operation: 'install', resourceType: 'deployments.apps', resourceName: 'oracledb-19c-oracle-db', line: 1 },
      { kind: 'resource-exists', resourceType: 'ClusterRole', resourceName: 'cert-manager-cainjector', line: 2 },
      { kind: 'other', line: 3 },
    ]);
  });

  it('keeps a cut error line as an unclassified error and says it is cut off', () => {
    const { value, diagnostics } = parseHelmErrors(fixture('broken-cut-crlf.txt'), { file: 'h.txt' });
    expect(value.errors).toEqual([{ kind: 'other', operation: 'install', release: 'vpn', line: 2 }]);
    expect(brief(diagnostics)).toEqual([{ severity: 'warning', code: 'truncated-line', line: 2 }]);
    expect(JSON.stringify(diagnostics)).not.toContain('strongs');
  });

  it('parses its own documentation example', () => {
    expect(helmErrorsParser.parse(helmErrorsParser.example).value.errors[0]).toMatchObject({ kind: 'resource-exists', resourceName: 'vpn-strongswan' });
  });
});
