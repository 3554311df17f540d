import type { Report } from '../findings/schema.js';

/** The report object as JSON (the schema is published as dist/schemas/report.json). */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
