import { defineConfig } from 'tsup';

// Entries mirror the `exports` map in package.json, plus the CLI (bin). Code splitting gives
// every entry one shared copy of the library per format, so `instanceof SnapshotError` holds
// across `kube-netdoctor`, `kube-netdoctor/node` and `kube-netdoctor/testing`. No source maps:
// the sources are not shipped, and maps with inlined sources doubled the package.
// The CLI keeps the hashbang of src/cli/main.ts; its CommonJS twin is not shipped
// (scripts/clean-dist.mjs removes it after the build).
const library = {
  index: 'src/index.ts',
  node: 'src/node/index.ts',
  testing: 'src/testing/index.ts',
  cidr: 'src/cidr/index.ts',
};

export default defineConfig({
  // object-worker: the entry of loadSnapshot's worker threads, found beside the chunk that starts them.
  entry: { ...library, cli: 'src/cli/main.ts', 'object-worker': 'src/node/object-worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: library },
  splitting: true,
  sourcemap: false,
  clean: true,
  target: 'node20',
  // import.meta.url in the CommonJS build (src/node/object-pool.ts finds its worker file by it).
  shims: true,
});
