// One parser per command output or config file, grouped by where the output comes from
// (linux/, windows/, configs/, cluster/, cloud/, logs/); each is usable on its own:
//   import { parseIpvsadm } from 'kube-netdoctor';
//   const { value, diagnostics } = parseIpvsadm(text);
import type { Parser } from './define-parser.js';
import { cloudParsers } from './cloud/index.js';
import { clusterParsers } from './cluster/index.js';
import { configsParsers } from './configs/index.js';
import { linuxParsers } from './linux/index.js';
import { windowsParsers } from './windows/index.js';
import { logsParsers } from './logs/index.js';

export type { Parser, ParseOptions, ParseResult } from './define-parser.js';
export * from './cloud/index.js';
export * from './cluster/index.js';
export * from './configs/index.js';
export * from './linux/index.js';
export * from './windows/index.js';
export * from './logs/index.js';

/** Every text parser, in id order (docs/parsers.md is generated from this list). */
export const parsers: readonly Parser<unknown>[] = [...cloudParsers, ...clusterParsers, ...configsParsers, ...linuxParsers, ...windowsParsers, ...logsParsers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
