// Masquerading: ip-masq-agent NonMasqueradeCIDRs coverage.
import type { Fact } from '../define.js';
import { ipMasqAgentCoverage } from './ip-masq-agent-coverage.js';
import { ipMasqAgentPeerCoverage } from './ip-masq-agent-peer-coverage.js';

export const masqueradeFacts = [
  ipMasqAgentCoverage,
  ipMasqAgentPeerCoverage,
] as Fact[];
