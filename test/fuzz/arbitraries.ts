import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsers } from '../../src/parsers/index.js';
import { nodeCommands } from '../../src/snapshot/classify-file.js';

const root = new URL('../..', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Real captures: every parser fixture (test/fixtures/outputs) and every parser's documented example. */
export const seedTexts: readonly string[] = [
  ...filesUnder(join(root, 'test/fixtures/outputs')).map((f) => readFileSync(f, 'latin1')),
  ...parsers.map((p) => p.example),
];

/** Real Kubernetes object files of the scenario snapshots, to mutate. */
export const seedObjectTexts: readonly string[] = filesUnder(join(root, 'snapshots/scenarios'))
  .filter((f) => /\.(json|ya?ml)$/.test(f) && statSync(f).size < 200_000)
  .map((f) => readFileSync(f, 'utf8'));

const utf16le = (text: string) => Array.from(text, (c) => `${c}\u0000`).join('');

/** One way of damaging a capture the way copies, tools and editors do. */
const mutation: fc.Arbitrary<(text: string) => string> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (t: string) => t.slice(0, Math.floor(t.length * at))),
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  fc.constant((t: string) => t.replace(/\n/g, '\r')),
  fc.constant((t: string) => `\ufeff${t}`),
  // UTF-16LE bytes read as if they were 8-bit text (a caller that did not decode).
  fc.constant((t: string) => `\u00ff\u00fe${utf16le(t)}`),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(([at, n]) => (t: string) => insert(t, at, '\u0000'.repeat(n))),
  fc.tuple(fc.nat(), fc.integer({ min: 1_000, max: 120_000 }), fc.constantFrom('a', ' ', '0', '-', ':', '"', '\t', '[')).map(
    ([at, n, c]) => (t: string) => insert(t, at, `\n${c.repeat(n)}\n`),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 300, max: 3_000 }), fc.constantFrom('[', '{"a":', '- ', '  ', '{')).map(
    ([at, n, open]) => (t: string) => insert(t, at, open.repeat(n)),
  ),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 40 })).map(([at, s]) => (t: string) => insert(t, at, s)),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (t: string) => {
    const lines = t.split('\n');
    const i = a % Math.max(lines.length, 1);
    lines.splice(b % Math.max(lines.length, 1), 0, ...lines.slice(i, i + 1 + (b % 5)));
    return lines.join('\n');
  }),
  fc.constantFrom('99999999999999999999999', '-1', '1e309', '0x10', 'NaN', '4294967296', '65536', '::', '256.1.1.1', '10.0.0.0/33').map(
    (n) => (t: string) => t.replace(/\d+/, n),
  ),
);

function insert(text: string, at: number, piece: string): string {
  const i = text.length === 0 ? 0 : at % (text.length + 1);
  return text.slice(0, i) + piece + text.slice(i);
}

/** Text a parser may be handed: a real capture damaged up to three times, or arbitrary text. */
export const parserInput: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...seedTexts), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([t, ms]) => ms.reduce((s, m) => m(s), t)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '-', '=', '#', '|')), { maxLength: 80 }).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v, null, 2) ?? '') },
);

const kinds = ['Node', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'Event', 'Ingress', 'DaemonSet', 'Deployment', 'NetworkPolicy', 'Namespace', 'Secret', 'List', 'PodList', 'Widget'];
const anyValue = fc.jsonValue({ maxDepth: 4 });

/** A Kubernetes-shaped object whose fields may be of any type. */
const kubeObject: fc.Arbitrary<unknown> = fc.record(
  {
    apiVersion: fc.oneof(fc.constant('v1'), anyValue),
    kind: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...kinds) }, anyValue),
    metadata: fc.oneof(
      fc.record({ name: fc.oneof(fc.string({ maxLength: 12 }), anyValue), namespace: fc.constantFrom('default', 'kube-system'), labels: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), anyValue)), annotations: fc.dictionary(fc.string({ maxLength: 8 }), anyValue) }, { requiredKeys: [] }),
      anyValue,
    ),
    spec: anyValue,
    status: anyValue,
    data: fc.oneof(fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 40 })), anyValue),
    items: fc.array(anyValue, { maxLength: 3 }),
  },
  { requiredKeys: ['kind'] },
);

const nodeName = fc.constantFrom('n1', 'cn-hangzhou.192.168.0.10', 'win-1');
/** Paths of every role in snapshot.md, and odd ones. */
const filePath: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('pods.json', 'nodes.json', 'services.yaml', 'kube-system.yaml', 'all.yml', 'snapshot.yaml', 'configmaps.json', 'events.json', 'README.md'),
  fc.tuple(nodeName, fc.constantFrom(...nodeCommands, 'ss', 'iptables.txt', 'unknown-cmd')).map(([n, c]) => `nodes/${n}/${c}`),
  fc.tuple(nodeName, fc.constantFrom('10-flannel.conflist', '00-old.conf', 'x.json', 'bak')).map(([n, c]) => `nodes/${n}/cni/${c}`),
  fc.tuple(nodeName, fc.constantFrom('terway', 'kubelet', 'flanneld', 'kube-proxy')).map(([n, c]) => `nodes/${n}/logs/${c}.log`),
  fc.constantFrom('cluster/ibmcloud-ks-cluster-get.json', 'cluster/kubectl-errors.txt', 'cluster/strongswan-values.yaml', 'cluster/calicoctl-config.yaml', 'cluster/helm-errors.txt'),
  fc.constantFrom('cloud/aliyun-vswitches.json', 'cloud/aliyun-snat-entries.json', 'cloud/aliyun-route-entries.json', 'cloud/tencent-security-groups.json', 'cloud/azure-routes.json'),
  fc.string({ maxLength: 30 }).map((s) => s.replace(/\u0000/g, '')),
);

const content: fc.Arbitrary<{ text?: string; bytes?: Uint8Array }> = fc.oneof(
  { weight: 4, arbitrary: parserInput.map((text) => ({ text })) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...seedObjectTexts), fc.array(mutation, { maxLength: 2 })).map(([t, ms]) => ({ text: ms.reduce((s, m) => m(s), t) })) },
  { weight: 3, arbitrary: fc.array(kubeObject, { maxLength: 4 }).map((items) => ({ text: JSON.stringify({ kind: 'List', items }) })) },
  { weight: 1, arbitrary: kubeObject.map((o) => ({ text: JSON.stringify(o) })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ bytes })) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...seedTexts), fc.boolean(), fc.nat()).map(([t, bom, cut]) => {
      const bytes = new Uint8Array(Array.from(t.slice(0, 2000), (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat());
      const withBom = bom ? new Uint8Array([0xff, 0xfe, ...bytes]) : bytes;
      return { bytes: withBom.subarray(0, withBom.length === 0 ? 0 : cut % withBom.length) };
    }),
  },
);

/** A snapshot as files: unique paths (after normalisation), any contents. */
export const snapshotFiles = fc.uniqueArray(fc.tuple(filePath, content).map(([path, c]) => ({ path, ...c })), {
  maxLength: 10,
  selector: (f) => f.path.replace(/\\/g, '/').replace(/^\.\//, ''),
});
