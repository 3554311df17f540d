/// <reference types="node" />
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What `snapshot.yaml` records about a capture (schema: `capture` in the Manifest). */
export interface CaptureRecord {
  tool: string;
  context?: string;
  serverVersion?: string;
  nodeSelection: string;
  nodes: string[];
  captured: string[];
  failed: Array<{ what: string; error: string }>;
  missing: Record<string, string[]>;
  cloudCommands?: string[];
  interrupted?: boolean;
}

/**
 * Writes snapshot.yaml. Every value is written as JSON, which YAML reads as it is, so
 * no value (an error message with a colon, a context name with a slash) needs quoting rules.
 */
export async function writeManifest(outDir: string, name: string, capturedAt: string, record: CaptureRecord): Promise<string> {
  const lines = [
    '# Written by kube-netdoctor capture. `capture` says what was fetched and what failed;',
    '# add a `cluster:` section (docs/snapshot-format.md) for what capture cannot know.',
    `name: ${JSON.stringify(name)}`,
    `capturedAt: ${JSON.stringify(capturedAt)}`,
    'capture:',
  ];
  const order: Array<keyof CaptureRecord> = ['tool', 'context', 'serverVersion', 'nodeSelection', 'nodes', 'captured', 'failed', 'missing', 'cloudCommands', 'interrupted'];
  for (const key of order) {
    const value = record[key];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') {
      lines.push(`  ${key}:`, ...value.map((v) => `    - ${JSON.stringify(v)}`));
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
      lines.push(`  ${key}:`, ...Object.entries(value).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`));
    } else lines.push(`  ${key}: ${JSON.stringify(value)}`);
  }
  const path = join(outDir, 'snapshot.yaml');
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}
