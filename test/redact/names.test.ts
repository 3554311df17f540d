import { describe, expect, it } from 'vitest';
import { NamePseudonyms } from '../../src/redact/name-pseudonyms.js';
import { rewriteNames } from '../../src/redact/name-text.js';
import { createPrf } from '../../src/redact/prf.js';

function names(key = 3): NamePseudonyms {
  const n = new NamePseudonyms(createPrf(new Uint8Array(32).fill(key)));
  n.register('worker-7', 'node');
  n.register('shop', 'namespace');
  n.register('cart', 'workload', 'shop');
  n.register('cart-58b7d9c6f4', 'workload', 'shop');
  n.register('cart-58b7d9c6f4-tq9zl', 'pod', 'shop');
  n.register('orders', 'service', 'shop');
  n.register('kube-proxy', 'workload', 'kube-system');
  n.register('coredns-6d8c4cb4d-abcde', 'pod', 'kube-system');
  n.register('kubernetes', 'service', 'default');
  n.finish();
  return n;
}

const rewrite = (text: string, n = names()) => rewriteNames(text, n, () => undefined).text;

describe('name pseudonyms', () => {
  it('are the same everywhere a name stands as a token: objects, paths, iptables comments, DNS names, logs', () => {
    const n = names();
    const svc = n.lookup('orders')!;
    const ns = n.lookup('shop')!;
    const node = n.lookup('worker-7')!;
    expect(svc).toMatch(/^svc-[a-z0-9]{8}$/);
    expect(ns).toMatch(/^ns-[a-z0-9]{8}$/);
    expect(node).toMatch(/^node-[a-z0-9]{8}$/);
    expect(rewrite('-m comment --comment "shop/orders:grpc cluster IP"', n)).toBe(`-m comment --comment "${ns}/${svc}:grpc cluster IP"`);
    expect(rewrite('nodes/worker-7/iptables-save', n)).toBe(`nodes/${node}/iptables-save`);
    expect(rewrite('dial orders.shop.svc.cluster.local:9090', n)).toBe(`dial ${svc}.${ns}.svc.cluster.local:9090`);
    expect(rewrite('"nodeName": "worker-7"', n)).toBe(`"nodeName": "${node}"`);
  });

  it('keeps a pod\'s generated suffixes after its workload\'s pseudonym, and a static pod\'s component before its node\'s', () => {
    const n = names();
    const rs = n.lookup('cart-58b7d9c6f4')!;
    expect(rs).toBe(`${n.lookup('cart')}-58b7d9c6f4`);
    expect(n.lookup('cart-58b7d9c6f4-tq9zl')).toBe(`${rs}-tq9zl`);
    expect(rewrite('kube-system/kube-apiserver-worker-7', n)).toBe(`kube-system/kube-apiserver-${n.lookup('worker-7')}`);
  });

  it('keeps system names, map keys and words inside longer names', () => {
    const n = names();
    for (const kept of ['kube-proxy', 'coredns-6d8c4cb4d-abcde', 'kubernetes', 'kube-system']) expect(n.lookup(kept), kept).toBeUndefined();
    expect(rewrite('{"orders": 1}\norders: 2\n  - orders: 3', n)).toBe('{"orders": 1}\norders: 2\n  - orders: 3');
    expect(rewrite('orders-frontend shoppers', n)).toBe('orders-frontend shoppers');
  });

  it('gives cloud ids a keyed pseudonym with the same prefix and length; words stay words', () => {
    const n = names();
    const id = n.lookup('vsw-bp1nd7k2m4x9q0w3e5r6t')!;
    expect(id).toMatch(/^vsw-[a-z0-9]{21}$/);
    expect(id).not.toBe('vsw-bp1nd7k2m4x9q0w3e5r6t');
    expect(n.lookup('sg-abcdefgh')).toBeUndefined();
    expect(names(4).lookup('vsw-bp1nd7k2m4x9q0w3e5r6t')).not.toBe(id);
    expect(names(3).lookup('vsw-bp1nd7k2m4x9q0w3e5r6t')).toBe(id);
  });
});

describe('IBM Cloud worker ids', () => {
  it('pseudonymise the cluster id and the cluster name inside, keeping pool and number', () => {
    const n = new NamePseudonyms(createPrf(new Uint8Array(32).fill(5)));
    n.register('mycluster', 'cluster');
    n.finish();
    const id = n.lookup('kube-bq5tbo2d0kbnmfq8sfs0-mycluster-default-00000067')!;
    expect(id).toMatch(new RegExp(`^kube-[a-z0-9]{20}-${n.lookup('mycluster')}-default-00000067$`));
    expect(id).not.toContain('bq5tbo2d0kbnmfq8sfs0');
  });
});

describe('cloud ids at the end of a longer token', () => {
  it('are rewritten in file names (`tencent-security-groups-clb-sg-9x2kd0aw.json`)', () => {
    const n = names();
    expect(rewrite('cloud/tencent-security-groups-clb-sg-9x2kd0aw.json', n)).toBe(`cloud/tencent-security-groups-clb-${n.lookup('sg-9x2kd0aw')}.json`);
  });

  it('pseudonymises the cluster\'s and the nodes\' names even when they start like a component\'s', () => {
    const n = new NamePseudonyms(createPrf(new Uint8Array(32).fill(5)));
    n.register('rancher-prod-dc1', 'cluster');
    n.register('kube-master-1', 'node');
    n.register('kube-proxy', 'workload', 'kube-system');
    n.finish();
    expect(n.lookup('rancher-prod-dc1')).toMatch(/^cluster-[a-z0-9]{8}$/);
    expect(n.lookup('kube-master-1')).toMatch(/^node-[a-z0-9]{8}$/);
    expect(n.lookup('kube-proxy')).toBeUndefined();
  });
});

