import type { RuleDefinition } from '../catalog/rule-schema.js';
import type { Report } from '../findings/schema.js';
import { formatHtml } from '../reporters/html.js';
import { formatJson } from '../reporters/json.js';
import { formatJunit } from '../reporters/junit.js';
import { formatMarkdown } from '../reporters/markdown.js';
import { formatSarif } from '../reporters/sarif.js';
import { formatText } from '../reporters/text.js';

export interface FormatContext {
  color: boolean;
  remediation: boolean;
  /** SARIF: the snapshot directory relative to the working directory, so locations point at repository files. */
  sarifPathPrefix?: string | undefined;
  /** SARIF: the rules that ran (built-in and --rules), listed in tool.driver.rules. */
  rules?: readonly RuleDefinition[] | undefined;
  /** SARIF: tool.driver.version. */
  toolVersion?: string | undefined;
}

/** `analyze --format` values: each a pure reporter from the library. */
export const formats = {
  text: (report: Report, context: FormatContext) => formatText(report, context),
  json: (report: Report) => formatJson(report),
  sarif: (report: Report, context: FormatContext) =>
    formatSarif(report, {
      ...(context.sarifPathPrefix ? { pathPrefix: context.sarifPathPrefix } : {}),
      ...(context.rules ? { rules: context.rules } : {}),
      ...(context.toolVersion ? { toolVersion: context.toolVersion } : {}),
    }),
  junit: (report: Report) => formatJunit(report),
  markdown: (report: Report) => formatMarkdown(report),
  html: (report: Report) => formatHtml(report),
} satisfies Record<string, (report: Report, context: FormatContext) => string>;

export type FormatName = keyof typeof formats;
export const formatNames = Object.keys(formats) as FormatName[];
