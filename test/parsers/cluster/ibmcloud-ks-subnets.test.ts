import { describe, expect, it } from 'vitest';
import { IbmcloudKsSubnetsValue, ibmcloudKsSubnetsParser, parseIbmcloudKsSubnets } from '../../../src/parsers/cluster/ibmcloud-ks-subnets.js';
import { readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('ibmcloud-ks-subnets', name);

describe('ibmcloud-ks-subnets parser', () => {
  it('reads the table with an empty Bound Cluster cell', () => {
    const { value, diagnostics } = parseIbmcloudKsSubnets(fixture('doc-reuse-subnets.txt'), { file: 'cluster/ibmcloud-ks-subnets.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      columns: ['ID', 'Network', 'Gateway', 'VLAN ID', 'Type', 'Bound Cluster'],
      subnets: [
        { id: '1550165', network: '10.176.215.192/26', gateway: '10.176.215.193', vlanId: '2234947', type: 'private', line: 4 },
        { id: '1602829', network: '169.62.171.0/28', gateway: '169.62.171.1', vlanId: '2234945', type: 'public', line: 5 },
        { id: '1602832', network: '169.62.171.16/28', gateway: '169.62.171.17', vlanId: '2234945', type: 'public', boundCluster: 'mycluster', line: 6 },
      ],
    });
    expect(IbmcloudKsSubnetsValue.parse(value)).toEqual(value);
  });

  it('reads a Zone column and `-` for no bound cluster', () => {
    const { value } = parseIbmcloudKsSubnets(fixture('with-zone.txt'));
    expect(value.subnets.map((s) => [s.id, s.vlanId, s.boundCluster, s.zone])).toEqual([
      ['2110477', '2953608', 'mycluster', 'dal10'],
      ['2110479', '2953606', 'mycluster', 'dal10'],
      ['2110481', '2953610', undefined, 'dal12'],
    ]);
  });

  it('reads CRLF output and reports a failed command', () => {
    expect(parseIbmcloudKsSubnets(fixture('crlf-one-row.txt')).value.subnets).toEqual([
      { id: '1550165', network: '10.176.215.192/26', gateway: '10.176.215.193', vlanId: '2234947', type: 'private', line: 2 },
    ]);
    expect(parseIbmcloudKsSubnets(fixture('broken-failed.txt'))).toMatchObject({
      value: { subnets: [], failedLine: 2 },
      diagnostics: [{ severity: 'error', code: 'ibmcloud-failed', line: 2 }],
    });
  });

  it('parses its own documentation example', () => {
    expect(ibmcloudKsSubnetsParser.parse(ibmcloudKsSubnetsParser.example).value.subnets).toHaveLength(2);
  });
});
