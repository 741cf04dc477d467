import type { Rule } from '../../rule';

export const tableRules: readonly Rule[] = [];
