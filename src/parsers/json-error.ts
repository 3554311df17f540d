/**
 * Why `text` is not JSON, in JSON's words (the native parser's), with the line —
 * for files named .json, whose readers should not hear the YAML reader's
 * "BAD_INDENT: Flow map in block collection". Never quotes the input: V8 may put
 * a snippet of the text in its message, which could hold a secret.
 * Undefined when the text is valid JSON.
 */
export function jsonSyntaxError(text: string): { message: string; line: number | undefined } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const raw = (error as Error).message;
    const position = /at position (\d+)/.exec(raw)?.[1];
    const at = position !== undefined ? Number(position) : /end of JSON input/i.test(raw) ? text.length : undefined;
    let message = (raw.split(/, (?=[".])/)[0] ?? raw)
      .replace(/^Unexpected token '.*?'$/s, 'Unexpected character')
      .replace(/ (in JSON )?at position \d+.*$/s, '')
      .replace(/^Unexpected non-whitespace character after JSON$/, 'Unexpected content after the end of the JSON document');
    // A truncated file often fails on what was expected next; say first that it ends too early.
    if (at !== undefined && at >= text.trimEnd().length && !/end of JSON input/i.test(message)) message = `Unexpected end of JSON input (${message.charAt(0).toLowerCase()}${message.slice(1)})`;
    return {
      message: message.charAt(0).toLowerCase() + message.slice(1),
      line: at === undefined ? undefined : lineAt(text, at),
    };
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  // Trailing newlines at the end of a truncated file: the problem is on the last line with content.
  if (offset >= text.length) line -= /\n*$/.exec(text)![0].length;
  return Math.max(line, 1);
}
