import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadSnapshot } from '../../src/node/load-snapshot.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A snapshot loaded and analysed in a job of its own, seen only through a WeakRef. */
async function analysedOnce(dir: string): Promise<WeakRef<object>> {
  const { snapshot, diagnostics } = await loadSnapshot(dir);
  const report = await analyze(snapshot, { diagnostics });
  expect(report.findings.length).toBeGreaterThan(0);
  return new WeakRef(snapshot);
}

describe('after an analysis', () => {
  // A process that analyses snapshot after snapshot (a service, the bench) must not keep the last one:
  // an object shared across engine runs once held the last almanac, whose facts hold the SnapshotIndex.
  it('nothing of the library keeps the snapshot alive', async () => {
    const dir = new URL('../../snapshots/scenarios/ack-flannel-after-manual-upgrade', import.meta.url).pathname;
    const ref = await analysedOnce(dir);
    for (let i = 0; i < 5 && ref.deref() !== undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
    }
    expect(ref.deref()).toBeUndefined();
  });
});
