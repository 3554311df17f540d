import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsers } from '../../src/parsers/index.js';
import { checkParser } from '../fuzz/properties.js';

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

  // Found by the same run in eight parsers (dynamicport, ip-addr, ip-link, ipsec-status, ipvsadm-timeout,
  // lsmod, processes, reservedports); a probe replacing each number of every parser's example found twelve more.
  it('a number beyond 2^53 never reaches a rule: its record is left out with a warning on its line', () => {
    const ipLink = parsers.find((p) => p.id === 'ip-link')!;
    const { value, diagnostics } = ipLink.parse(fixture('huge-number-ip-link.txt'), { file: 'nodes/n1/ip-link.txt' });
    expect((value as { interfaces: Array<{ name: string }> }).interfaces.map((i) => i.name)).toEqual(['flannel.1']);
    expect(diagnostics).toEqual([
      { severity: 'warning', code: 'number-out-of-range', message: 'a number too large to read exactly (at interfaces.0.index); that entry is left out', file: 'nodes/n1/ip-link.txt', line: 1 },
    ]);
  });

  it('every parser keeps its schema when any number of its example is beyond 2^53 or not finite', () => {
    for (const parser of parsers) {
      const runs = [...parser.example.matchAll(/\d+/g)].slice(0, 40);
      for (const m of runs) {
        for (const huge of ['99999999999999999999999', '1e309', '-99999999999999999999999']) {
          const text = parser.example.slice(0, m.index) + huge + parser.example.slice(m.index + m[0].length);
          expect(() => checkParser(parser, text), `${parser.id}: ${huge} at ${m.index}`).not.toThrow();
        }
      }
    }
  });

  // hnsdiag looked a title line up in an object literal: `constructor` found Object's constructor,
  // which became the listing's name (outside its schema).
  it('a line naming an Object member is an unrecognised line, not a listing title', () => {
    const hnsdiag = parsers.find((p) => p.id === 'hnsdiag')!;
    const { value, diagnostics } = hnsdiag.parse(fixture('hnsdiag-object-member-names.txt'), { file: 'h.txt' });
    expect(value).toMatchObject({ listing: 'networks', networks: [{ name: 'nat', line: 4 }] });
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['unrecognised-line', 1], ['unrecognised-line', 2]]);
  });

  it('subnet.env and conntrack -S keys named like Object members are plain keys', () => {
    const subnetEnv = parsers.find((p) => p.id === 'subnet-env')!;
    const env = subnetEnv.parse('FLANNEL_NETWORK=10.244.0.0/16\nconstructor=1\n__proto__=2\nFLANNEL_SUBNET=10.244.1.1/24\n', { file: 's.env' });
    expect(env.value).toMatchObject({ network: '10.244.0.0/16', subnet: '10.244.1.1/24', other: { constructor: '1' } });
    expect(env.diagnostics.map((d) => [d.code, d.line])).toEqual([['subnet-env-unrecognised-line', 3]]);
    const conntrack = parsers.find((p) => p.id === 'conntrack')!;
    const stats = conntrack.parse('cpu=0 found=1 constructor=7 insert_failed=3 drop=2\n', { file: 'c.txt' });
    expect(JSON.stringify(stats.value)).not.toContain('function');
  });

  // The long run's log held yaml's "(node) Warning: Keys with collection values will be stringified": printed on
  // the user's stderr through process.emitWarning, outside any report.
  it('a map key that is a collection prints no process warning', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      for (const parser of parsers) parser.parse('{ {"a": [1]}: 2, [1, 2]: 3 }\n', { file: 'x.json' });
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });
});

