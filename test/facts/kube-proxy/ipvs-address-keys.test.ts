import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressPortTable } from '../../../src/facts/kube-proxy/ipvs-address-keys.js';

describe('AddressPortTable', () => {
  it('agrees with a Map on random inserts and lookups, across growth and addresses past 2^31', () => {
    const address = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(0, 2 ** 31, 2 ** 31 - 1, 2 ** 32 - 1));
    const key = fc.integer({ min: 0, max: 65535 * 4 + 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(address, key, fc.nat()), { maxLength: 300 }), fc.array(fc.tuple(address, key), { maxLength: 50 }), (sets, gets) => {
        const table = new AddressPortTable(2);
        const map = new Map<string, number>();
        for (const [a, k, v] of sets) {
          table.set(a, k, v);
          map.set(`${a}|${k}`, v);
        }
        expect(table.size).toBe(map.size);
        for (const [a, k] of [...sets.map(([a, k]) => [a, k] as const), ...gets]) expect(table.get(a, k)).toBe(map.get(`${a}|${k}`) ?? -1);
      }),
      { numRuns: 300 },
    );
  });
});
