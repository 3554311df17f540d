// Copies the generated JSON Schemas (docs/schemas) into the package: kube-netdoctor/schemas/<name>.json.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/generated-sources.js';

cpSync(join(repoRoot, 'docs', 'schemas'), join(repoRoot, 'dist', 'schemas'), { recursive: true });
