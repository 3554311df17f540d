import { isValidAddress, normalizeAddress } from '../../cidr/index.js';

/**
 * Addresses of kube-proxy rules in the forms the kube-proxy check compares: normal-form text (`norm`),
 * and for a plain dotted quad with a port up to 65535 two 32-bit integers — the address's number and
 * `port * 4 + protocol` — looked up in an `AddressPortTable`, so checking a node's ~100,000 IPVS rows
 * builds no key string and boxes no number. Helpers for the kube-proxy facts; no fact lives here.
 */

// A dotted quad without leading zeros is already ipaddr.js's normal form; ipvsadm and
// iptables-save print nothing else for IPv4, so the full parse is left to the rest.
const PLAIN_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** An address as ipvsadm or iptables-save prints it, in the normal form of `normalizeAddress`; undefined if invalid. */
export const norm = (address: string | undefined) =>
  address === undefined ? undefined : PLAIN_IPV4.test(address) ? address : isValidAddress(address) ? normalizeAddress(address) : undefined;

/** IPVS's protocols as 0–2; -1 for anything else (no virtual server has it, so nothing with it is looked up). */
export function protocolCode(protocol: string): number {
  return protocol === 'TCP' ? 0 : protocol === 'UDP' ? 1 : protocol === 'SCTP' ? 2 : -1;
}

/** `port * 4 + protocol code`, or -1 when the pair has no numeric key (a port outside 0–65535, another protocol). */
export function portProtocolKey(port: number, protocol: number): number {
  return protocol >= 0 && Number.isInteger(port) && port >= 0 && port <= 0xffff ? port * 4 + protocol : -1;
}

/**
 * An open-addressing hash table from (an IPv4 address's number, a key below 2^31) to an integer ≥ 0, in typed
 * arrays; `get` is -1 when absent. Sized for the entries it is built with, doubled when half full.
 */
export class AddressPortTable {
  #addresses: Int32Array;
  #keys: Int32Array;
  #values: Int32Array;
  #mask: number;
  #size = 0;

  constructor(expected = 8) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#addresses = new Int32Array(capacity);
    this.#keys = new Int32Array(capacity);
    this.#values = new Int32Array(capacity).fill(-1);
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size;
  }

  #slot(address: number, key: number): number {
    let h = Math.imul(address ^ Math.imul(key, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & this.#mask;
    while (this.#values[slot] !== -1 && (this.#addresses[slot] !== (address | 0) || this.#keys[slot] !== key)) slot = (slot + 1) & this.#mask;
    return slot;
  }

  get(address: number, key: number): number {
    return this.#values[this.#slot(address | 0, key)]!;
  }

  set(address: number, key: number, value: number): void {
    let slot = this.#slot(address | 0, key);
    if (this.#values[slot] === -1) {
      if ((this.#size + 1) * 2 > this.#values.length) {
        this.#grow();
        slot = this.#slot(address | 0, key);
      }
      this.#size++;
      this.#addresses[slot] = address | 0;
      this.#keys[slot] = key;
    }
    this.#values[slot] = value;
  }

  #grow(): void {
    const [addresses, keys, values] = [this.#addresses, this.#keys, this.#values];
    this.#addresses = new Int32Array(values.length * 2);
    this.#keys = new Int32Array(values.length * 2);
    this.#values = new Int32Array(values.length * 2).fill(-1);
    this.#mask = values.length * 2 - 1;
    for (let s = 0; s < values.length; s++) {
      if (values[s] === -1) continue;
      const slot = this.#slot(addresses[s]!, keys[s]!);
      this.#addresses[slot] = addresses[s]!;
      this.#keys[slot] = keys[s]!;
      this.#values[slot] = values[s]!;
    }
  }
}
