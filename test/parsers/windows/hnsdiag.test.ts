import { describe, expect, it } from 'vitest';
import { HnsdiagValue, hnsdiagParser, parseHnsdiag } from '../../../src/parsers/windows/hnsdiag.js';
import { sniffCommand } from '../../../src/snapshot/classify-file.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('hnsdiag', name);

describe('hnsdiag parser', () => {
  it('reads hnsdiag list networks (CRLF)', () => {
    const { value, diagnostics } = parseHnsdiag(fixture('list-networks.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      listing: 'networks',
      networks: [
        { name: 'nat', id: 'B5083512-BE1D-4326-B58F-56CA5154E8D5', line: 2 },
        { name: 'External', id: '6F7E13A2-8ADE-48EE-844E-AC0B0AFF235D', line: 3 },
        { name: 'vxlan0', id: '705B6B4D-E2F2-421A-B31B-E3C5E8831944', line: 4 },
      ],
      endpoints: [],
      loadBalancers: [],
    });
    expect(HnsdiagValue.parse(value)).toEqual(value);
  });

  it('reads endpoints whose long names push the id column, with blank lines and trailing spaces', () => {
    const { value, diagnostics } = parseHnsdiag(fixture('list-endpoints-long-names.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.listing).toBe('endpoints');
    expect(value.endpoints.map((e) => [e.name, e.id, e.virtualNetworkName, e.line])).toEqual([
      ['Ethernet', '865986bc-8a40-4ebc-9916-c2c54e31e011', 'vpcbr06684cbed472', 2],
      ['Ethernet', '1bf1b6f4-c702-4ef3-9da9-eb333e28ae03', 'vpcbr06684cbed472', 3],
      ['cid-69c0f0e20c3fa8664ea297a06f7c73b205ac053f0928219c333731aa9f7ecd81', '391799da-1903-461b-9fb7-8562ab235445', 'vpcbr06684cbed472', 5],
      ['Ethernet', 'c5e3f398-2e83-47ef-9daa-5d992b9a5807', 'vpcbr06684cbed472', 6],
    ]);
  });

  it('reads load balancers, including node-port ones without a VIP', () => {
    const { value, diagnostics } = parseHnsdiag(fixture('list-loadbalancers.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.listing).toBe('loadbalancers');
    expect(value.loadBalancers.slice(0, 2)).toEqual([
      { id: '5a2ad38e-693d-43cf-8510-2facee763aa1', virtualIps: [], directIpIds: ['cb9beaae-7389-4f78-8e5d-d0e1700245af'], line: 2 },
      {
        id: '3c89c920-c65a-4c81-a1de-056fe4097e95',
        virtualIps: ['10.96.0.10'],
        directIpIds: ['11fcf2c4-30ff-42bb-bb29-56a0d0612582', 'bdf93f5a-26b4-4c38-86c6-782f20ffed40'],
        line: 3,
      },
    ]);
    expect(value.loadBalancers).toHaveLength(4);
  });

  it('reads every section of hnsdiag list all', () => {
    const { value, diagnostics } = parseHnsdiag(fixture('list-all.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.listing).toBe('all');
    expect(value.networks.map((n) => n.name)).toEqual(['fe83824bf7b9e3989f9abcc8306dde3926a6130c2ede016ffd0f09836f8f8867', 'nat', 'antrea-hnsnetwork']);
    expect(value.endpoints.map((e) => e.virtualNetworkName)).toEqual(['fe83824bf7b9e3989f9abcc8306dde3926a6130c2ede016ffd0f09836f8f8867', 'antrea-hnsnetwork']);
    expect(value.loadBalancers).toEqual([]);
  });

  it('keeps the readable rows of a garbled listing and warns about the rest', () => {
    const { value, diagnostics } = parseHnsdiag(fixture('broken-garbled.txt'), { file: 'hnsdiag-networks' });
    expect(value.networks.map((n) => n.name)).toEqual(['nat']);
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'unrecognised-line', line: 3 },
      { severity: 'warning', code: 'unrecognised-line', line: 4 },
    ]);
  });

  it('says a detailed (-d) listing is not read, and an unrelated file is not a listing', () => {
    expect(brief(parseHnsdiag(fixture('broken-detailed.txt')).diagnostics)).toEqual([{ severity: 'error', code: 'hnsdiag-detailed-listing', line: 1 }]);
    expect(brief(parseHnsdiag('Usage: hnsdiag [options] <command>\n').diagnostics)).toEqual([
      { severity: 'error', code: 'unrecognised-input', line: undefined },
      { severity: 'warning', code: 'unrecognised-line', line: 1 },
    ]);
  });

  it('names each listing by content, and its example parses cleanly', () => {
    expect(sniffCommand(fixture('list-networks.txt'))).toBe('hnsdiag-networks');
    expect(sniffCommand(fixture('list-endpoints-long-names.txt'))).toBe('hnsdiag-endpoints');
    expect(sniffCommand(fixture('list-loadbalancers.txt'))).toBe('hnsdiag-loadbalancers');
    expect(sniffCommand(fixture('list-all.txt'))).toBe('hnsdiag-networks');
    const { value, diagnostics } = hnsdiagParser.parse(hnsdiagParser.example);
    expect(diagnostics).toEqual([]);
    expect(value.networks).toHaveLength(3);
  });
});
