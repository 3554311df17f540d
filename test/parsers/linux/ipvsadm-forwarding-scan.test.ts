import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { commandCaptures, repoRoot } from '../command-captures.js';
import { type Ipvsadm, parseIpvsadm } from '../../../src/parsers/linux/ipvsadm.js';
import { type IpvsForwarding, scanIpvsadmForwarding } from '../../../src/parsers/linux/ipvsadm-forwarding-scan.js';

/** parseIpvsadm's value in the scan's shape: the fields the kube-proxy facts read. */
function project(full: Ipvsadm): IpvsForwarding {
  const out: IpvsForwarding = { namesResolved: full.namesResolved, vsProtocol: [], vsAddress: [], vsPort: [], vsFwmark: [], vsRealStart: [], rsAddress: [], rsPort: [], rsWeight: [] };
  for (const vs of full.virtualServers) {
    out.vsProtocol.push(vs.protocol);
    out.vsAddress.push(vs.address ?? '');
    out.vsPort.push(vs.port ?? -1);
    out.vsFwmark.push(vs.fwmark ?? -1);
    out.vsRealStart.push(out.rsAddress.length);
    for (const rs of vs.realServers) {
      out.rsAddress.push(rs.address);
      out.rsPort.push(rs.port ?? -1);
      out.rsWeight.push(rs.weight ?? -1);
    }
  }
  return out;
}

const variants = (text: string) => ({
  text,
  crlf: text.replace(/\n/g, '\r\n'),
  cut: text.slice(0, Math.floor(text.length / 2)),
  cutMidRow: text.slice(0, Math.floor(text.length / 3) + 7),
  garbled:
    `${text.slice(0, Math.floor(text.length / 3))}\nTCP  10.0.0.1:http rr\n  -> 10.0.0.2:80 Masq 1 0\n  -> host-name:80 Masq 1 0 0\n` +
    `TCP\u00a0 10.0.0.3:80 rr\nUDP  [fd00::a]:53 rr\n  -> [fd00::b]:53 Masq 0 0 0\n\u2028\n\t\nnot a row\nFWM  7 IPv6 rr\n  -> 10.0.0.4:1 Route 2 0 0\n` +
    `TCP  1.2.3.4444:80 rr\n  -> 1.2.3.4:08 Masq 007 0 0\n${text.slice(Math.floor(text.length / 3))}`,
});

describe('scanIpvsadmForwarding agrees with parseIpvsadm', () => {
  const files = commandCaptures('ipvsadm', ['ipvsadm']);
  it('finds the fixtures', () => expect(files.length).toBeGreaterThan(5));
  it.each(files.map((f) => [f]))('%s', (relative) => {
    for (const [variant, text] of Object.entries(variants(readFileSync(join(repoRoot, relative), 'utf8')))) {
      const full = parseIpvsadm(text, { file: 'f' });
      const scan = scanIpvsadmForwarding(text, { file: 'f' });
      expect({ variant, ...scan.value }).toEqual({ variant, ...project(full.value) });
      expect(scan.diagnostics).toEqual(full.diagnostics);
    }
  });
  it('agrees on outputs that are not ipvsadm, empty or blank', () => {
    for (const text of ['', '\n\n', ' \u00a0\n', 'hello\nworld\n', "Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n"]) {
      const full = parseIpvsadm(text, { file: 'f' });
      expect(scanIpvsadmForwarding(text, { file: 'f' })).toEqual({ value: project(full.value), diagnostics: full.diagnostics });
    }
  });
});
