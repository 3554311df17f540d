import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/catalog/builtin-catalog.js';
import { explainRule } from '../../src/cli/commands/explain.js';

const rule = (id: string) => builtinRules().find((r) => r.id === id)!;

describe('explain: where a rule applies and what it defers to', () => {
  it('names the more specific rules a rule\'s finding is left out for', () => {
    const text = explainRule(rule('ack-node-network-unavailable'));
    expect(text).toContain('applies to CNI flannel, provider ack');
    expect(text).toContain('Left out when a more specific rule reports the same problem (its finding then lists this one):\n  ack-multiple-route-tables (for multipleRouteTables): any\n');
    expect(explainRule(rule('x-kube-proxy-rules-missing'))).toContain(
      '  tke-dns nodeRulesMissing: when each entry of its missing is in their clusterIPMissing (only some: it stays and points to them)\n',
    );
  });

  it('says a Windows guide rule is for clusters with Windows nodes, and a rule without defersTo has no such section', () => {
    const text = explainRule(rule('win-icmp-unsupported'));
    expect(text).toContain('applies to clusters with windows nodes');
    expect(text).not.toContain('Left out when');
  });
});
