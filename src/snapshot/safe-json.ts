/** JSON.parse of a text, or undefined when it is not JSON (the caller reads what it can, or nothing). */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
