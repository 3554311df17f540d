export type { IpFamily, ParsedAddress, ParsedCidr } from './block.js';
export { cidrContains, cidrsOverlap, mergeCidrs, subtractCidrs, uncoveredCidrs } from './algebra.js';
export { normalizeAddress, normalizeCidr } from './format.js';
export { cidrFamily, parseAddress, parseCidr } from './parse.js';
export { firstAddress, lastAddress, rangeSize, rangeToCidrs } from './range.js';
export { cidrPosition, commonSupernet } from './position.js';
export { cidrSize, usableAddresses } from './size.js';
export {
  type SafeParseAddressResult,
  type SafeParseCidrResult,
  familyIfValid,
  isValidAddress,
  isValidCidr,
  safeParseAddress,
  safeParseCidr,
} from './validate.js';
