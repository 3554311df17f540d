import { describe, expect, it } from 'vitest';
import { calicoctlErrorOf, CalicoctlVersionValue, calicoctlVersionParser, parseCalicoctlVersion } from '../../../src/parsers/cluster/calicoctl-version.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('calicoctl-version', name);

describe('calicoctl-version parser', () => {
  it('reads a v3.3 client talking to a v3.3 cluster', () => {
    const { value, diagnostics } = parseCalicoctlVersion(fixture('v3-client-cluster.txt'), { file: 'cluster/calicoctl-version.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      clientVersion: 'v3.3.1',
      clientVersionLine: 1,
      clusterVersion: 'v3.3.1',
      clusterVersionLine: 4,
      clusterType: ['k8s', 'bgp'],
      gitCommit: 'b3e5c5de',
      errors: [],
    });
    expect(CalicoctlVersionValue.parse(value)).toEqual(value);
  });

  it('reads a v1 client and the two errors the IBM document quotes for it', () => {
    const { value, diagnostics } = parseCalicoctlVersion(fixture('v1-client-gnp.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      clientVersion: 'v1.6.4',
      clientVersionLine: 2,
      clusterType: [],
      gitCommit: '2fc3fc97',
      errors: [
        { kind: 'resource-type-not-supported', resourceType: 'GlobalNetworkPolicy', line: 6 },
        { kind: 'unknown-api-version', apiVersion: 'projectcalico.org/v3', line: 8 },
      ],
    });
  });

  it('keeps the first cluster version when a version mismatch repeats the versions', () => {
    const { value, diagnostics } = parseCalicoctlVersion(fixture('v3-mismatch.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({
      clientVersion: 'v3.25.1',
      clusterVersion: 'v3.24.5',
      clusterVersionLine: 3,
      clusterType: ['typha', 'kdd', 'k8s', 'operator', 'bgp', 'kubeadm'],
      errors: [{ kind: 'version-mismatch', line: 5 }],
    });
  });

  it('reads a v3 client with a v1 config from garbled CRLF output and warns about the garbled line', () => {
    const { value, diagnostics } = parseCalicoctlVersion(fixture('broken-garbled-crlf.txt'), { file: 'c.txt' });
    expect(value).toEqual({ clientVersion: 'v3.3.1', clientVersionLine: 1, clusterType: [], gitCommit: 'b3e5c5de', errors: [{ kind: 'unknown-api-version', apiVersion: 'v1', line: 3 }] });
    expect(brief(diagnostics)).toEqual([{ severity: 'warning', code: 'unrecognised-line', line: 4 }]);
    expect(brief(parseCalicoctlVersion('total 0\n').diagnostics)).toEqual([
      { severity: 'error', code: 'unrecognised-input', line: undefined },
      { severity: 'warning', code: 'unrecognised-line', line: 1 },
    ]);
  });

  it('finds calicoctl errors in any line', () => {
    expect(calicoctlErrorOf('Unable to retrieve Cluster Version or Type:  connection is unauthorized', 7)).toEqual({ kind: 'cluster-info-unavailable', line: 7 });
    expect(calicoctlErrorOf('Unable to detect installed Calico version', 2)).toEqual({ kind: 'cluster-version-unknown', line: 2 });
    expect(calicoctlErrorOf('Client Version:    v3.3.1', 1)).toBeUndefined();
  });

  it('parses its own documentation example', () => {
    expect(calicoctlVersionParser.parse(calicoctlVersionParser.example).value.errors).toEqual([{ kind: 'unknown-api-version', apiVersion: 'v1', line: 3 }]);
  });
});
