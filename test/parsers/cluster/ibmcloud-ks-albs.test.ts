import { describe, expect, it } from 'vitest';
import { IbmcloudKsAlbsValue, ibmcloudKsAlbsParser, parseIbmcloudKsAlbs } from '../../../src/parsers/cluster/ibmcloud-ks-albs.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('ibmcloud-ks-albs', name);
const build = 'ingress:411/ingress-auth:315';

describe('ibmcloud-ks-albs parser', () => {
  it('reads the document’s table where dal13 has no public ALB', () => {
    const { value, diagnostics } = parseIbmcloudKsAlbs(fixture('seed-zone-without-public-alb.txt'), { file: 'cluster/ibmcloud-ks-albs.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      columns: ['ALB ID', 'Enabled', 'Status', 'Type', 'ALB IP', 'Zone', 'Build', 'ALB VLAN ID'],
      albs: [
        { id: 'private-cr96039a75fddb4ad1a09ced6699c88888-alb1', enabled: false, status: 'disabled', type: 'private', zone: 'dal10', build, vlanId: '2294021', line: 2 },
        { id: 'private-cr96039a75fddb4ad1a09ced6699c88888-alb2', enabled: false, status: 'disabled', type: 'private', zone: 'dal12', build, vlanId: '2234947', line: 3 },
        { id: 'private-cr96039a75fddb4ad1a09ced6699c88888-alb3', enabled: false, status: 'disabled', type: 'private', zone: 'dal13', build, vlanId: '2234943', line: 4 },
        { id: 'public-cr96039a75fddb4ad1a09ced6699c88888-alb1', enabled: true, status: 'enabled', type: 'public', ip: '169.xx.xxx.xxx', zone: 'dal10', build, vlanId: '2294019', line: 5 },
        { id: 'public-cr96039a75fddb4ad1a09ced6699c88888-alb2', enabled: true, status: 'enabled', type: 'public', ip: '169.xx.xxx.xxx', zone: 'dal12', build, vlanId: '2234945', line: 6 },
      ],
    });
    expect(IbmcloudKsAlbsValue.parse(value)).toEqual(value);
  });

  it('reads the NLB Version column even where IBM’s sample cells drift left of their headers', () => {
    const { value, diagnostics } = parseIbmcloudKsAlbs(fixture('nlb-version-drifted-columns.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.albs.map((a) => [a.zone, a.ip, a.build, a.vlanId, a.nlbVersion])).toEqual([
      ['dal12', undefined, 'ingress:1.1.2_2507_iks', '2294021', undefined],
      ['dal10', undefined, 'ingress:1.1.2_2507_iks', '2234947', undefined],
      ['dal12', '169.48.228.78', 'ingress:1.1.2_2507_iks', '2294019', undefined],
      ['dal10', '169.46.17.6', 'ingress:1.1.2_2507_iks', '2234945', '2.0'],
    ]);
  });

  it('reads a VPC cluster’s load balancer hostnames', () => {
    const { value } = parseIbmcloudKsAlbs(fixture('vpc-hostname.txt'));
    expect(value.albs.map((a) => [a.type, a.enabled, a.hostname, a.zone])).toEqual([
      ['private', false, undefined, 'us-south-1'],
      ['public', true, '1234abcd-us-south.lb.appdomain.cloud', 'us-south-1'],
      ['public', true, '1234abcd-us-south.lb.appdomain.cloud', 'us-south-2'],
    ]);
  });

  it('reads `no ALBs found` as an empty answer (CRLF)', () => {
    expect(parseIbmcloudKsAlbs(fixture('no-albs-crlf.txt'))).toEqual({
      value: { albs: [], columns: [] },
      diagnostics: [{ severity: 'info', code: 'ibmcloud-none-found', message: 'the command found no ALBs', line: 2 }],
    });
  });

  it('skips a garbled row and warns about it and about the cut last row', () => {
    const { value, diagnostics } = parseIbmcloudKsAlbs(fixture('broken-garbled-cut.txt'));
    expect(value.albs.map((a) => [a.id, a.line])).toEqual([
      ['public-cr96039a75fddb4ad1a09ced6699c88888-alb1', 2],
      ['public-cr96039a75fddb4ad1a09ced6699c88888-alb2', 4],
    ]);
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'unrecognised-row', line: 3 },
      { severity: 'warning', code: 'row-cut', line: 4 },
    ]);
  });

  it('parses its own documentation example', () => {
    expect(ibmcloudKsAlbsParser.parse(ibmcloudKsAlbsParser.example).value.albs.map((a) => a.enabled)).toEqual([false, true]);
  });
});
