import { Gunzip } from 'fflate';

/** Result of inflating a gzip stream with a cap on the expanded size. */
export type GunzipResult = { bytes: Uint8Array } | { error: 'too-large' | 'corrupt'; message: string };

/**
 * Inflates gzip bytes, stopping as soon as the output would exceed `maxBytes` (a
 * "zip bomb" never gets expanded in full). The only importer of fflate; pure, so it
 * runs in a browser too.
 */
export function gunzipLimited(input: Uint8Array, maxBytes: number): GunzipResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const stream = new Gunzip({}, (chunk) => {
    total += chunk.length;
    if (total > maxBytes) over = true;
    else chunks.push(chunk);
  });
  const step = 64 * 1024;
  try {
    for (let offset = 0; offset < input.length && !over; offset += step) {
      const end = Math.min(offset + step, input.length);
      stream.push(input.subarray(offset, end), end === input.length);
    }
  } catch (cause) {
    return { error: 'corrupt', message: `not a readable gzip stream (${(cause as Error).message})` };
  }
  if (over) return { error: 'too-large', message: `expands to more than ${maxBytes} bytes` };
  return { bytes: concat(chunks, total) };
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
