import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/reporters/xml-escape.js';
import { hostile } from './scenario-reports.js';

describe('escapeXml', () => {
  it('escapes markup in text and attributes', () => {
    expect(escapeXml(`a < b && c > "d" 'e'`)).toBe('a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos;');
    expect(escapeXml(']]>')).toBe(']]&gt;');
  });

  it('writes characters XML 1.0 cannot carry as visible escapes, lone surrogates as U+FFFD', () => {
    expect(escapeXml('bell\u0007 nul\u0000 esc\u001b[31m')).toBe('bell\\u0007 nul\\u0000 esc\\u001b[31m');
    expect(escapeXml('x\ud800y \ud83d\ude00')).toBe('x\ufffdy \ud83d\ude00');
    expect(escapeXml('\ufffe\uffff')).toBe('\\ufffe\\uffff');
  });

  it('keeps tab, newline and CR: as they are in text, as references in attributes', () => {
    expect(escapeXml('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(escapeXml('a\tb\nc\rd', 'attribute')).toBe('a&#9;b&#10;c&#13;d');
  });

  it('hostile text survives a round trip through an XML parser, in content and in attributes', () => {
    const xml = `<r a="${escapeXml(hostile, 'attribute')}" b="${escapeXml('line1\nline2', 'attribute')}">${escapeXml(hostile)}</r>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true, trimValues: false }).parse(xml);
    const expected = hostile.replace('\u0000', '\\u0000').replace('\u0007', '\\u0007').replace('\u001b', '\\u001b').replace('\ud800', '\ufffd');
    expect(parsed.r['#text']).toBe(expected);
    expect(parsed.r['@_a']).toBe(expected);
    expect(parsed.r['@_b']).toBe('line1\nline2');
  });
});
