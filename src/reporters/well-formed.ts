const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with every lone UTF-16 surrogate replaced by U+FFFD, so it can be URI-encoded and written as UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, '\ufffd');
}
