import { describe, expect, it } from 'vitest';
import { OverlayTestValue, overlayTestParser, parseOverlayTest } from '../../../src/parsers/cluster/overlay-test.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('overlay-test', name);

describe('overlay-test parser', () => {
  it('reads the document’s example: NODE1’s overlay UDP port is blocked', () => {
    const { value, diagnostics } = parseOverlayTest(fixture('doc-node1-udp-blocked.txt'), { file: 'cluster/overlay-test.txt' });
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      startLine: 4,
      endLine: 13,
      complete: true,
      failures: [
        { from: 'NODE2', to: 'NODE1', line: 6 },
        { from: 'NODE3', to: 'NODE1', line: 8 },
        { from: 'NODE1', to: 'NODE2', line: 10 },
        { from: 'NODE1', to: 'NODE3', line: 12 },
      ],
      successes: 0,
      nodes: ['NODE1', 'NODE2', 'NODE3'],
      unreachableNodes: ['NODE1'],
      exitCodeLines: 4,
      kubectlErrorLines: [],
    });
    expect(OverlayTestValue.parse(value)).toEqual(value);
  });

  it('reads the support-tools script with FAIL/PASS lines, pod names and pod IPs', () => {
    const { value, diagnostics } = parseOverlayTest(fixture('support-tools-pass-fail.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({
      startLine: 1,
      endLine: 21,
      complete: true,
      failures: [
        { from: 'rke-cp-1', to: 'rke-wk-2', fromPod: 'overlaytest-7kq2m', toPodIp: '10.42.2.7', line: 5 },
        { from: 'rke-wk-1', to: 'rke-wk-2', fromPod: 'overlaytest-x9d4w', toPodIp: '10.42.2.7', line: 12 },
        { from: 'rke-wk-2', to: 'rke-cp-1', fromPod: 'overlaytest-b2hfp', toPodIp: '10.42.0.12', line: 17 },
        { from: 'rke-wk-2', to: 'rke-wk-1', fromPod: 'overlaytest-b2hfp', toPodIp: '10.42.1.9', line: 19 },
      ],
      successes: 2,
      nodes: ['rke-cp-1', 'rke-wk-1', 'rke-wk-2'],
      unreachableNodes: ['rke-wk-2'],
      exitCodeLines: 3,
      kubectlErrorLines: [16],
    });
  });

  it('reports a clean run as complete with no failures', () => {
    const text = '=> Start network overlay test\nn1 can reach n2\nn2 can reach n1\n=> End network overlay test\n';
    expect(parseOverlayTest(text).value).toMatchObject({ complete: true, failures: [], successes: 2, nodes: ['n1', 'n2'], unreachableNodes: [] });
  });

  it('keeps what a CRLF output cut mid-line holds, and says it is incomplete and where it is garbled', () => {
    const { value, diagnostics } = parseOverlayTest(fixture('broken-cut-crlf.txt'), { file: 'o.txt' });
    expect(value).toMatchObject({
      startLine: 1,
      complete: false,
      failures: [
        { from: 'rke-wk-1', to: 'rke-wk-3', line: 4 },
        { from: 'rke-wk-2', to: 'rke-wk-3', line: 8 },
      ],
      successes: 2,
      unreachableNodes: ['rke-wk-3'],
    });
    expect(value.endLine).toBeUndefined();
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'overlay-test-incomplete', line: 9 },
      { severity: 'warning', code: 'unrecognised-line', line: 6 },
      { severity: 'warning', code: 'unrecognised-line', line: 9 },
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('sendto');
  });

  it('reads pairs without a start marker and rejects unrelated text', () => {
    expect(brief(parseOverlayTest('a cannot reach b\n=> End network overlay test\n').diagnostics)).toEqual([
      { severity: 'warning', code: 'overlay-test-no-start', line: undefined },
    ]);
    expect(brief(parseOverlayTest('hello\nworld\n').diagnostics)).toEqual([{ severity: 'error', code: 'unrecognised-input', line: undefined }]);
  });

  it('parses its own documentation example', () => {
    expect(overlayTestParser.parse(overlayTestParser.example).value.unreachableNodes).toEqual(['NODE1']);
  });
});
