import { describe, expect, it } from 'vitest';
import { IbmcloudKsWorkerGetValue, ibmcloudKsWorkerGetParser, parseIbmcloudKsWorkerGet } from '../../../src/parsers/cluster/ibmcloud-ks-worker-get.js';
import { readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('ibmcloud-ks-worker-get', name);

describe('ibmcloud-ks-worker-get parser', () => {
  it('reads a classic worker’s VLANs and IPs', () => {
    const { value, diagnostics } = parseIbmcloudKsWorkerGet(fixture('classic.txt'), { file: 'cluster/ibmcloud-ks-worker-get.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      id: 'kube-dal10-cr18a61a63a6a94b658596aa93d087aaa9-w1',
      state: 'normal',
      status: 'Ready',
      privateVlan: '2234947',
      publicVlan: '2234945',
      privateIp: '10.176.48.67',
      publicIp: '169.47.252.42',
      hardware: 'shared',
      zone: 'dal10',
      version: '1.13.6_1524',
      lines: { id: 3, state: 4, status: 5, privateVlan: 7, publicVlan: 8, privateIp: 9, publicIp: 10, hardware: 11, zone: 12, version: 13 },
    });
    expect(IbmcloudKsWorkerGetValue.parse(value)).toEqual(value);
  });

  it('reads a private-only worker (`-` public VLAN) with a Flavor', () => {
    const { value, diagnostics } = parseIbmcloudKsWorkerGet(fixture('private-only-flavor.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ privateVlan: '2953608', privateIp: '10.94.120.18', flavor: 'b3c.4x16.encrypted' });
    expect(value.publicVlan).toBeUndefined();
    expect(value.publicIp).toBeUndefined();
  });

  it('reports a failed command from CRLF output', () => {
    expect(parseIbmcloudKsWorkerGet(fixture('broken-failed-crlf.txt'), { file: 'w.txt' })).toEqual({
      value: { lines: {}, failedLine: 2 },
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
    expect(parseIbmcloudKsWorkerGet('hello\n').diagnostics.map((d) => d.code)).toEqual(['fields-not-found']);
  });

  it('parses its own documentation example', () => {
    expect(ibmcloudKsWorkerGetParser.parse(ibmcloudKsWorkerGetParser.example).value).toMatchObject({ privateVlan: '2234947', publicVlan: '2234945' });
  });
});
