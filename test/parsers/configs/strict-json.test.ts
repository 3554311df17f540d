import { describe, expect, it } from 'vitest';
import { goDurationSeconds } from '../../../src/parsers/configs/go-json-values.js';
import { strictJsonProblem } from '../../../src/parsers/configs/strict-json.js';

describe('strictJsonProblem', () => {
  it('accepts strict JSON, including escapes, numbers and nesting', () => {
    expect(strictJsonProblem('{"a": [1, -2.5e3, true, null, "x\\"#y"], "b": {}}\n')).toBeUndefined();
    expect(strictJsonProblem('\r\n  "just a string"  ')).toBeUndefined();
  });

  it.each([
    ['{\n  "a": 1, # note\n}', 2, "a '#' comment"],
    ['{\n  "a": 1 // note\n}', 2, 'comment'],
    ['{\n  "a": [1,\n  ],\n}', 2, 'trailing comma'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 'missing comma'],
    ["{\n  'a': 1\n}", 2, 'key'],
    ['{\n  "a": yes\n}', 2, 'unquoted'],
    ['{"a" 1}', 1, 'missing colon'],
    ['{"a": 1}\n{"b": 2}', 2, 'after the end'],
    ['{"a": [1}', 1, 'does not match'],
    ['{"a": 1', 1, 'before every bracket'],
    ['{"a": "x\ny"}', 1, 'line break'],
    ['', 1, 'no JSON value'],
  ])('finds the problem in %j', (text, line, problem) => {
    const found = strictJsonProblem(text);
    expect(found?.line).toBe(line);
    expect(found?.problem).toContain(problem);
  });
});

describe('goDurationSeconds', () => {
  it.each([
    ['10s', 10],
    ['5m0s', 300],
    ['1h30m', 5400],
    ['250ms', 0.25],
    ['1.5h', 5400],
    ['0', 0],
    ['0s', 0],
    ['-2m', -120],
  ])('reads %s', (text, seconds) => expect(goDurationSeconds(text)).toBe(seconds));

  it.each(['10', '5 m', 'soon', '', '1d'])('rejects %j', (text) => expect(goDurationSeconds(text)).toBeUndefined());
});
