import type { Rule } from '../../rule';

export const proseRules: readonly Rule[] = [];
