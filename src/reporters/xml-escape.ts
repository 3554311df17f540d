import { wellFormed } from './well-formed.js';

// Characters XML 1.0 does not allow at all, even as references (C0 controls but tab, LF, CR; U+FFFE, U+FFFF).
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const whitespaceRefs: Record<string, string> = { '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Text made safe for XML 1.0 element content or a quoted attribute value: markup characters become
 * entities, characters XML cannot carry are written out as `\u001b` (so nothing is silently lost),
 * lone surrogates become U+FFFD. In attributes, tab / newline / CR become character references so
 * that attribute-value normalisation keeps them.
 */
export function escapeXml(text: string, context: 'text' | 'attribute' = 'text'): string {
  const safe = wellFormed(text)
    .replace(forbidden, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[&<>"']/g, (c) => entities[c]!);
  return context === 'attribute' ? safe.replace(/[\t\n\r]/g, (c) => whitespaceRefs[c]!) : safe;
}
