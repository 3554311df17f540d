import { isKeptName } from './kept-names.js';
import type { Prf } from './prf.js';

/** What a pseudonymised name was: it picks the pseudonym's prefix (`svc-…`, `node-…`). */
export type NameKind = 'cluster' | 'node' | 'namespace' | 'pod' | 'service' | 'configmap' | 'workload' | 'object' | 'cloud-name';

const kindPrefix: Record<NameKind, string> = {
  cluster: 'cluster',
  node: 'node',
  namespace: 'ns',
  pod: 'pod',
  service: 'svc',
  configmap: 'cm',
  workload: 'app',
  object: 'obj',
  'cloud-name': 'cloudname',
};

/** Kinds registered first win the prefix when one string names several objects. */
const kindOrder: readonly NameKind[] = ['cluster', 'node', 'namespace', 'workload', 'service', 'configmap', 'pod', 'object', 'cloud-name'];

/**
 * Cloud resource ids (Alibaba Cloud `vsw-`, `vpc-`, `sg-`, `eni-`, `i-`, Tencent `ins-`,
 * `cls-`, `subnet-` …): the prefix stays (it says what the resource is), the rest is a
 * keyed pseudonym of the same length. A digit is required, so words stay words.
 */
const cloudId = /^(vsw|vpc|sg|eni|i|eip|ngw|snat|vtb|rtb|rt|rg|lb|clb|nlb|alb|cls|ins|subnet|igw|nat|acl|bwp|cbwp|d|s|m|acs|np|img|disk|lt|ri|r|vgw|vco|vbr|cen|eipa|lb|ccn)-([a-z0-9]{6,40})$/;

/** An IBM Cloud Kubernetes Service worker id; the 20-character cluster id is group 1. */
const iksWorkerId = /^kube-([a-z0-9]{20})-([a-z0-9][a-z0-9-]*-\d{8})$/;

/** A token that is only a generated suffix (`7d9f8c6b5`, `x2kqp`): kept when a pod name is derived from its workload's. */
const generatedSuffix = /^(?:-(?=[a-z0-9]*\d|[a-z0-9]{5}(?:-|$))[a-z0-9]{1,10}){1,2}$/;

/** Whether a token has the shape of a cloud resource id (`sg-9x2kd0aw`, `vsw-bp1…`). */
export function isCloudId(token: string): boolean {
  const id = cloudId.exec(token.toLowerCase());
  return id !== null && /\d/.test(id[2]!);
}

const base36 = '0123456789abcdefghijklmnopqrstuvwxyz';

export class NamePseudonyms {
  readonly #prf: Prf;
  readonly #kinds = new Map<string, NameKind>();
  readonly #names = new Map<string, string>();
  readonly #used = new Set<string>();
  #finished = false;

  constructor(prf: Prf) {
    this.#prf = prf;
  }

  /** Registers an object's name (before `finish`); kept names and names holding an address are ignored. */
  register(name: string, kind: NameKind, namespace?: string): void {
    if (this.#finished || !isNameToken(name)) return;
    if (/^\d+$/.test(name) || /(?:^|\.)\d{1,3}(?:\.\d{1,3}){3}$/.test(name) || name.includes(':')) return;
    // The cluster's and the nodes' names are the user's own even when they start like a component's
    // (`rancher-prod-dc1`, `kube-master-1`): no rule finds them by name.
    if (kind === 'cluster' || kind === 'node' ? name.length < 3 : isKeptName(name, namespace)) return;
    const key = name.toLowerCase();
    const known = this.#kinds.get(key);
    if (known === undefined || kindOrder.indexOf(kind) < kindOrder.indexOf(known)) this.#kinds.set(key, kind);
  }

  /** Fixes every pseudonym (sorted, so the result does not depend on the order names were seen). */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    const workloads = [...this.#kinds].filter(([, kind]) => kind === 'workload').map(([name]) => name);
    // Shorter first: a pod's pseudonym derives from its ReplicaSet's, which derives from its Deployment's.
    for (const name of [...this.#kinds.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))) {
      const base = workloads.filter((w) => w !== name && name.startsWith(`${w}-`) && generatedSuffix.test(name.slice(w.length))).sort((a, b) => b.length - a.length)[0];
      const pseudonym = base === undefined ? this.#fresh(kindPrefix[this.#kinds.get(name)!], name) : `${this.#pseudonymOf(base)}${name.slice(base.length)}`;
      this.#names.set(name, pseudonym);
      this.#used.add(pseudonym);
    }
  }

  /** The names registered and their pseudonyms (lowercase originals). */
  entries(): Array<[string, string]> {
    this.finish();
    return [...this.#names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The pseudonym of one token (a name, a cloud id), or undefined when it stays. */
  lookup(token: string): string | undefined {
    this.finish();
    const key = token.toLowerCase();
    const known = this.#names.get(key);
    if (known !== undefined) return known;
    const worker = iksWorkerId.exec(key);
    if (worker) {
      // IBM Cloud worker ids embed the cluster's id and name: `kube-<cluster id>-<cluster name>-<pool>-<number>`.
      const [, id, rest] = worker as unknown as [string, string, string];
      const name = [...this.#names.keys()].filter((n) => this.#kinds.get(n) === 'cluster' && rest.startsWith(`${n}-`)).sort((a, b) => b.length - a.length)[0];
      const pseudonym = `kube-${this.#alnum(`id/${id}`, id.length)}-${name ? `${this.#names.get(name)}${rest.slice(name.length)}` : rest}`;
      this.#names.set(key, pseudonym);
      return pseudonym;
    }
    const id = cloudId.exec(key);
    if (id && /\d/.test(id[2]!)) {
      const pseudonym = `${id[1]}-${this.#alnum(`id/${key}`, id[2]!.length)}`;
      this.#names.set(key, pseudonym);
      return pseudonym;
    }
    return undefined;
  }

  /** Whether a token is a registered node name (a static pod's name ends with one). */
  isNode(token: string): boolean {
    return this.#kinds.get(token.toLowerCase()) === 'node';
  }

  #pseudonymOf(name: string): string {
    return this.#names.get(name) ?? this.#fresh(kindPrefix[this.#kinds.get(name) ?? 'object'], name);
  }

  #fresh(prefix: string, name: string): string {
    for (let attempt = 0; ; attempt++) {
      const candidate = `${prefix}-${this.#alnum(`name/${attempt}/${name}`, 8)}`;
      if (!this.#used.has(candidate)) return candidate;
    }
  }

  #alnum(message: string, length: number): string {
    const digest = this.#prf.digest(message);
    let out = '';
    for (let index = 0; out.length < length; index++) out += base36[digest[index % digest.length]! % 36];
    return out;
  }
}

function isNameToken(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) && name.length <= 253;
}
