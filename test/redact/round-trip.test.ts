import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Report } from '../../src/findings/schema.js';
import { privateRanges, redactSnapshotFiles, redactText, redactionManifestName } from '../../src/redact/index.js';
import { isValidAddress, parseAddress } from '../../src/cidr/index.js';
import { classify } from '../../src/redact/ip-classes.js';
import { isKeptName } from '../../src/redact/kept-names.js';
import { buildSnapshot } from '../../src/snapshot/build-snapshot.js';
import type { SnapshotFile } from '../../src/snapshot/snapshot-file.js';

const root = new URL('../../snapshots/', import.meta.url).pathname;
const key = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);

function readTree(dir: string): SnapshotFile[] {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((full) => ({ path: relative(dir, full), bytes: new Uint8Array(readFileSync(full)) }));
}

/**
 * Data fields that name the first few of a computed list of ranges in address order
 * ("10.0.0.0/8 swallows A, B, C and 18 more ranges"): the pseudonyms keep prefixes but
 * not order, so which ranges come first differs. There the addresses are blanked and
 * the rest (the count, the wording) compared.
 */
const orderDependent: Record<string, readonly string[]> = {
  'win-exceptionlist-external': ['summary', 'externalSummary'],
  'win-exceptionlist-coverage': ['summary'],
};

const blankAddresses = (text: string) => text.replace(/[0-9a-f:.]*[.:][0-9a-f:.]+(?:\/\d+)?/gi, '<address>');

/**
 * What must be equal: rule, subject, severity, message id, data and evidence (text and
 * where it came from). A data field listing names or addresses (`a, b, c`) is sorted
 * after mapping: the pseudonyms do not keep alphabetical or address order.
 */
function comparable(report: Report, map: (text: string) => string = (t) => t): string[] {
  return report.findings
    .map((f) => {
      const data = Object.fromEntries(
        Object.entries(f.data).map(([k, v]) => {
          if (typeof v !== 'string') return [k, v];
          if (orderDependent[f.ruleId]?.includes(k)) return [k, blankAddresses(map(v))];
          return [k, v.includes(', ') ? map(v).split(', ').sort().join(', ') : map(v)];
        }),
      );
      return map(JSON.stringify({ ruleId: f.ruleId, severity: f.severity, subject: f.subject, messageId: f.messageId, evidence: f.evidence })) + JSON.stringify(data);
    })
    .sort();
}

/** Candidates for "an original address survived": every dotted quad and every IPv6-looking run, found greedily (independent of the redactor's tokenizer). */
function addressesIn(text: string): string[] {
  const found = new Set<string>();
  // A dotted quad glued to a letter or a colon is a version or an image tag (`v1.18.8.47`, `:1.2.3.4`), by decision not an address.
  for (const m of text.matchAll(/(?<![A-Za-z:\d.])\d{1,3}(?:\.\d{1,3}){3}/g)) if (isValidAddress(m[0])) found.add(m[0]);
  for (const m of text.matchAll(/(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi)) if (m[0].includes('::') || m[0].split(':').length === 8) if (isValidAddress(m[0])) found.add(m[0].toLowerCase());
  return [...found];
}

function kept(address: string): boolean {
  const parsed = parseAddress(address);
  return classify(parsed.family, parsed.value).kept;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function roundTrip(dir: string) {
  const files = readTree(dir);
  const built = buildSnapshot(files);
  const original = await analyze(built.snapshot, { diagnostics: built.diagnostics });
  const redacted = redactSnapshotFiles(files, { key });
  const copyFiles = [...redacted.files, { path: redactionManifestName, text: JSON.stringify(redacted.manifest) }];
  const copyBuilt = buildSnapshot(copyFiles);
  const copy = await analyze(copyBuilt.snapshot, { diagnostics: copyBuilt.diagnostics });
  return { files, original, redacted, copy };
}

const dirs = (path: string) => readdirSync(join(root, path), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${path}/${e.name}`);
const scenarios = dirs('scenarios');
/** Every rule's fixtures (fires-… and silent-…), grouped by rule. */
const ruleFixtures = dirs('rules').map((rule) => [rule, dirs(rule)] as const);

async function expectEqualFindings(dir: string): Promise<Awaited<ReturnType<typeof roundTrip>>> {
  const trip = await roundTrip(join(root, dir));
  const { original, redacted, copy } = trip;
  const expected = comparable(original, (text) => redactText(text, key, redacted.mapping)).sort();
  expect(comparable(copy), dir).toEqual(expected);
  expect(copy.notEvaluated.map((n) => n.ruleId), dir).toEqual(original.notEvaluated.map((n) => n.ruleId));
  return trip;
}


/** Original addresses (other than kept ones), names (other than kept ones) and cloud ids found anywhere in the copy: files, paths, manifest. */
async function survivors(dir: string, trip?: Awaited<ReturnType<typeof roundTrip>>): Promise<{ addresses: string[]; names: string[] }> {
  const { files, redacted } = trip ?? (await roundTrip(join(root, dir)));
  const originals = files.map((f) => `${f.path}\n${new TextDecoder().decode(f.bytes)}`);
  const copy = [...redacted.files.map((f) => `${f.path}\n${f.text}`), JSON.stringify(redacted.manifest)].join('\n');
  // A pseudonym may equal another original (ten /16s of 172.16.0.0/12 have sixteen places to go): that is not a survivor.
  const pseudonyms = new Set(Object.values(redacted.mapping.addresses).flatMap((p) => p.split(/[-/]/)));
  // An address its own pseudonym (a fixed point of the permutation, or a block as big as its class) is listed so in the mapping.
  const fixed = new Set(Object.entries(redacted.mapping.addresses).filter(([o, p]) => o === p).map(([o]) => o.split('/')[0]!));
  // The private ranges' own network addresses (10.0.0.0 …) are fixed by design and named in the manifest's policy.
  const classStarts = new Set(privateRanges.map((r) => r.split('/')[0]!));
  const addresses = [...new Set(originals.flatMap(addressesIn))].filter((a) => !kept(a) && !pseudonyms.has(a) && !fixed.has(a) && !classStarts.has(a));
  const survived = addresses.filter((a) => new RegExp(`(?<![\\d.:a-f])${escape(a)}(?![\\d:a-f]|\\.\\d)`, 'i').test(copy));
  const snapshot = buildSnapshot(files).snapshot;
  const objects = [snapshot.nodes, snapshot.pods, snapshot.services, snapshot.configMaps, snapshot.workloads, snapshot.namespaces].flat();
  const names = [...new Set(objects.filter((o) => !isKeptName(o.name, o.namespace) && !isValidAddress(o.name) && !/\d+\.\d+\.\d+\.\d+/.test(o.name)).map((o) => o.name))];
  const survivedNames = names.filter((n) => new RegExp(`(?<![A-Za-z0-9_-])${escape(n)}(?![A-Za-z0-9_-])`, 'i').test(copy));
  // Cloud resource ids anywhere in the original text (ECS, ENI, vSwitch, VPC, security group, CLB, TKE instance and cluster ids).
  const cloudIds = [...new Set(originals.flatMap((t) => [...t.matchAll(/(?<![A-Za-z0-9])(?:vsw|vpc|sg|eni|i|eip|ngw|snat|vtb|ins|cls|lb|subnet)-[a-z0-9]{6,}(?![A-Za-z0-9])/g)].map((m) => m[0])))].filter((id) => /\d/.test(id));
  const survivedIds = cloudIds.filter((id) => new RegExp(`(?<![A-Za-z0-9])${escape(id)}(?![A-Za-z0-9])`).test(copy));
  return { addresses: survived, names: [...survivedNames, ...survivedIds] };
}

describe('redact round-trips every rule fixture with equal findings', () => {
  for (const [rule, cases] of ruleFixtures) {
    it(rule, async () => {
      for (const dir of cases) {
        const trip = await expectEqualFindings(dir);
        expect(await survivors(dir, trip), dir).toEqual({ addresses: [], names: [] });
      }
    });
  }
});

describe('redact round-trips every scenario with equal findings', () => {
  for (const name of scenarios) {
    it(name, async () => {
      const { original } = await expectEqualFindings(name);
      expect(original.findings.length).toBeGreaterThan(0);
    });

    it(`${name}: no original address or name survives in the copy`, async () => {
      expect(await survivors(name)).toEqual({ addresses: [], names: [] });
    });
  }
});
