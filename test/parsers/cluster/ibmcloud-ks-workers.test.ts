import { describe, expect, it } from 'vitest';
import { IbmcloudKsWorkersValue, ibmcloudKsWorkersParser, parseIbmcloudKsWorkers } from '../../../src/parsers/cluster/ibmcloud-ks-workers.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('ibmcloud-ks-workers', name);

describe('ibmcloud-ks-workers parser', () => {
  it('reads the classic table (Machine Type), `-` cells, pending workers and the update asterisk', () => {
    const { value, diagnostics } = parseIbmcloudKsWorkers(fixture('classic-machine-type.txt'), { file: 'cluster/ibmcloud-ks-workers.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      columns: ['ID', 'Public IP', 'Private IP', 'Machine Type', 'State', 'Status', 'Zone', 'Version'],
      workers: [
        {
          id: 'kube-dal10-cr18e61e63c6e94b658596ca93d087eed9-w1',
          publicIp: '169.47.252.42',
          privateIp: '10.176.48.67',
          flavor: 'u3c.2x4.encrypted',
          state: 'normal',
          status: 'Ready',
          zone: 'dal10',
          version: '1.13.6_1513',
          updateAvailable: true,
          line: 3,
        },
        {
          id: 'kube-dal10-cr18e61e63c6e94b658596ca93d087eed9-w2',
          publicIp: '169.47.252.51',
          privateIp: '10.176.48.79',
          flavor: 'u3c.2x4.encrypted',
          state: 'normal',
          status: 'Ready',
          zone: 'dal10',
          version: '1.13.6_1513',
          updateAvailable: true,
          line: 4,
        },
        {
          id: 'kube-dal12-cr18e61e63c6e94b658596ca93d087eed9-w3',
          privateIp: '10.184.17.220',
          flavor: 'b3c.4x16.encrypted',
          state: 'provision_pending',
          zone: 'dal12',
          version: '1.13.6_1524',
          updateAvailable: false,
          line: 5,
        },
      ],
    });
    expect(IbmcloudKsWorkersValue.parse(value)).toEqual(value);
  });

  it('reads CRLF output the same way', () => {
    const crlf = fixture('classic-machine-type.txt').replace(/\n/g, '\r\n');
    expect(parseIbmcloudKsWorkers(crlf)).toEqual(parseIbmcloudKsWorkers(fixture('classic-machine-type.txt')));
  });

  it('reads the VPC table (Primary IP, Flavor) and ignores the plug-in update notice', () => {
    const { value, diagnostics } = parseIbmcloudKsWorkers(fixture('vpc-flavor.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.workers.map((w) => [w.privateIp, w.flavor, w.state, w.status, w.zone, w.line])).toEqual([
      ['10.240.0.4', 'bx2.4x16', 'normal', 'Ready', 'us-south-1', 4],
      ['10.240.64.4', 'bx2.4x16', 'critical', 'NotReady', 'us-south-2', 5],
    ]);
  });

  it('reads a free cluster’s single worker listed with the old `cs` alias', () => {
    expect(parseIbmcloudKsWorkers(fixture('free-cluster-bx-cs.txt')).value.workers).toEqual([
      {
        id: 'kube-hou02-pa792b4d0fad7b484688b3da914f059689-w1',
        publicIp: '173.193.99.137',
        privateIp: '10.76.68.175',
        flavor: 'free',
        state: 'normal',
        status: 'Ready',
        zone: 'hou02',
        version: '1.13.7_1527',
        updateAvailable: false,
        line: 4,
      },
    ]);
  });

  it('reports a failed command and a cut last row', () => {
    expect(parseIbmcloudKsWorkers(fixture('broken-failed.txt'), { file: 'w.txt' })).toEqual({
      value: { workers: [], columns: [], failedLine: 2 },
      diagnostics: [
        {
          severity: 'error',
          code: 'ibmcloud-failed',
          message: 'the ibmcloud command failed (FAILED) and printed an error instead of its output',
          file: 'w.txt',
          line: 2,
        },
      ],
    });
    const cut = parseIbmcloudKsWorkers(fixture('broken-cut.txt'));
    expect(cut.value.workers.map((w) => w.line)).toEqual([3, 4]);
    expect(brief(cut.diagnostics)).toEqual([{ severity: 'warning', code: 'row-cut', line: 4 }]);
    expect(brief(parseIbmcloudKsWorkers('OK\r\n').diagnostics)).toEqual([{ severity: 'error', code: 'table-not-found', line: undefined }]);
  });

  it('parses its own documentation example', () => {
    expect(ibmcloudKsWorkersParser.parse(ibmcloudKsWorkersParser.example).value.workers).toHaveLength(2);
  });
});
