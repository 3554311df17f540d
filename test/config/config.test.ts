import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/catalog/builtin-catalog.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { selectRules } from '../../src/config/select-rules.js';

describe('parseConfig', () => {
  it('reads rules, rule directories and suppressions, each suppression with its line', () => {
    const text = [
      'rules:',
      '  tke: off',
      '  x-svc-no-endpoints: warning',
      'ruleDirectories: [./my-rules]',
      'suppressions:',
      '  - rule: x-cidr-overlap',
      '    reason: known overlap with the lab network',
      '  - rule: ack-*',
      '    subject: { kind: Node, name: "worker-*" }',
      '    reason: nodes being drained',
      '    expires: 2026-12-31',
      '',
    ].join('\n');
    const parsed = parseConfig(text, 'kube-netdoctor.config.yaml');
    expect(parsed).toEqual({
      ok: true,
      config: {
        rules: { tke: 'off', 'x-svc-no-endpoints': 'warning' },
        ruleDirectories: ['./my-rules'],
        suppressions: [
          { rule: 'x-cidr-overlap', reason: 'known overlap with the lab network' },
          { rule: 'ack-*', subject: { kind: 'Node', name: 'worker-*' }, reason: 'nodes being drained', expires: '2026-12-31' },
        ],
      },
      suppressions: [
        { rule: 'x-cidr-overlap', reason: 'known overlap with the lab network', file: 'kube-netdoctor.config.yaml', line: 6 },
        { rule: 'ack-*', subject: { kind: 'Node', name: 'worker-*' }, reason: 'nodes being drained', expires: '2026-12-31', file: 'kube-netdoctor.config.yaml', line: 8 },
      ],
    });
  });

  it.each([
    ['suppressions:\n  - rule: x-cidr-overlap\n', 'c.yaml:2: suppressions.0.reason: Invalid input: expected string, received undefined'],
    ['suppressions:\n  - rule: x-cidr-overlap\n    reason: "  "\n', 'c.yaml:3: suppressions.0.reason: a reason is required'],
    ['suppressions:\n  - rule: a\n    reason: r\n    expires: 2026-02-30\n', 'c.yaml:4: suppressions.0.expires: not a calendar date'],
    ['suppressions:\n  - rule: a\n    reason: r\n    expires: next year\n', 'c.yaml:4: suppressions.0.expires: a date YYYY-MM-DD'],
    ['rules:\n  x-cidr-overlap: loud\n', 'c.yaml:2: rules.x-cidr-overlap: Invalid input'],
    ['rule:\n  x: off\n', 'c.yaml:1: (top level): Unrecognized key: "rule"'],
    ['rules: [\n', 'c.yaml:'],
  ])('reports the first problem with its line: %j', (text, error) => {
    const parsed = parseConfig(text, 'c.yaml');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(error);
  });

  it('an empty file is an empty config', () => {
    expect(parseConfig('', 'c.yaml')).toEqual({ ok: true, config: {}, suppressions: [] });
  });
});

describe('selectRules', () => {
  const all = builtinRules();
  const ids = (rules: { id: string }[]) => rules.map((r) => r.id);

  it('--only and --skip take rule ids and document keys', () => {
    expect(ids(selectRules(all, { only: ['x-cidr-overlap'] }).rules)).toEqual(['x-cidr-overlap']);
    const tke = ids(selectRules(all, { only: ['tke'] }).rules);
    expect(tke).toContain('tke-dns');
    expect(tke).toContain('x-svc-no-endpoints'); // encoded from the TKE document too
    expect(tke).not.toContain('ack-flannel-hairpin');
    expect(ids(selectRules(all, { only: ['x'] }).rules).every((id) => id.startsWith('x-'))).toBe(true);
    expect(ids(selectRules(all, { skip: ['ack', 'x-cidr-overlap'] }).rules).some((id) => id.startsWith('ack-') || id === 'x-cidr-overlap')).toBe(false);
  });

  it('reports names that are neither rule ids nor document keys', () => {
    expect(selectRules(all, { only: ['x-cidr-overlap', 'no-such-rule'], skip: ['aks'], settings: { bogus: 'off' } }).unknown).toEqual(['no-such-rule', 'aks', 'bogus']);
  });

  it('config settings: off, a rule id over its document, severity overrides every check', () => {
    const selected = selectRules(all, { settings: { ack: 'off', 'ack-flannel-hairpin': 'on', 'x-cidr-overlap': 'info' } }).rules;
    expect(ids(selected).filter((id) => id.startsWith('ack-'))).toEqual(['ack-flannel-hairpin']);
    const overlap = selected.find((r) => r.id === 'x-cidr-overlap')!;
    expect(overlap.severity).toBe('info');
    expect(overlap.checks.every((c) => c.severity === undefined)).toBe(true);
    expect(all.find((r) => r.id === 'x-cidr-overlap')!.severity).not.toBe('info'); // pure
  });
});
