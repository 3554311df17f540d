import type { Report } from '../findings/schema.js';
import { formatJson } from '../reporters/json.js';
import { formatText } from '../reporters/text.js';

export interface FormatContext {
  color: boolean;
  remediation: boolean;
}

/** `analyze --format` values: each a pure reporter from the library. */
export const formats = {
  text: (report: Report, context: FormatContext) => formatText(report, context),
  json: (report: Report) => formatJson(report),
} satisfies Record<string, (report: Report, context: FormatContext) => string>;

export type FormatName = keyof typeof formats;
export const formatNames = Object.keys(formats) as FormatName[];
