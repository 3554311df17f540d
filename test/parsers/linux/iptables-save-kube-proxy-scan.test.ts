import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { commandCaptures, repoRoot } from '../command-captures.js';
import { parseIptablesSave } from '../../../src/parsers/linux/iptables-save.js';
import { scanIptablesSaveKubeProxy } from '../../../src/parsers/linux/iptables-save-kube-proxy-scan.js';

const variants = (text: string) => ({
  text,
  crlf: text.replace(/\n/g, '\r\n'),
  cut: text.slice(0, Math.floor(text.length / 2)),
  garbled: `${text.slice(0, Math.floor(text.length / 3))}\n-A OUTSIDE "unterminated\nnot a rule\n:bad chain line x y z\n${text.slice(Math.floor(text.length / 3))}`,
});

describe('scanIptablesSaveKubeProxy agrees with parseIptablesSave', () => {
  const files = commandCaptures('iptables-save', ['iptables-save', 'ip6tables-save']);
  it('finds the fixtures', () => expect(files.length).toBeGreaterThan(10));
  it.each(files.map((f) => [f]))('%s', (relative) => {
    for (const [variant, text] of Object.entries(variants(readFileSync(join(repoRoot, relative), 'utf8')))) {
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
