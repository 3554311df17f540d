import { describe, expect, it } from 'vitest';
import { IbmcloudKsClusterGetValue, ibmcloudKsClusterGetParser, parseIbmcloudKsClusterGet } from '../../../src/parsers/cluster/ibmcloud-ks-cluster-get.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('ibmcloud-ks-cluster-get', name);

describe('ibmcloud-ks-cluster-get parser', () => {
  it('reads a normal cluster without an Ingress subdomain, and its subnet VLANs (--showResources)', () => {
    const { value, diagnostics } = parseIbmcloudKsClusterGet(fixture('classic-show-resources.txt'), { file: 'cluster/ibmcloud-ks-cluster-get.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      name: 'mycluster',
      id: 'df253b6025d64944ab99ed63bb4567b6',
      state: 'normal',
      location: 'dal10',
      version: '1.13.6_1524',
      ingressSecret: 'mycluster',
      workers: 6,
      workerZones: ['dal10', 'dal12'],
      masterStatus: 'Ready (21 hours ago)',
      subnetVlans: [
        { vlanId: '2234947', subnetCidr: '10.176.215.192/29', public: false, userManaged: false, line: 26 },
        { vlanId: '2234945', subnetCidr: '169.62.171.0/29', public: true, userManaged: false, line: 27 },
        { vlanId: '2234945', subnetCidr: '169.62.171.16/29', public: true, userManaged: false, line: 28 },
      ],
      lines: { name: 4, id: 5, state: 6, location: 8, masterStatus: 13, ingressSecret: 15, workers: 16, workerZones: 17, version: 18 },
    });
    expect(IbmcloudKsClusterGetValue.parse(value)).toEqual(value);
  });

  it('reads the newer layout with Ingress status and a Master section', () => {
    const { value, diagnostics } = parseIbmcloudKsClusterGet(fixture('master-section.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({
      state: 'normal',
      status: 'All Workers Normal',
      ingressSubdomain: 'vpe-cross-account-test-354226545946e7ee0a2c700f061c1661-0000.us-east.containers.appdomain.cloud',
      ingressSecret: 'vpe-cross-account-test-354226545946e7ee0a2c700f061c1661-0000',
      ingressStatus: 'healthy',
      workers: 2,
      workerZones: ['us-east-1'],
      podSubnet: '172.17.0.0/18',
      serviceSubnet: '172.21.0.0/16',
      masterStatus: 'Ready (1 day ago)',
      version: '1.32.3_1552',
      subnetVlans: [],
    });
    expect(value.lines).toMatchObject({ masterStatus: 28, version: 31 });
  });

  it('keeps the fields of a garbled, cut CRLF output and warns where', () => {
    const { value, diagnostics } = parseIbmcloudKsClusterGet(fixture('broken-garbled-cut.txt'), { file: 'c.txt' });
    expect(value).toEqual({
      name: 'mycluster',
      state: 'normal',
      ingressSubdomain: 'mycluster.us-south.containers.appdomain.cloud',
      workerZones: [],
      subnetVlans: [],
      lines: { name: 1, state: 2, ingressSubdomain: 3 },
    });
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'unrecognised-line', line: 4 },
      { severity: 'warning', code: 'line-cut', line: 5 },
    ]);
    expect(brief(parseIbmcloudKsClusterGet('Retrieving cluster x...\nFAILED\nThe specified cluster could not be found. (E0004)\n').diagnostics)).toEqual([
      { severity: 'error', code: 'ibmcloud-failed', line: 2 },
    ]);
  });

  it('parses its own documentation example', () => {
    expect(ibmcloudKsClusterGetParser.parse(ibmcloudKsClusterGetParser.example).value).toMatchObject({ state: 'normal', ingressSecret: 'mycluster' });
    expect(ibmcloudKsClusterGetParser.parse(ibmcloudKsClusterGetParser.example).value.ingressSubdomain).toBeUndefined();
  });
});
