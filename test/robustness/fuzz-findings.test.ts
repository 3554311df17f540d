import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsers } from '../../src/parsers/index.js';

/**
 * Crashes the long fuzz run found (docs/reliability.md), each kept as a fixture.
 * alias-before-anchor.yaml: `*x` used before `&x` is set. yaml composes it without
 * error but throws from toJS, which took down every YAML-reading parser
 * (calicoctl-config, ip-masq-agent-config, kube-proxy-config, sourcevip,
 * strongswan-values: "parser failed: Unresolved alias"). Found with
 * `npm run fuzz -- --runs 100000 --chunk 1000 --seed 20261203`, round seed 20261214, path 404.
 */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/hostile/fuzz/${name}`, import.meta.url), 'utf8');

describe('fuzz findings', () => {
  it('an alias before its anchor is a syntax error with its line, in every parser', () => {
    const text = fixture('alias-before-anchor.yaml');
    for (const parser of parsers) {
      const { diagnostics } = parser.parse(text, { file: 'x.yaml' });
      expect(diagnostics.filter((d) => d.code === 'parser-crashed'), parser.id).toEqual([]);
    }
    const kubeProxy = parsers.find((p) => p.id === 'kube-proxy-config')!;
    expect(kubeProxy.parse(text, { file: 'x.yaml' }).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'syntax', file: 'x.yaml', line: 1, message: 'could not read the document: Unresolved alias (the anchor must be set before the alias)' }),
    ]);
  });
});
