import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStrongswanValues } from '../../../src/parsers/cluster/strongswan-values.js';

const sample = (name: string) => readFileSync(new URL(`../../fixtures/outputs/strongswan-values/${name}`, import.meta.url), 'utf8');

describe('strongswan-values', () => {
  it('reads helm 3 output (USER-SUPPLIED VALUES header) and never keeps the pre-shared key', () => {
    const { value, diagnostics } = parseStrongswanValues(sample('helm3-user-supplied.yaml'), { file: 'cluster/strongswan-values.yaml' });
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({
      localSubnets: ['172.21.0.0/16', '172.30.0.0/16', '10.176.28.0/26'],
      localSubnetNAT: [{ from: '10.176.28.0/26', to: '10.10.10.0/26' }],
      remoteSubnets: ['192.168.0.0/20'],
      localId: 'ibm-cloud',
      remoteGateway: '203.0.113.10',
      ipsecAuto: 'start',
      keyexchange: 'ikev2',
      loadBalancerIP: '169.46.22.10',
      connectUsingLoadBalancerIP: true,
      nodeSelector: { dedicated: 'edge' },
      tolerations: 1,
      presharedSecretSet: true,
    });
    expect(value.lines['local.subnet']).toBe(9);
    expect(JSON.stringify(value)).not.toContain('s3cr3t');
  });

  it('reads helm 2 output (no header) with CRLF, and a --set value copied with its escaped comma', () => {
    const { value } = parseStrongswanValues(sample('helm2-set-flags.yaml').replace(/\r?\n/g, '\r\n'));
    expect(value.localSubnets).toEqual(['172.21.0.0/16', '172.30.0.0/16']);
    expect(value.remoteSubnets).toEqual(['192.168.100.0/24']);
    expect(JSON.stringify(value)).not.toContain('supersecret');
  });

  it('reports broken YAML with its line and returns an empty value', () => {
    const { value, diagnostics } = parseStrongswanValues('local:\n  subnet: [172.21.0.0/16\nremote: x\n', { file: 'v.yaml' });
    expect(value.localSubnets).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: 'v.yaml', line: expect.any(Number) })]);
  });
});
