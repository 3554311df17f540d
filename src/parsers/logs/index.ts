// Component logs: the known log lines of the documents, timestamps.
import type { Parser } from '../define-parser.js';
import { logLinesParser } from './log-lines.js';

export { parseLogLines, logLinesParser, type LogLinesValue } from './log-lines.js';

export const logsParsers = [logLinesParser] as readonly Parser<unknown>[];
