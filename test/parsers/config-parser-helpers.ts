import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../src/diagnostics.js';

/** A recorded sample from test/fixtures/outputs/<command>/<name>. */
export function readFixture(command: string, name: string): string {
  return readFileSync(new URL(`../fixtures/outputs/${command}/${name}`, import.meta.url), 'utf8');
}

/** Diagnostics reduced to what tests pin down: severity, code and line. */
export function brief(diagnostics: Diagnostic[]): { severity: string; code: string; line: number | undefined }[] {
  return diagnostics.map(({ severity, code, line }) => ({ severity, code, line }));
}
