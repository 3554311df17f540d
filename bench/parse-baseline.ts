/// <reference types="node" />
import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JsonListSplitter } from '../src/node/json-list-splitter.js';

/** Files too big for one string are parsed in pieces of about this many bytes of whole items. */
const pieceBytes = 32 * 1024 * 1024;
const wholeFileLimit = 256 * 1024 * 1024;

/**
 * The yardstick: milliseconds spent in plain JSON.parse over every JSON file of
 * the snapshot. Only JSON.parse is timed (not reading nor decoding), so the
 * figure is the least any loader must spend. A List too long for one string is
 * cut at item boundaries into `[item, …]` arrays of ~32 MiB, each parsed whole.
 */
export async function parseBaselineMs(dir: string): Promise<number> {
  let total = 0;
  for (const file of jsonFiles(dir)) {
    if (statSync(file).size <= wholeFileLimit) {
      const text = readFileSync(file, 'utf8');
      const started = performance.now();
      JSON.parse(text);
      total += performance.now() - started;
      continue;
    }
    let group: Uint8Array[] = [];
    let groupBytes = 0;
    const parseGroup = () => {
      if (group.length === 0) return;
      const text = `[${group.map((b) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8')).join(',')}]`;
      group = [];
      groupBytes = 0;
      const started = performance.now();
      JSON.parse(text);
      total += performance.now() - started;
    };
    const splitter = new JsonListSplitter((bytes) => {
      group.push(bytes.slice());
      groupBytes += bytes.length;
      if (groupBytes >= pieceBytes) parseGroup();
    });
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) splitter.push(chunk);
    parseGroup();
    const { skeleton } = splitter.end();
    if (skeleton) {
      const text = Buffer.from(skeleton).toString('utf8');
      const started = performance.now();
      JSON.parse(text);
      total += performance.now() - started;
    }
  }
  return total;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}
