/** Shared helpers of the table rules: finding rows and cells, naming them, writing equations. */
import type { Cell, Range, RequestsTable, TableRow } from '../../model';
import type { FormatTemplate } from '../../format/template';
import type { Msg, Related } from '../../rule';

export function t3Row(t3: RequestsTable, key: string): TableRow | undefined {
  return t3.rows.find((r) => r.key === key);
}

/** The value of a cell, or undefined when it is not a valid number. */
export function val(c: Cell | undefined): number | undefined {
  return c && c.kind === 'number' && c.value !== null ? c.value : undefined;
}

/** The parts' values when every one is a valid number. */
export function allValues(cells: (Cell | undefined)[]): number[] | undefined {
  const out: number[] = [];
  for (const c of cells) {
    const v = val(c);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

export function sumOf(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function t3ColumnLabel(t: FormatTemplate, col: number): string {
  return t.table3.columns[col]?.label ?? String(col + 1);
}

export function t3RowLabel(t: FormatTemplate, key: string): string {
  return t.table3.rows.find((r) => r.key === key)?.label ?? t.table3.rowGroups.find((g) => g.key === key)?.label ?? key;
}

/** Short name of a 表三 row for messages: the label up to its first bracketed note. */
export function shortRowLabel(label: string): string {
  return label.replace(/（区分处理的.*$/, '');
}

export function t4CellName(t: FormatTemplate, index: number): Msg {
  const per = t.table4.columns.length;
  const g = t.table4.groups[Math.floor(index / per)]!;
  const c = t.table4.columns[index % per]!;
  return { zh: `${g.label}·${c.label}`, en: `${g.label} · ${c.label}` };
}

/** A cell's range is precise unless it was recovered from digits run together (shared range). */
export function editable(c: Cell | undefined): c is Cell {
  return !!c && !c.recovered && c.kind === 'number';
}

export function related(range: Range, zh: string, en: string = zh): Related {
  return { range, message: { zh, en } };
}

/** `3+0+0` for the equation in a message. */
export function plus(values: number[]): string {
  return values.map(String).join('+');
}

/**
 * The part rows of 表三 （七）总计, per the template; a 2021 report may write （六） as one
 * collapsed row, which then stands for its sub-rows. Undefined when a part is missing.
 */
export function columnTotalParts(t3: RequestsTable, t: FormatTemplate): { total: TableRow; parts: TableRow[] } | undefined {
  const spec = t.table3.checks.columnTotal;
  const byKey = new Map(t3.rows.map((r) => [r.key, r]));
  const total = byKey.get(spec.total);
  if (!total) return undefined;
  const parts: TableRow[] = [];
  const taken = new Set<string>();
  for (const key of spec.parts) {
    const row = byKey.get(key);
    if (row) {
      parts.push(row);
      continue;
    }
    const group = key.split('.').slice(0, 2).join('.');
    const collapsed = byKey.get(group);
    if (!collapsed || collapsed.key === key) return undefined;
    if (!taken.has(group)) parts.push(collapsed);
    taken.add(group);
  }
  return { total, parts };
}

/**
 * The cell （七）总计 / 总计 is set by both table-row-total and table-column-total. When the
 * row's parts and the column's parts give different sums, neither fix may be applied without
 * asking: each would undo the other (fix-all would never settle). True when `sum` (one rule's
 * value) agrees with the other rule's, or the other cannot be computed.
 */
export function cornerFixAgrees(t3: RequestsTable, t: FormatTemplate, sum: number): boolean {
  const totalCol = t.table3.columns.findIndex((c) => c.key === t.table3.checks.rowTotal.total);
  const found = columnTotalParts(t3, t);
  if (!found) return true;
  const rowParts = allValues(t.table3.checks.rowTotal.parts.map((k) => found.total.cells[t.table3.columns.findIndex((c) => c.key === k)]));
  const colParts = allValues(found.parts.map((r) => r.cells[totalCol]));
  if (!rowParts || !colParts) return true;
  return sumOf(rowParts) === sum && sumOf(colParts) === sum;
}

/** True when `row`/`col` is the 表三 cell both totals set. */
export function isT3Corner(t: FormatTemplate, rowKey: string, col: number): boolean {
  return rowKey === t.table3.checks.columnTotal.total && col === t.table3.columns.findIndex((c) => c.key === t.table3.checks.rowTotal.total);
}
