// The library never logs: any console output from library code is a bug.
// (zod's test setup does the same.)
import { beforeEach, vi } from 'vitest';

beforeEach(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`console.${method} called: ${args.map(String).join(' ')}`);
    });
  }
});
