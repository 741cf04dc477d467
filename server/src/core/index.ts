/** The core's public surface, shared by the CLI and the language server. */
export * from './model';
export * from './rule';
export * from './config';
export { lint, looksLikeReport, type LintResult, type LintOptions } from './lint';
export { applyEdits, fixAllEdits } from './fix';
export { LineIndex } from './position';
export { parseReport } from './parse/parser';
export { ALL_RULES, findRule, ruleDocsUrl } from './rules';
export { FORMAT_2019, FORMAT_2021, templateFor, type FormatTemplate } from './format/template';
export * from './summary';
export { explain, explainText, type Explanation } from './explain';
export { relationsOf, evaluate, type Relation, type Evaluation, type CellRef } from './relations';
export * from './suppressions';
