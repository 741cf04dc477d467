/**
 * The rule registry. To add a rule: write one module in the group folder that default-exports
 * a `Rule`, list it in that folder's index.ts, add fixtures in test/, run `npm run docs`.
 */
import type { Rule } from '../rule';
import { structureRules } from './structure';
import { tableRules } from './table';
import { proseRules } from './prose';

export const ALL_RULES: readonly Rule[] = [...structureRules, ...tableRules, ...proseRules];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}

/** The web address of a rule's page (SARIF helpUri; the server links the packaged page when it has it). */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/nianbao-lint/nianbao-lint/blob/main/docs/rules/${id}.md`;
}
