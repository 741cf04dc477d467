/** The summary tables (issue 5): one report normalised, many consolidated, and their renderings. */
export { normalizeReport, summarizeText, readTables, type NormalizedReport, type RuleProblems } from './normalize';
export { consolidate, headline, type Summary, type SummaryInput, type RosterRow, type Exclusion, type ExclusionReason, type CrossYearFinding, type Headline, type ConsolidateOptions } from './consolidate';
export { computeChecks, emptyTables, type Check, type SCell, type SRow, type SBlock, type SummaryTables } from './tables';
export { summarySheets, gridText, cellAt, type Sheet, type GridCell, type GridValue } from './sheets';
export { toMarkdown, toCsv, toTsv, toJson, escapeFormula } from './render';
export { sameAgency, normalizeAgency, canonicalAgency } from './agency';
export { decSum, decSub, decEq, decOf, type Dec } from './decimal';
