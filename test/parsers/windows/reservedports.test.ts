import { describe, expect, it } from 'vitest';
import { ReservedPortsValue, parseReservedports, reservedportsParser } from '../../../src/parsers/windows/reservedports.js';
import { sniffCommand } from '../../../src/snapshot/classify-file.js';
import { brief, readFixture } from '../config-parser-helpers.js';

const fixture = (name: string) => readFixture('reservedports', name);

describe('reservedports parser', () => {
  it('reads a healthy node: 10 of 10 reservations (CRLF)', () => {
    const { value, diagnostics } = parseReservedports(fixture('healthy.txt'));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual({ reserved: 10, attempted: 10, exhausted: false, reservedLine: 3, estimatedBlocks: 212, estimateLine: 1 });
    expect(ReservedPortsValue.parse(value)).toEqual(value);
  });

  it('reads an exhausted pool: the ERROR estimate and 0 reservations', () => {
    expect(parseReservedports(fixture('exhausted.txt'))).toEqual({
      value: { reserved: 0, attempted: 10, exhausted: true, reservedLine: 3, estimatedBlocks: 0, estimateLine: 1 },
      diagnostics: [],
    });
  });

  it('reads the older script\'s lines (no period, no blank line)', () => {
    expect(parseReservedports(fixture('older-script-partial.txt')).value).toEqual({
      reserved: 3,
      attempted: 10,
      exhausted: true,
      reservedLine: 2,
      estimatedBlocks: 4,
      estimateLine: 1,
    });
  });

  it('keeps the estimate when the reservation test failed, and says so', () => {
    const { value, diagnostics } = parseReservedports(fixture('broken-test-missing.txt'), { file: 'reservedports.txt' });
    expect(value).toEqual({ attempted: 10, estimatedBlocks: 212, estimateLine: 1 });
    expect(brief(diagnostics)).toEqual([
      { severity: 'warning', code: 'reservation-result-missing', line: undefined },
      { severity: 'warning', code: 'unrecognised-line', line: 3 },
    ]);
    expect(brief(parseReservedports('garbage\n').diagnostics)).toEqual([
      { severity: 'error', code: 'unrecognised-input', line: undefined },
      { severity: 'warning', code: 'unrecognised-line', line: 1 },
    ]);
  });

  it('is sniffed, and its example parses cleanly', () => {
    expect(sniffCommand(fixture('exhausted.txt'))).toBe('reservedports');
    expect(reservedportsParser.parse(reservedportsParser.example).diagnostics).toEqual([]);
  });
});
