// Known log lines and events.
import type { Fact } from '../define.js';
import { nodeLogMessages } from './node-log-messages.js';

export const logsFacts = [
  nodeLogMessages,
] as Fact[];
