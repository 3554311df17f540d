import type { StructuredDocument } from '../structured-text.js';

/**
 * Reading decoded config values the way the Go programs that consume them do:
 * encoding/json fills struct fields case-insensitively, so `"Type"`, `"type"`
 * and `"TYPE"` all set `Type`, and Go durations are strings such as `5m0s`.
 */

export type Path = (string | number)[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field `name` matched case-insensitively; when several keys match, the last wins, as in Go. */
export function fieldOf(object: Record<string, unknown>, name: string): { key: string; value: unknown } | undefined {
  const wanted = name.toLowerCase();
  let found: { key: string; value: unknown } | undefined;
  for (const [key, value] of Object.entries(object)) {
    if (key.toLowerCase() === wanted) found = { key, value };
  }
  return found;
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The strings of a list, or undefined when `value` is not a list; non-strings are left out. */
export function stringsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** ConfigMap values are strings, so flags arrive as `"true"`; booleans are accepted too. */
export function flagOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

const durationUnitSeconds: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/** Seconds in a Go `time.ParseDuration` string (`10s`, `5m0s`, `1h30m`, `250ms`, `0`), or undefined. */
export function goDurationSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0' || trimmed === '+0' || trimmed === '-0') return 0;
  const match = /^([+-]?)((?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(trimmed);
  if (!match) return undefined;
  let seconds = 0;
  for (const part of (match[2] ?? '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    seconds += Number(part[1]) * (durationUnitSeconds[part[2] ?? ''] ?? 0);
  }
  return Number((match[1] === '-' ? -seconds : seconds).toFixed(9));
}

/**
 * Line of every leaf under `value`, keyed by dot path (`conntrack.maxPerCore`).
 * Lists are leaves: their path points at the list.
 */
export function leafLines(document: StructuredDocument, value: unknown, path: Path = []): Record<string, number> {
  const lines: Record<string, number> = {};
  const visit = (node: unknown, at: Path): void => {
    if (isRecord(node) && Object.keys(node).length > 0) {
      for (const [key, child] of Object.entries(node)) visit(child, [...at, key]);
      return;
    }
    const line = document.lineOf(at);
    if (line !== undefined && at.length > 0) lines[at.join('.')] = line;
  };
  visit(value, path);
  return lines;
}
