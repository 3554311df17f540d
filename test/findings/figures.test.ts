import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Finding } from '../../src/findings/schema.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';
import { fixture } from '../rules/fixture.js';

async function figureOf(ruleId: string, snapshot: string, messageId?: string): Promise<Finding['figure']> {
  const loaded = await loadSnapshot(fixture(ruleId, snapshot));
  const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics, only: [ruleId] });
  const finding = report.findings.find((f) => f.ruleId === ruleId && (!messageId || f.messageId === messageId));
  expect(finding, `${ruleId} fires on ${snapshot}`).toBeDefined();
  return finding!.figure;
}

describe('findings carry a picture of their address ranges', () => {
  it('ExceptionList coverage: the required range, the entries that reach into it, the missing part', async () => {
    const figure = await figureOf('win-exceptionlist-coverage', 'fires-pod-subnet-partly-covered');
    expect(figure?.type).toBe('address-space');
    if (figure?.type !== 'address-space') return;
    expect(figure.panels[0]).toEqual({
      title: 'cluster (pod) subnet 10.244.0.0/16: not covered 10.244.128.0/17',
      span: '10.244.0.0/16',
      rows: [
        { label: 'required', role: 'required', cidrs: ['10.244.0.0/16'] },
        { label: 'ExceptionList', role: 'cover', cidrs: ['10.244.0.0/17'] },
        { label: 'not covered', role: 'missing', cidrs: ['10.244.128.0/17'] },
      ],
    });
    // Covered ranges follow the uncovered ones, with no missing row.
    expect(figure.panels.slice(1).every((p) => p.rows.every((r) => r.role !== 'missing'))).toBe(true);
  });

  it('NonMasqueradeCIDRs coverage of an IDC range', async () => {
    const figure = await figureOf('tke-idc-masq', 'fires-idc-half-covered');
    expect(figure).toMatchObject({
      type: 'address-space',
      panels: [{ span: '10.10.0.0/16', rows: [{ role: 'required' }, { label: 'NonMasqueradeCIDRs', role: 'cover', cidrs: ['10.10.0.0/17'] }, { role: 'missing', cidrs: ['10.10.128.0/17'] }] }],
      omitted: 0,
    });
  });

  it('overlapping ranges to the scale of the block holding both, the shared part marked', async () => {
    const figure = await figureOf('x-cidr-overlap', 'fires-service-cidr-inside-pod-cidr');
    expect(figure).toEqual({
      type: 'address-space',
      caption: 'Address ranges that must not share addresses, and what they share',
      panels: [{
        title: 'pod CIDR 172.20.0.0/16 / Service CIDR 172.20.240.0/20',
        span: '172.20.0.0/16',
        rows: [
          { label: 'pod CIDR 172.20.0.0/16', role: 'range', cidrs: ['172.20.0.0/16'] },
          { label: 'Service CIDR 172.20.240.0/20', role: 'range', cidrs: ['172.20.240.0/20'] },
          { label: 'shared', role: 'overlap', cidrs: ['172.20.240.0/20'] },
        ],
      }],
      omitted: 0,
    });
  });

  it('security group: what of the container CIDR is admitted and what is not', async () => {
    const figure = await figureOf('tke-sg-pod-cidr', 'fires-container-cidr-half-admitted');
    expect(figure).toMatchObject({
      type: 'address-space',
      panels: [
        {
          title: 'container CIDR 172.16.0.0/16: not admitted 172.16.128.0/17',
          span: '172.16.0.0/16',
          rows: [{ role: 'required' }, { label: 'admitted', cidrs: ['172.16.0.0/17'] }, { label: 'not admitted', cidrs: ['172.16.128.0/17'] }],
        },
        { title: 'VPC CIDR 10.0.0.0/16: admitted', span: '10.0.0.0/16', rows: [{ role: 'required' }, { role: 'cover', cidrs: ['10.0.0.0/16'] }] },
      ],
    });
  });

  it('pod CIDR capacity: used against assignable addresses', async () => {
    const figure = await figureOf('ack-node-podcidr-capacity', 'fires-cidr-smaller-than-max-pods', 'cidrBelowMaxPods');
    expect(figure).toEqual({
      type: 'usage',
      caption: 'Pod CIDR 172.20.0.64/26: 61 assignable addresses (62 usable less the bridge gateway)',
      bars: [
        { label: 'pods holding a pod-network address', used: 12, usedLabel: 'pods', total: 61, totalLabel: 'assignable addresses' },
        { label: 'pods the node accepts on the pod network', used: 109, usedLabel: 'capacity.pods less host-network pods', total: 61, totalLabel: 'assignable addresses' },
      ],
    });
  });

  it('host-local range exhaustion and Terway vSwitch exhaustion', async () => {
    expect(await figureOf('ack-ipam-range-exhausted', 'fires-leaked-addresses')).toMatchObject({
      type: 'usage',
      bars: [{ used: 61, total: 61 }, { used: 5, total: 61 }],
    });
    expect(await figureOf('ack-terway-vswitch-exhausted', 'fires-ip-not-enough')).toMatchObject({
      type: 'usage',
      bars: [{ label: 'vsw-bp1s5fnvk4gn2tws03624 192.168.32.0/24', used: 256, total: 256 }],
    });
    expect(await figureOf('ack-terway-vswitch-exhausted', 'fires-fewer-ips-than-pending')).toMatchObject({
      bars: [{ label: 'vsw-bp1s5fnvk4gn2tws03624', used: 5, usedLabel: 'pods waiting for an IP', total: 3, totalLabel: 'available IPs' }],
    });
  });

  it('findings whose facts draw nothing have no figure', async () => {
    const loaded = await loadSnapshot(fixture('x-svc-no-endpoints', 'fires-selector-and-readiness'));
    const report = await analyze(loaded.snapshot, { diagnostics: loaded.diagnostics, only: ['x-svc-no-endpoints'] });
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.figure === undefined)).toBe(true);
  });
});
