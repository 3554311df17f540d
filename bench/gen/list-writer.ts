/// <reference types="node" />
import { closeSync, openSync, writeSync } from 'node:fs';

const flushAt = 8 * 1024 * 1024;

/**
 * Writes a `kind: List` exactly as `kubectl get -o json` prints it (4-space
 * indent, items nested two levels deep), streaming: a List of 150,000 pods is
 * larger than one JS string can hold. Returns the bytes written on close.
 */
export class ListWriter {
  readonly #fd: number;
  #buffer: string[] = [];
  #buffered = 0;
  #first = true;
  bytes = 0;
  items = 0;

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
    this.#write('{\n    "apiVersion": "v1",\n    "items": [');
  }

  add(object: unknown): void {
    const json = JSON.stringify(object, null, 4).replaceAll('\n', '\n        ');
    this.#write(`${this.#first ? '' : ','}\n        ${json}`);
    this.#first = false;
    this.items++;
  }

  close(): number {
    this.#write(`${this.#first ? '' : '\n    '}],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n`);
    this.#flush();
    closeSync(this.#fd);
    return this.bytes;
  }

  #write(text: string): void {
    this.#buffer.push(text);
    this.#buffered += text.length;
    if (this.#buffered >= flushAt) this.#flush();
  }

  #flush(): void {
    const chunk = Buffer.from(this.#buffer.join(''), 'utf8');
    writeSync(this.#fd, chunk);
    this.bytes += chunk.length;
    this.#buffer = [];
    this.#buffered = 0;
  }
}
