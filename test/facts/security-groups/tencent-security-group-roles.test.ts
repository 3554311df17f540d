import { describe, expect, it } from 'vitest';
import { MissingDataError } from '../../../src/errors.js';
import { describeCidrs, securityGroupCoverage } from '../../../src/facts/security-groups/security-group-coverage.js';
import { indexSnapshot } from '../../../src/facts/snapshot-index.js';
import { clbSecurityGroups, nodeSecurityGroups, securityGroupRole } from '../../../src/facts/security-groups/tencent-security-group-roles.js';
import { buildSnapshot } from '../../../src/snapshot/build-snapshot.js';

const group = (id: string | undefined, ingress: Array<[string, string, string, string]>) =>
  JSON.stringify({
    ...(id ? { SecurityGroupId: id } : {}),
    SecurityGroupPolicySet: {
      Version: '1',
      Ingress: ingress.map(([Protocol, Port, CidrBlock, Action], PolicyIndex) => ({ PolicyIndex, Protocol, Port, CidrBlock, Action })),
      Egress: [],
    },
  });

function indexWithCloud(files: Record<string, string>) {
  const { snapshot } = buildSnapshot(Object.entries(files).map(([path, text]) => ({ path: `cloud/${path}`, text })));
  return indexSnapshot(snapshot);
}

const missing = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof MissingDataError ? error.capture : error;
  }
  return 'no error';
};

describe('security group roles', () => {
  it('reads the role from the file name', () => {
    expect(securityGroupRole('cloud/tencent-security-groups-node-sg-5ksl9t3m.json')).toBe('node');
    expect(securityGroupRole('cloud/tencent-security-groups-nodes.json')).toBe('node');
    expect(securityGroupRole('cloud/tencent-security-groups-node.json')).toBe('node');
    expect(securityGroupRole('cloud/tencent-security-groups-clb-sg-9x2kd0aw.json')).toBe('clb');
    expect(securityGroupRole('cloud/tencent-security-groups-master.json')).toBe('master');
    expect(securityGroupRole('cloud/tencent-security-groups-sg-7hw2mgu1.json')).toBe('unnamed');
    expect(securityGroupRole('cloud/tencent-security-groups-nodepool-a.json')).toBe('unnamed');
    expect(securityGroupRole('cloud/tencent-security-groups.json')).toBe('unnamed');
  });

  it('chains every node group in file-name, then list, order, and leaves other roles out', () => {
    const index = indexWithCloud({
      'tencent-security-groups-node-2-sg-0q4vzmrk.json': group(undefined, [['ALL', 'ALL', '10.0.0.0/16', 'ACCEPT']]),
      'tencent-security-groups-node-1.json': `[${group('sg-5ksl9t3m', [])}, ${group('sg-2r0d7mbq', [])}]`,
      'tencent-security-groups-clb-sg-9x2kd0aw.json': group(undefined, []),
      'tencent-security-groups-sg-7hw2mgu1.json': group(undefined, []),
    });
    const chain = nodeSecurityGroups(index);
    expect(chain.label).toBe('sg-5ksl9t3m → sg-2r0d7mbq → sg-0q4vzmrk');
    expect(chain.from).toBe('file cloud/tencent-security-groups-node-1.json, cloud/tencent-security-groups-node-2-sg-0q4vzmrk.json');
    expect(chain.source).toEqual({ file: 'cloud/tencent-security-groups-node-1.json', line: 1, object: 'node security group sg-5ksl9t3m → sg-2r0d7mbq → sg-0q4vzmrk' });
    expect(clbSecurityGroups(index)?.label).toBe('sg-9x2kd0aw');
  });

  it('takes the only unnamed group as the nodes\', and says so; refuses to guess among several', () => {
    const one = indexWithCloud({ 'tencent-security-groups.json': group(undefined, []), 'tencent-security-groups-clb.json': group('sg-9x2kd0aw', []) });
    expect(nodeSecurityGroups(one).label).toBe('unnamed group (cloud/tencent-security-groups.json line 1)');
    expect(nodeSecurityGroups(one).from).toContain('the only security group in the snapshot (cloud/tencent-security-groups.json)');
    const two = indexWithCloud({ 'tencent-security-groups.json': `[${group('sg-5ksl9t3m', [])}, ${group('sg-2r0d7mbq', [])}]` });
    expect(missing(() => nodeSecurityGroups(two))).toContain('(the snapshot has 2 security groups, none named for nodes)');
    const clbOnly = indexWithCloud({ 'tencent-security-groups-clb.json': group('sg-9x2kd0aw', []) });
    expect(missing(() => nodeSecurityGroups(clbOnly))).toContain('(the snapshot has no node security group)');
    expect(clbSecurityGroups(indexWithCloud({}))).toBeUndefined();
  });
});

describe('securityGroupCoverage', () => {
  it('joins identical TCP and UDP gaps, names the deciding rule and cites its line', () => {
    const index = indexWithCloud({
      'tencent-security-groups-node-sg-5ksl9t3m.json': group(undefined, [
        ['ALL', 'ALL', '172.16.0.0/17', 'ACCEPT'],
        ['ALL', 'ALL', '0.0.0.0/0', 'DROP'],
      ]),
    });
    const coverage = securityGroupCoverage(
      nodeSecurityGroups(index),
      [
        { name: 'container CIDR', cidr: '172.16.0.0/16' },
        { name: 'VPC CIDR', cidr: '10.0.0.0/16' },
        { name: 'typo', cidr: '10.0.0/16' },
      ],
      ['tcp', 'udp'],
      [[1, 65535]],
    );
    expect(coverage).toMatchObject({
      securityGroups: 'sg-5ksl9t3m',
      checked: 'TCP/UDP 1-65535 from container CIDR 172.16.0.0/16, VPC CIDR 10.0.0.0/16',
      notAdmitted: [
        'container CIDR 172.16.0.0/16: TCP/UDP 1-65535 from 172.16.128.0/17 (DROP by sg-5ksl9t3m PolicyIndex 1, line 1)',
        'VPC CIDR 10.0.0.0/16: TCP/UDP 1-65535 (DROP by sg-5ksl9t3m PolicyIndex 1, line 1)',
      ],
      notAdmittedCount: 2,
      undeterminedCount: 0,
      invalid: ['typo 10.0.0/16'],
      source: { file: 'cloud/tencent-security-groups-node-sg-5ksl9t3m.json', line: 1, object: 'node security group sg-5ksl9t3m' },
    });
  });

  it('describes a gap by what it leaves out when that is shorter', () => {
    expect(describeCidrs(['0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/1'], ['0.0.0.0/0'])).toBe('0.0.0.0/0 except 10.0.0.0/8');
    expect(describeCidrs(['172.16.128.0/17'], ['172.16.0.0/16'])).toBe('172.16.128.0/17');
  });
});
