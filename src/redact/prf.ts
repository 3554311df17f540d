import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';

/**
 * The keyed pseudo-random function behind every pseudonym: HMAC-SHA256 with the
 * redaction key. @noble/hashes is synchronous and runs unchanged in a browser and in
 * Node, which Web Crypto's `subtle.sign` (async only) does not allow for per-bit use.
 */
export interface Prf {
  /** The HMAC of `message` (UTF-8) under the key. */
  digest(message: string): Uint8Array;
}

const encoder = new TextEncoder();

export function createPrf(key: Uint8Array): Prf {
  if (key.length < 16) throw new RangeError('a redaction key needs at least 16 bytes');
  const keyed = hmac.create(sha256, key);
  return {
    digest(message) {
      return keyed.clone().update(encoder.encode(message)).digest();
    },
  };
}

/** A key as hex (32 bytes = 64 hex digits is what `generateRedactionKey` makes). */
export function keyFromHex(hex: string): Uint8Array {
  const text = hex.trim();
  if (!/^(?:[0-9a-fA-F]{2}){16,}$/.test(text)) throw new RangeError('a redaction key is at least 32 hex digits (16 bytes)');
  const out = new Uint8Array(text.length / 2);
  for (let index = 0; index < out.length; index++) out[index] = Number.parseInt(text.slice(index * 2, index * 2 + 2), 16);
  return out;
}

export function keyToHex(key: Uint8Array): string {
  return [...key].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** 32 random bytes from Web Crypto (global in browsers and Node 20). */
export function generateRedactionKey(): Uint8Array {
  const key = new Uint8Array(32);
  globalThis.crypto.getRandomValues(key);
  return key;
}
