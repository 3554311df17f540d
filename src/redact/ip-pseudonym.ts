import type { IpFamily } from '../cidr/index.js';
import { formatAddressValue, safeParseAddressValue } from '../cidr/written-address.js';
import { type AddressClass, classify } from './ip-classes.js';
import type { Prf } from './prf.js';

/**
 * Keyed, prefix-preserving pseudonyms for addresses (Crypto-PAn's construction):
 * bit i of the output is bit i of the input XOR a keyed pseudo-random bit of the
 * input's first i bits. Two addresses sharing their first k bits share the first k
 * bits of their pseudonyms, so containment, overlap, prefix sizes and address
 * counts are unchanged. The bit of each prefix is computed once (memoised), so an
 * address costs a few map look-ups once its neighbours were seen.
 * Which bits are fixed, and which addresses are kept, is `ip-classes.ts`.
 */
export class IpPseudonyms {
  readonly #prf: Prf;
  readonly #bits = new Map<string, number>();
  readonly #addresses = new Map<string, bigint>();
  readonly #texts = new Map<string, string | undefined>();

  constructor(prf: Prf) {
    this.#prf = prf;
  }

  /** The pseudonym of an address value; kept addresses are returned unchanged. */
  mapValue(family: IpFamily, value: bigint): bigint {
    const cls = classify(family, value);
    if (cls.kept) return value;
    const memo = `${family}/${value}`;
    const known = this.#addresses.get(memo);
    if (known !== undefined) return known;
    let out = this.#permute(cls, value);
    // Cycle walking: an image in another class (a kept or private range inside this one) is mapped again.
    while (classify(family, out).name !== cls.name) out = this.#permute(cls, out);
    this.#addresses.set(memo, out);
    return out;
  }

  /** The pseudonym of an address as text (IPv4-mapped IPv6 keeps its form); undefined when it is not an address. */
  mapAddress(text: string): string | undefined {
    if (this.#texts.has(text)) return this.#texts.get(text);
    const mapped = this.#mapAddress(text);
    this.#texts.set(text, mapped);
    return mapped;
  }

  #mapAddress(text: string): string | undefined {
    const parsed = safeParseAddressValue(text);
    if (!parsed || classify(parsed.family, parsed.value).kept) return undefined;
    const value = this.mapValue(parsed.family, parsed.value);
    if (parsed.mapped) return `::ffff:${formatAddressValue(4, value)}`;
    return value === parsed.value ? text : formatAddressValue(parsed.family, value);
  }

  /**
   * The pseudonym of `address/prefix`. A block written with its host bits clear stays
   * so (the block's pseudonym); a block as big as its class's fixed part (10.0.0.0/8,
   * 0.0.0.0/0) is unchanged; an interface address (`10.244.1.5/24`) maps its address.
   */
  mapCidr(address: string, prefix: number): string | undefined {
    const parsed = safeParseAddressValue(address);
    if (!parsed) return undefined;
    const family = parsed.family;
    const bits = family === 4 ? 32 : 128;
    const prefixBits = parsed.mapped ? prefix - 96 : prefix;
    if (prefixBits < 0 || prefixBits > bits) return undefined;
    const cls = classify(family, parsed.value);
    if (cls.kept) return undefined;
    const hostMask = (1n << BigInt(bits - prefixBits)) - 1n;
    const network = (parsed.value & hostMask) === 0n;
    if (network && prefixBits <= cls.fixedBits) return `${address}/${prefix}`;
    let value = this.mapValue(family, parsed.value);
    if (network) value &= ~hostMask & ((1n << BigInt(bits)) - 1n);
    const text = parsed.mapped ? `::ffff:${formatAddressValue(4, value)}` : formatAddressValue(family, value);
    return `${text}/${prefix}`;
  }

  /**
   * A range `first-last` (an IPAM range in an error message): both ends move with the
   * pseudonym of the smallest block holding them, keeping their offsets in it, so the
   * range keeps its size and stays inside that block's pseudonym. (Each end alone, as
   * an address, maps as any address; the range form is what keeps the count.)
   */
  mapRange(first: string, last: string): string | undefined {
    const a = safeParseAddressValue(first);
    const b = safeParseAddressValue(last);
    if (!a || !b || a.family !== b.family || a.mapped || b.mapped || b.value < a.value) return undefined;
    const bits = a.family === 4 ? 32 : 128;
    let common = 0;
    while (common < bits && a.value >> BigInt(bits - common - 1) === b.value >> BigInt(bits - common - 1)) common++;
    const hostMask = (1n << BigInt(bits - common)) - 1n;
    const start = a.value & ~hostMask;
    if (classify(a.family, start).kept) return undefined;
    const block = this.mapValue(a.family, start) & ~hostMask;
    return `${formatAddressValue(a.family, block | (a.value & hostMask))}-${formatAddressValue(a.family, block | (b.value & hostMask))}`;
  }

  #permute(cls: AddressClass, value: bigint): bigint {
    const bits = cls.family === 4 ? 32 : 128;
    let out = value;
    for (let index = cls.fixedBits; index < bits; index++) {
      const prefix = value >> BigInt(bits - index);
      if (this.#bit(cls.family, index, prefix)) out ^= 1n << BigInt(bits - 1 - index);
    }
    return out;
  }

  #bit(family: IpFamily, length: number, prefix: bigint): number {
    const memo = `${family}/${length}/${prefix}`;
    let bit = this.#bits.get(memo);
    if (bit === undefined) {
      bit = this.#prf.digest(`ip${memo}`)[0]! & 1;
      this.#bits.set(memo, bit);
    }
    return bit;
  }
}
