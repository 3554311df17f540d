/**
 * A small reader of POSIX ustar / GNU tar archives (what `tar czf`, Go's archive/tar
 * in troubleshoot.sh and `kubectl cp` write): regular files with their paths; GNU
 * long names (`L`) and pax `path` records (`x`) honoured; directories, links and
 * other entry types skipped and reported. Pure; no Node APIs.
 */
export interface TarEntry {
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  /** Offset and length of the content within the archive bytes. */
  offset: number;
  size: number;
}

export type TarProblem = { at: number; message: string };

const block = 512;
const decoder = new TextDecoder('utf-8');

export function readTarEntries(bytes: Uint8Array): { entries: TarEntry[]; problem?: TarProblem } {
  const entries: TarEntry[] = [];
  let longName: string | undefined;
  let paxPath: string | undefined;
  for (let at = 0; at + block <= bytes.length; ) {
    const header = bytes.subarray(at, at + block);
    if (header.every((b) => b === 0)) break; // end-of-archive marker
    if (!checksumMatches(header)) return { entries, problem: { at, message: `corrupt tar header at byte ${at} (checksum mismatch)` } };
    const size = octal(header.subarray(124, 136));
    if (size === undefined) return { entries, problem: { at, message: `unreadable entry size at byte ${at}` } };
    const flag = String.fromCharCode(header[156] ?? 0);
    const dataAt = at + block;
    if (dataAt + size > bytes.length) return { entries, problem: { at, message: `archive ends inside an entry at byte ${at} (truncated)` } };
    const data = bytes.subarray(dataAt, dataAt + size);
    at = dataAt + Math.ceil(size / block) * block;
    if (flag === 'L') {
      longName = cString(data);
      continue;
    }
    if (flag === 'x') {
      paxPath = paxRecord(decoder.decode(data), 'path') ?? paxPath;
      continue;
    }
    if (flag === 'g') continue;
    const prefix = header[257] === 0x75 /* "u"star */ ? cString(header.subarray(345, 500)) : '';
    const name = paxPath ?? longName ?? [prefix, cString(header.subarray(0, 100))].filter(Boolean).join('/');
    longName = paxPath = undefined;
    const type = flag === '0' || flag === '\0' || flag === '7' ? 'file' : flag === '5' ? 'directory' : flag === '2' || flag === '1' ? 'symlink' : 'other';
    entries.push({ path: name, type, offset: dataAt, size });
  }
  return { entries };
}

function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return decoder.decode(end === -1 ? bytes : bytes.subarray(0, end));
}

function octal(bytes: Uint8Array): number | undefined {
  const text = cString(bytes).trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? Number.parseInt(text, 8) : undefined;
}

function checksumMatches(header: Uint8Array): boolean {
  const stored = octal(header.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < block; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  return stored === sum;
}

/** `NN key=value\n` records of a pax extended header. */
function paxRecord(text: string, key: string): string | undefined {
  for (const line of text.split('\n')) {
    const match = /^\d+ ([^=]+)=(.*)$/.exec(line);
    if (match?.[1] === key) return match[2];
  }
  return undefined;
}
