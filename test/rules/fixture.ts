import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';

/** Path of a rule fixture snapshot: snapshots/rules/<rule-id>/<case>. */
export const fixture = (ruleId: string, name: string) => new URL(`../../snapshots/rules/${ruleId}/${name}`, import.meta.url).pathname;

export const ruleTester = new RuleTester({ describe, it });
