/**
 * The in-repository copy of what tests and `npm run docs` need from the
 * project's source material in ../shared/ (which only this project's CI has):
 * the spec catalog, verbatim, and the heading lines of each source document —
 * not the documents' text. `npm run sync-sources` writes it; a test compares it
 * with ../shared/ when that is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedRoot } from './generated-sources.js';

/** Where the copy lives, relative to the repository. */
export const sourcesDir = 'docs/sources';
export const catalogCopy = `${sourcesDir}/catalog.md`;
export const headingsCopy = (key: string) => `${sourcesDir}/headings/${key}.txt`;

export const sharedPresent = (shared = sharedRoot) => existsSync(join(shared, 'spec', 'catalog.md'));

/** The catalog's "Source documents" table: each document's citation key and its file under seeds/. */
export function sourceDocuments(catalog: string): { key: string; file: string }[] {
  const out: { key: string; file: string }[] = [];
  for (const line of catalog.split('\n')) {
    const m = /^\| `(\w+)` \| (\S+\.txt) \|/.exec(line);
    if (m) out.push({ key: m[1]!, file: m[2]! });
  }
  return out;
}

/**
 * Every section the catalog's item tables name for one document, each part of
 * an `A / B` cell on its own (`same …` rows repeat the row above and add nothing).
 */
export function catalogSections(catalog: string, key: string): Set<string> {
  const sections = new Set<string>();
  let doc: string | undefined;
  for (const line of catalog.split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) doc = heading[1];
    if (doc !== key || !line.startsWith('| ')) continue;
    const cells = line.slice(1, -1).split(' | ').map((c) => c.trim());
    const section = cells[2] ?? '';
    if (!/^[a-z]+-[a-z0-9-]+$/.test(cells[0] ?? '') || section.startsWith('same')) continue;
    for (const part of section.split(' / ')) sections.add(part.trim());
  }
  return sections;
}

const CJK = /[\u3400-\u9fff]/;
/** List items, numbered steps, Markdown attributes, tables, HTML, quotes, code, paths, `key: value` front matter. */
const NOT_A_HEADING_START = /^(?:[-*•>|{}[\]()"'`$~\\/<]|\d+[.、)）]|[A-Za-z]:\\|[A-Za-z_]+:\s)/;
/** Sentences (`。`, `;`), lead-ins cut by the text dump (`…如下:`, `…，`), placeholders and markup (`<IP>`), command flags, shell comments. */
const NOT_A_HEADING = /[。;；<]|[：:，,、（(“"]$|\s--?[a-z]|\s#\s/;
const MAX_HEADING = 50;
const commas = (line: string) => line.split(/[,，]/).length - 1;

/**
 * The heading lines of a source document, in document order, each once, with
 * Markdown `#` marks removed. A line is kept when it is a Markdown (ATX)
 * heading, a section the spec catalog names for the document, or looks like
 * a heading of these plain-text dumps: at most 50 characters, holding CJK
 * text and at most one comma, not starting like a list item, table, markup or
 * code, holding no sentence end (`。`) and not ending like a lead-in (`：`, `，` …).
 * A few fragments of wrapped text pass too; what matters is that no heading is lost
 * (test/meta/source-copy.test.ts checks every section the catalog names).
 */
export function headingLines(document: string, named: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const raw of document.split('\n')) {
    const atx = /^#{1,6}\s+/.test(raw);
    const line = raw.replace(/^#+\s*/, '').trim();
    if (line === '') continue;
    const looksLikeOne =
      line.length <= MAX_HEADING && CJK.test(line) && commas(line) <= 1 && !NOT_A_HEADING_START.test(line) && !NOT_A_HEADING.test(line);
    if (atx || named.has(line) || looksLikeOne) out.add(line);
  }
  return [...out];
}

const headingsBanner = (key: string, file: string) =>
  `# Heading lines of the source document \`${key}\` (seeds/${file}), not its text: what rules may cite as\n` +
  '# `source.section`. Written by `npm run sync-sources` from ../shared/; do not edit.\n';

/** The copy as it should be, computed from a ../shared/ tree: repository path → content. */
export function expectedSourceCopy(shared = sharedRoot): Map<string, string> {
  const catalog = readFileSync(join(shared, 'spec', 'catalog.md'), 'utf8');
  const out = new Map<string, string>([[catalogCopy, catalog]]);
  for (const { key, file } of sourceDocuments(catalog)) {
    const document = readFileSync(join(shared, 'seeds', file), 'utf8');
    const lines = headingLines(document, catalogSections(catalog, key));
    out.set(headingsCopy(key), `${headingsBanner(key, file)}${lines.join('\n')}\n`);
  }
  return out;
}

/** The headings of one document, from the in-repository copy. */
export function sourceHeadings(key: string): Set<string> {
  const path = join(repoRoot, headingsCopy(key));
  if (!existsSync(path)) return new Set();
  return new Set(readFileSync(path, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('# ')));
}
