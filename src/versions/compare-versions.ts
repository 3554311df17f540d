import { ParseError } from '../errors.js';

/**
 * Versions as vendors write them: `v1.22.15`, `1.16`, `v1.20.4-aliyun.1`,
 * `v0.15.1.4-e02c8f12-aliyun` (four numeric parts, then a commit hash and a
 * vendor tag). The numeric parts compare numerically, any count of them
 * (missing ones are 0). A suffix is ignored unless it is a pre-release
 * (`-alpha`, `-beta`, `-rc`), which sorts before the release — so
 * `v0.15.1.11-7e95fe23-aliyun` > `v0.15.1.4-e02c8f12-aliyun`, and
 * `v1.20.4-aliyun.1` equals `v1.20.4`.
 */
export interface ParsedVersion {
  numbers: number[];
  prerelease: string | undefined;
  raw: string;
}

const versionPattern = /^\s*v?(\d+(?:\.\d+)*)([-+._~][0-9A-Za-z.+_~-]*)?\s*$/;
const prereleasePattern = /^[-.~]?(alpha|beta|rc|pre|dev)(?:[.-]?(\d+))?/i;

export function parseVersion(input: string): ParsedVersion {
  const match = versionPattern.exec(input);
  if (!match?.[1]) throw new ParseError('invalid-version', `not a version: "${input}"`);
  const suffix = match[2] ?? '';
  const pre = prereleasePattern.exec(suffix);
  return { numbers: match[1].split('.').map(Number), prerelease: pre ? pre[0].replace(/^[-.~]/, '').toLowerCase() : undefined, raw: input };
}

export function isValidVersion(input: string): boolean {
  return versionPattern.test(input);
}

/** Negative when a < b, 0 when equal, positive when a > b. Throws ParseError on non-versions. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  const length = Math.max(x.numbers.length, y.numbers.length);
  for (let i = 0; i < length; i++) {
    const diff = (x.numbers[i] ?? 0) - (y.numbers[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (x.prerelease === y.prerelease) return 0;
  if (x.prerelease === undefined) return 1;
  if (y.prerelease === undefined) return -1;
  return x.prerelease.localeCompare(y.prerelease, 'en', { numeric: true });
}

/** The tag of a container image reference: `registry/acs/flannel:v0.15.1.4-e02c8f12-aliyun` → `v0.15.1.4-e02c8f12-aliyun`. */
export function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? undefined : withoutDigest.slice(colon + 1);
}
