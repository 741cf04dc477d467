/**
 * Hover on a table cell: which row and column it is and its value; on a total cell the
 * equation it must satisfy, with the numbers, and whether it holds.
 */
import type { Hover } from 'vscode-languageserver/node';
import { templateFor, type Cell, type FormatTemplate, type Locale, type Range, type Report, type TableRow } from '../core/index';
import { toLspRange } from './convert';
import type { DocState } from './linter';

interface Term {
  name: string;
  cell: Cell | undefined;
}

interface CellInfo {
  cell: Cell;
  table: string;
  row: string;
  column: string;
  /** For a total cell: the parts it must be the sum of. */
  parts?: Term[];
}

const within = (r: Range, offset: number) => offset >= r.start && (offset < r.end || (offset === r.end && r.end > r.start) || (r.start === r.end && offset === r.start));

function value(c: Cell | undefined): number | undefined {
  return c && c.kind === 'number' && c.value !== null ? c.value : undefined;
}

/** The cell at an offset, named from the template. */
export function cellAt(report: Report, offset: number, t: FormatTemplate = templateFor(report.format)): CellInfo | undefined {
  const t3 = report.table3;
  if (t3 && within(t3.range, offset)) {
    const totalCol = t.table3.columns.findIndex((c) => c.key === t.table3.checks.rowTotal.total);
    const partCols = t.table3.checks.rowTotal.parts.map((k) => t.table3.columns.findIndex((c) => c.key === k));
    const byKey = new Map(t3.rows.map((r) => [r.key, r]));
    for (const row of t3.rows) {
      for (let col = 0; col < row.cells.length; col++) {
        const cell = row.cells[col];
        if (!cell || !within(cell.range, offset)) continue;
        const info: CellInfo = { cell, table: '表三', row: row.label.standard, column: t.table3.columns[col]?.label ?? String(col + 1) };
        if (col === totalCol) info.parts = partCols.map((pc) => ({ name: t.table3.columns[pc]?.label ?? '', cell: row.cells[pc] }));
        else if (row.key === t.table3.checks.columnTotal.total) info.parts = columnParts(t, byKey, col);
        return info;
      }
    }
  }
  const t4 = report.table4;
  if (t4 && within(t4.range, offset)) {
    const per = t.table4.columns.length;
    const totalCol = t.table4.columns.findIndex((c) => c.key === t.table4.checks.groupTotal.total);
    const partCols = t.table4.checks.groupTotal.parts.map((k) => t.table4.columns.findIndex((c) => c.key === k));
    for (let i = 0; i < t4.cells.length; i++) {
      const cell = t4.cells[i];
      if (!cell || !within(cell.range, offset)) continue;
      const g = Math.floor(i / per);
      const col = i % per;
      const info: CellInfo = { cell, table: '表四', row: t.table4.groups[g]?.label ?? '', column: t.table4.columns[col]?.label ?? '' };
      if (col === totalCol) info.parts = partCols.map((pc) => ({ name: t.table4.columns[pc]?.label ?? '', cell: t4.cells[g * per + pc] }));
      return info;
    }
  }
  const t2 = report.table2;
  if (t2 && within(t2.range, offset)) {
    for (const b of t2.blocks) {
      const tb = t.table2.blocks.find((x) => x.key === b.key);
      for (const row of b.rows) {
        for (let col = 0; col < row.cells.length; col++) {
          const cell = row.cells[col];
          if (!cell || !within(cell.range, offset)) continue;
          const column = tb?.columns[col]?.label ?? b.columns[col] ?? String(col + 1);
          return { cell, table: `表二 ${b.label.standard}`, row: row.label.standard, column };
        }
      }
    }
  }
  return undefined;
}

/** The rows （七）总计 sums, in one column; a collapsed （六） row stands for its sub-rows. */
function columnParts(t: FormatTemplate, byKey: Map<string, TableRow>, col: number): Term[] {
  const out: Term[] = [];
  const seen = new Set<string>();
  for (const key of t.table3.checks.columnTotal.parts) {
    const row = byKey.get(key) ?? byKey.get(key.split('.').slice(0, 2).join('.'));
    if (!row) {
      out.push({ name: t.table3.rows.find((r) => r.key === key)?.label ?? key, cell: undefined });
      continue;
    }
    if (seen.has(row.key)) continue;
    seen.add(row.key);
    out.push({ name: row.label.standard, cell: row.cells[col] });
  }
  return out;
}

const shortName = (s: string) => s.replace(/（区分处理的.*$/, '');

/**
 * On a total, the first line is the equation with the cells' values, in the diagnostics' notation
 * (`总计 0 ≠ 10+1+0+0 = 11`), and by how much it is off; the place and the parts by name follow.
 */
export function hoverText(info: CellInfo, locale: Locale): string {
  const en = locale === 'en';
  const shown = info.cell.kind === 'blank' ? (en ? '(blank)' : '（空）') : info.cell.raw;
  const place = `**${info.table}** · ${shortName(info.row)} · ${info.column}`;
  if (!info.parts) return [place, '', `${en ? 'Value' : '数值'}: ${shown}`].join('\n');
  const total = value(info.cell);
  const values = info.parts.map((p) => value(p.cell));
  const known = values.every((v) => v !== undefined);
  const sum = known ? (values as number[]).reduce((a, b) => a + b, 0) : undefined;
  const shownPart = (p: Term, v: number | undefined) => (v !== undefined ? String(v) : p.cell ? `“${p.cell.raw}”` : '—');
  const plus = info.parts.map((p, i) => shownPart(p, values[i])).join('+');
  const word = en ? 'total' : '总计';
  let first: string;
  if (sum === undefined || total === undefined) {
    first = `${word} ${shown} = ${plus}${en ? ' (cannot be checked: a cell is not a number)' : '（有单元格不是数字，无法核对）'}`;
  } else if (sum === total) {
    first = `${word} ${total} = ${plus} ✓`;
  } else {
    const off = Math.abs(total - sum);
    const diff = en ? `(the total is ${off} ${total < sum ? 'short' : 'over'})` : `（总计${total < sum ? '少' : '多'} ${off}）`;
    first = `**${word} ${total} ≠ ${plus} = ${sum}**${en ? ' ' : ''}${diff} ✗`;
  }
  const terms = info.parts.map((p, i) => `${shortName(p.name)} ${shownPart(p, values[i])}`).join(' + ');
  const rule = en ? `The total must equal the sum of: ${terms}` : `总计应等于各项之和：${terms}`;
  return [first, '', place, '', rule].join('\n');
}

export function hover(state: DocState, offset: number): Hover | null {
  const report = state.result?.report;
  if (!report) return null;
  const info = cellAt(report, offset);
  if (!info) return null;
  return { contents: { kind: 'markdown', value: hoverText(info, state.docConfig.locale) }, range: toLspRange(state.index, info.cell.range) };
}
