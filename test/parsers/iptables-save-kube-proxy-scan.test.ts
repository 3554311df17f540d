import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseIptablesSave } from '../../src/parsers/iptables-save.js';
import { scanIptablesSaveKubeProxy } from '../../src/parsers/iptables-save-kube-proxy-scan.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outputs = join(root, 'test/fixtures/outputs/iptables-save');
const rules = join(root, 'snapshots/rules');

/** Every iptables-save fixture: the parser's own and each rule fixture node's capture. */
function fixtures(): string[] {
  const files = readdirSync(outputs).map((f) => join(outputs, f));
  for (const rule of readdirSync(rules)) {
    for (const variant of readdirSync(join(rules, rule))) {
      const nodes = join(rules, rule, variant, 'nodes');
      let names: string[] = [];
      try {
        names = readdirSync(nodes);
      } catch {
        continue;
      }
      for (const node of names) {
        for (const command of ['iptables-save', 'ip6tables-save']) {
          const file = join(nodes, node, command);
          try {
            readFileSync(file);
            files.push(file);
          } catch {
            // not captured for this node
          }
        }
      }
    }
  }
  return files;
}

const variants = (text: string) => ({
  text,
  crlf: text.replace(/\n/g, '\r\n'),
  cut: text.slice(0, Math.floor(text.length / 2)),
  garbled: `${text.slice(0, Math.floor(text.length / 3))}\n-A OUTSIDE "unterminated\nnot a rule\n:bad chain line x y z\n${text.slice(Math.floor(text.length / 3))}`,
});

describe('scanIptablesSaveKubeProxy agrees with parseIptablesSave', () => {
  const files = fixtures();
  it('finds the fixtures', () => expect(files.length).toBeGreaterThan(10));
  it.each(files.map((f) => [f.slice(root.length)]))('%s', (relative) => {
    for (const [variant, text] of Object.entries(variants(readFileSync(join(root, relative), 'utf8')))) {
      const full = parseIptablesSave(text, { file: 'f' });
      const scan = scanIptablesSaveKubeProxy(text, { file: 'f' });
      const clusterIPSet = full.value.tables.some((t) => t.rules.some((r) => r.args.includes('KUBE-CLUSTER-IP')));
      expect({ variant, ...scan.value }).toEqual({
        variant,
        tables: full.value.tables.length,
        services: full.value.kubeProxy.services,
        noEndpoints: full.value.kubeProxy.noEndpoints,
        matchesClusterIPSet: clusterIPSet,
      });
      // The scan does not read endpoints, so it cannot warn about a KUBE-SEP jump without DNAT.
      const structural = full.diagnostics.filter((d) => d.code !== 'endpoint-without-dnat' && d.code !== 'too-many-warnings');
      expect(scan.diagnostics.filter((d) => d.code !== 'too-many-warnings')).toEqual(structural);
    }
  });
});
