// Windows nodes: HNS networks and endpoints, CNI ExceptionList, SourceVip.
import type { Fact } from '../define.js';
import { windowsExceptionList } from './windows-exception-list.js';
import { windowsHnsNetworks } from './windows-hns-networks.js';

export const windowsFacts = [
  windowsExceptionList,
  windowsHnsNetworks,
] as Fact[];
