// Dual stack: IP families of Services, pods and listeners.
import type { Fact } from '../define.js';
import { dualStack } from './dual-stack.js';
import { dualStackListeners } from './dual-stack-listeners.js';
import { ipv4OnlyPods } from './ipv4-only-pods.js';
import { singleStackServices } from './single-stack-services.js';

export const dualStackFacts = [
  dualStack,
  dualStackListeners,
  ipv4OnlyPods,
  singleStackServices,
] as Fact[];
