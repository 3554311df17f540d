/** Fills `{{name}}` placeholders; a missing value renders as `?` rather than throwing. */
export function renderMessage(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = data[name];
    if (value === undefined || value === null) return '?';
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
