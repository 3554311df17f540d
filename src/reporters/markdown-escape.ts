import { wellFormed } from './well-formed.js';

const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Snapshot text made inert in GitHub Markdown: HTML characters become entities, Markdown
 * punctuation is backslash-escaped, `@` and `#` cannot ping a user or link an issue from a PR
 * comment, control characters are written out, and line breaks become `<br>` so that the text
 * stays inside one paragraph or table cell.
 */
export function escapeMarkdown(text: string): string {
  return wellFormed(text)
    .replace(controls, visible)
    .replace(/[\\`*_[\]()!|~{}]/g, (c) => `\\${c}`)
    // A list marker only counts at the start of a line; text never starts a line but here.
    .replace(/^(\d+)([.)])|^([-+])/, (_m, digits: string | undefined, mark: string | undefined, bullet: string | undefined) => (digits ? `${digits}\\${mark}` : `\\${bullet}`))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[@#]/g, (c) => `${c}<!-- -->`)
    // No autolink literal: it would take an escaped character after a URL (`\)`) into the link.
    .replace(/:\/\//g, ':<!-- -->//')
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/\t/g, ' ');
}

/** A fenced code block that no backtick run in `text` can close early. */
export function codeBlock(text: string, language = 'text'): string {
  const longest = Math.max(2, ...[...wellFormed(text).matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${wellFormed(text).replace(controls, visible)}\n${fence}`;
}
