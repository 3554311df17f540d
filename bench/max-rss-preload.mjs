// Preloaded (node --import) into the CLI child the bench runs: at exit, writes the
// process's peak resident memory (ru_maxrss, in bytes) to the file in BENCH_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_MAX_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS * 1024)));
