// The CLI is ESM only (bin dist/cli.js); tsup builds every entry in both formats, so drop the CommonJS twin.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/cli.cjs', import.meta.url), { force: true });
