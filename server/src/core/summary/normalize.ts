/**
 * One report's summary: its tables read out of whatever layout it used into the standard
 * layout, every 勾稽关系 recomputed, and its lint problems grouped by rule.
 */
import type { Cell, FormatVersion, Range, Report, TableRow } from '../model';
import type { Diagnostic, Msg, Severity } from '../rule';
import type { ResolvedConfig } from '../config';
import { lint, type LintResult } from '../lint';
import { templateFor, type FormatTemplate } from '../format/template';
import { LineIndex } from '../position';
import { decOf } from './decimal';
import { addCollapsedRow, COLLAPSED_GROUP, computeChecks, emptyTables, MISSING, rowName, type SCell, type SummaryTables } from './tables';

export interface RuleProblems {
  ruleId: string;
  errors: number;
  warnings: number;
  infos: number;
  /** Each problem; `line` is 1-based. */
  items: { severity: Severity; message: Msg; range: Range; line: number }[];
}

export interface NormalizedReport {
  title?: string;
  agency?: string;
  year?: number;
  format: FormatVersion;
  isReport: boolean;
  /** The tables in the standard layout (absent tables give missing cells). */
  tables: SummaryTables;
  /** Why the tables cannot be summed (a table missing or partly unreadable); empty when they can. */
  unreadable: Msg[];
  /** Rows the parser did not find, counted as missing cells. */
  missingRows: string[];
  problems: RuleProblems[];
  errorCount: number;
  warningCount: number;
}

export function summarizeText(text: string, config?: ResolvedConfig): NormalizedReport {
  return normalizeReport(lint(text, config));
}

export function normalizeReport(result: LintResult): NormalizedReport {
  const report = result.report;
  const template = templateFor(report.format);
  const tables = readTables(report, template);
  return {
    title: report.title?.text.replace(/\s+/g, ''),
    agency: report.agency?.text.replace(/\s+/g, ''),
    year: report.year?.value,
    format: report.format,
    isReport: result.isReport,
    tables,
    unreadable: unreadableReasons(report, tables),
    missingRows: [...(report.table2?.missingRows ?? []), ...(report.table3?.missingRows ?? []), ...(report.table4?.missingRows ?? [])],
    problems: byRule(result.diagnostics, new LineIndex(report.text)),
    errorCount: result.diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: result.diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

function cellOf(c: Cell | undefined): SCell {
  if (!c) return MISSING;
  const v = c.kind === 'number' && c.value !== null ? decOf(c.value) : null;
  return { v, kind: v === null ? (c.kind === 'number' ? 'invalid' : c.kind) : 'number', range: c.range };
}

export function readTables(report: Report, t: FormatTemplate): SummaryTables {
  const tables = emptyTables(t);
  for (const block of tables.t2.blocks) {
    const found = report.table2?.blocks.find((b) => b.key === block.key);
    for (const row of block.rows) {
      const r = found?.rows.find((x) => x.key === row.key);
      if (r) row.cells = row.cells.map((_, i) => cellOf(r.cells[i]));
    }
  }
  const t3 = report.table3;
  if (t3) {
    for (const row of tables.t3.rows) {
      const r = t3.rows.find((x) => x.key === row.key);
      if (r) row.cells = row.cells.map((_, i) => cellOf(r.cells[i]));
    }
    const collapsed = t3.rows.find((x) => x.key === COLLAPSED_GROUP);
    if (collapsed && !t.table3.rows.some((r) => r.key === COLLAPSED_GROUP)) {
      addCollapsedRow(tables, t, tables.t3.columns.map((_, i) => cellOf(collapsed.cells[i])));
    }
  }
  if (report.table4) tables.t4.cells = tables.t4.cells.map((_, i) => cellOf(report.table4!.cells[i]));
  tables.checks = computeChecks(tables, t);
  return tables;
}

const TABLE_NAMES = { table2: '表二', table3: '表三', table4: '表四' } as const;

function unreadableReasons(report: Report, tables: SummaryTables): Msg[] {
  const out: Msg[] = [];
  for (const key of ['table2', 'table3', 'table4'] as const) {
    const table = report[key];
    const zh = TABLE_NAMES[key];
    const en = `table ${key.slice(-1)}`;
    if (!table) out.push({ zh: `${zh}缺失或未能识别`, en: `${en} is missing or not recognised` });
    else if (table.unreadable.length) {
      const rows = key === 'table2' ? report.table2!.blocks.flatMap((b) => b.rows) : key === 'table3' ? report.table3!.rows : [];
      const why = table.unreadable.map((u) => unreadableReason(report.text, u.range, rows, key === 'table4' ? 'table4' : undefined, tables) ?? u.reason);
      out.push({ zh: `${zh}有无法识别的部分：${why.map((u) => u.zh).join('；')}`, en: `${en} is partly unreadable: ${why.map((u) => u.en).join('; ')}` });
    }
  }
  return out;
}

/** Which row an unreadable place is in (the last label before it) and what is wrong there: a word, or numbers that do not fit the cells. */
function unreadableReason(text: string, range: Range, rows: TableRow[], key: string | undefined, tables: SummaryTables): Msg | undefined {
  const label = rows.filter((r) => r.label.range.start <= range.start).sort((a, b) => b.label.range.start - a.label.range.start)[0];
  const row = key ?? label?.key;
  if (!row) return undefined;
  const name = rowName(tables, row);
  // what was written after the row's label (a word there splits the numbers), cells kept apart; web-page markup dropped
  const from = label && range.start - label.label.range.end < 400 ? label.label.range.end : range.start;
  const cells = text
    .slice(from, Math.min(range.end, from + 400))
    .replace(/<\/?t[dh]\b[^>]*>/gi, '\t')
    .replace(/<[^>]*>/g, ' ')
    .split(/[\t\n|｜]+/)
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const word = cells.find((c) => /[^\d.,，、\/／\-—–－ ]/.test(c));
  if (word) return { zh: `${name.zh}一行的“${word}”不是数字`, en: `${name.en}: “${word}” is not a number` };
  const shown = cells.join(' | ');
  const width = row === 'table4' ? tables.t4.cells.length : (tables.t3.rows.find((r) => r.key === row) ?? tables.t2.blocks.flatMap((b) => b.rows).find((r) => r.key === row))?.cells.length ?? 0;
  const spaced = cells.find((c) => c.includes(' '));
  const count = cells.length;
  const why: Msg = spaced
    ? { zh: `“${spaced}”中间有空格`, en: `“${spaced}” has a space inside` }
    : count < width && !cells.some((c) => c.length > 4)
      ? { zh: `只有 ${count} 个数，应有 ${width} 个`, en: `${count} numbers where ${width} belong` }
      : count > width
        ? { zh: `有 ${count} 个数，应有 ${width} 个`, en: `${count} numbers where ${width} belong` }
        : { zh: '数字连在一起，无法唯一拆分', en: 'the digits run together and cannot be split in one way only' };
  return { zh: `${name.zh}一行的数字“${shown}”无法对应到各单元格：${why.zh}`, en: `${name.en}: the numbers “${shown}” cannot be assigned to its cells: ${why.en}` };
}

function byRule(diagnostics: readonly Diagnostic[], lines: LineIndex): RuleProblems[] {
  const map = new Map<string, RuleProblems>();
  for (const d of diagnostics) {
    let p = map.get(d.ruleId);
    if (!p) map.set(d.ruleId, (p = { ruleId: d.ruleId, errors: 0, warnings: 0, infos: 0, items: [] }));
    if (d.severity === 'error') p.errors++;
    else if (d.severity === 'warning') p.warnings++;
    else p.infos++;
    p.items.push({ severity: d.severity, message: d.message, range: d.range, line: lines.position(d.range.start).line + 1 });
  }
  return [...map.values()].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.ruleId.localeCompare(b.ruleId));
}
