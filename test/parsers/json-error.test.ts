import { describe, expect, it } from 'vitest';
import { parseStructured } from '../../src/parsers/structured-text.js';
import { jsonSyntaxError } from '../../src/parsers/json-error.js';

describe('jsonSyntaxError', () => {
  it('is undefined for valid JSON', () => expect(jsonSyntaxError('{"a": [1]}')).toBeUndefined());

  it.each([
    ['{"kind":"List",\n"items":[\n', { message: 'unexpected end of JSON input', line: 2 }],
    ['{"a":[1,2', { message: "unexpected end of JSON input (expected ',' or ']' after array element)", line: 1 }],
    ['{"a":[1 2]}', { message: "expected ',' or ']' after array element", line: 1 }],
    ['{\n"a": 1,\n}', { message: 'expected double-quoted property name', line: 3 }],
    ['{"password": hunter2}', { message: 'unexpected character', line: undefined }],
    ['{"a": 1}\n{"b": 2}', { message: 'unexpected content after the end of the JSON document', line: 2 }],
  ])('%j → %j', (text, expected) => expect(jsonSyntaxError(text)).toEqual(expected));

  it('never quotes the input', () => expect(JSON.stringify(jsonSyntaxError('{"token": s3cr3t-value }'))).not.toContain('s3cr3t'));
});

describe('parseStructured on a file named .json', () => {
  it("reports JSON's words, not the YAML reader's", () => {
    const { diagnostics } = parseStructured('{"kind":"List","items":[{"kind":"Pod",\n', { file: 'pods.json' });
    expect(diagnostics).toEqual([{ severity: 'error', code: 'syntax', message: 'invalid JSON: unexpected end of JSON input (expected double-quoted property name)', file: 'pods.json', line: 1 }]);
  });
  it('keeps the YAML words for YAML files', () => {
    const { diagnostics } = parseStructured('a: [\n', { file: 'pods.yaml' });
    expect(diagnostics[0]!.message).toMatch(/^BAD_INDENT/);
  });
});
