import { describe, expect, it } from 'vitest';
import { KubectlErrorsValue, kubectlErrorsParser, parseKubectlErrors } from '../../../src/parsers/cluster/kubectl-errors.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('kubectl-errors', name);

describe('kubectl-errors parser', () => {
  it('reads an untrusted certificate, then klog lines and the refused connection they lead to', () => {
    const { value, diagnostics } = parseKubectlErrors(fixture('capture-x509-and-refused.txt'), { file: 'cluster/kubectl-errors.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      errors: [
        { kind: 'x509-unknown-authority', line: 2 },
        { kind: 'connection-refused', server: '192.168.0.112:6443', line: 4 },
        { kind: 'connection-refused', server: '192.168.0.112:6443', line: 5 },
        { kind: 'connection-refused', server: '192.168.0.112:6443', line: 6 },
      ],
      counts: { 'x509-unknown-authority': 1, 'connection-refused': 3 },
      servers: ['192.168.0.112:6443'],
    });
    expect(KubectlErrorsValue.parse(value)).toEqual(value);
  });

  it('classifies DNS, timeouts, expired certificates, authorization and server errors', () => {
    const { value, diagnostics } = parseKubectlErrors(fixture('capture-mixed.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.errors).toEqual([
      { kind: 'dns', server: 'c3.us-south.containers.cloud.ibm.com', line: 1 },
      { kind: 'timeout', line: 2 },
      { kind: 'timeout', server: '10.240.0.10:6443', line: 3 },
      { kind: 'x509-expired', line: 4 },
      { kind: 'unauthorized', line: 5 },
      { kind: 'forbidden', line: 6 },
      { kind: 'not-found', line: 7 },
      { kind: 'timeout', server: '10.171.42.93:10250', line: 8 },
      { kind: 'other', line: 9 },
      { kind: 'eof', line: 10 },
    ]);
    expect(value.servers).toEqual(['c3.us-south.containers.cloud.ibm.com', '10.240.0.10:6443', '10.171.42.93:10250']);
  });

  it('keeps the errors of garbled, cut CRLF text and warns about the rest without quoting it', () => {
    const { value, diagnostics } = parseKubectlErrors(fixture('broken-garbled-cut-crlf.txt'), { file: 'k.txt' });
    expect(value.errors).toEqual([
      { kind: 'x509-unknown-authority', line: 1 },
      { kind: 'connection-refused', server: 'localhost:8080', line: 3 },
    ]);
    expect(brief(diagnostics)).toEqual([{ severity: 'warning', code: 'unrecognised-line', line: 2 }]);
    expect(JSON.stringify(diagnostics)).not.toContain('garbage');
    expect(brief(parseKubectlErrors('NAME   READY\nfoo    1/1\n').diagnostics)).toEqual([
      { severity: 'warning', code: 'no-kubectl-errors', line: undefined },
      { severity: 'warning', code: 'unrecognised-line', line: 1 },
      { severity: 'warning', code: 'unrecognised-line', line: 2 },
    ]);
  });

  it('never copies a URL path or query, only host and port', () => {
    const text = 'E1111 03:12:25.682813    6920 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"https://10.0.0.1:6443/api?token=abc\\": dial tcp 10.0.0.1:6443: connect: connection refused"';
    expect(parseKubectlErrors(text).value.errors).toEqual([{ kind: 'connection-refused', server: '10.0.0.1:6443', line: 1 }]);
  });

  it('parses its own documentation example', () => {
    expect(kubectlErrorsParser.parse(kubectlErrorsParser.example).value.counts).toEqual({ 'x509-unknown-authority': 1, 'connection-refused': 2 });
  });
});
