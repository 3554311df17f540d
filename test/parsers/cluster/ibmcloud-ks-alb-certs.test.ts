import { describe, expect, it } from 'vitest';
import { IbmcloudKsAlbCertsValue, ibmcloudKsAlbCertsParser, parseIbmcloudKsAlbCerts } from '../../../src/parsers/cluster/ibmcloud-ks-alb-certs.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('ibmcloud-ks-alb-certs', name);

describe('ibmcloud-ks-alb-certs parser', () => {
  it('reads secrets whose status is create_failed or update_failed', () => {
    const { value, diagnostics } = parseIbmcloudKsAlbCerts(fixture('create-failed.txt'), { file: 'cluster/ibmcloud-ks-alb-certs.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      columns: ['Secret Name', 'Domain', 'Secret Status', 'Persisted'],
      certs: [
        { secretName: 'mycluster', domain: '*.mycluster-d7f1e4c0a9b2.us-south.containers.appdomain.cloud', status: 'created', failed: false, line: 3 },
        { secretName: 'shop-tls', domain: 'shop.example.com', status: 'create_failed', failed: true, line: 4 },
        { secretName: 'api-tls', domain: 'api.example.com', status: 'update_failed', failed: true, line: 5 },
      ],
    });
    expect(IbmcloudKsAlbCertsValue.parse(value)).toEqual(value);
  });

  it('reads the newer `ingress secret ls` columns (Name, Namespace, CRN, Expires On, Status)', () => {
    const { value, diagnostics } = parseIbmcloudKsAlbCerts(fixture('ingress-secret-ls.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.certs.map((c) => [c.secretName, c.namespace, c.domain, c.status, c.failed, c.expiresOn, c.line])).toEqual([
      ['shop-tls', 'default', 'shop.example.com', 'delete_failed', true, '2027-01-15T09:12:44+0000', 3],
      ['mycluster', 'default', 'mycluster.example.com', 'created', false, '2027-02-01T00:00:00+0000', 4],
    ]);
    expect(value.certs[0]?.crn).toMatch(/^crn:v1:bluemix:public:cloudcerts:/);
  });

  it('skips a garbled row and says where', () => {
    const { value, diagnostics } = parseIbmcloudKsAlbCerts(fixture('broken-garbled.txt'));
    expect(value.certs).toEqual([{ secretName: 'shop-tls', domain: 'shop.example.com', status: 'create_failed', failed: true, line: 3 }]);
    expect(brief(diagnostics)).toEqual([{ severity: 'warning', code: 'unrecognised-row', line: 4 }]);
  });

  it('reads CRLF output', () => {
    const text = 'OK\r\nSecret Name   Domain             Secret Status\r\nshop-tls      shop.example.com   delete_failed\r\n';
    expect(parseIbmcloudKsAlbCerts(text).value.certs).toEqual([
      { secretName: 'shop-tls', domain: 'shop.example.com', status: 'delete_failed', failed: true, line: 3 },
    ]);
  });

  it('parses its own documentation example', () => {
    expect(ibmcloudKsAlbCertsParser.parse(ibmcloudKsAlbCertsParser.example).value.certs.map((c) => c.failed)).toEqual([false, true]);
  });
});
