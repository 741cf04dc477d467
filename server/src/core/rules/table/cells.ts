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

/** One of 表三's equations: the signed cells that must add up to 0. */
type Equation = { row: TableRow; col: number; sign: 1 | -1 }[];

/** Every equation of 表三 the template gives: each row's total, each column's （七）总计, each column's balance. */
function t3Equations(t3: RequestsTable, t: FormatTemplate): Equation[] {
  const { rowTotal, balance } = t.table3.checks;
  const col = (k: string) => t.table3.columns.findIndex((c) => c.key === k);
  const totalCol = col(rowTotal.total);
  const partCols = rowTotal.parts.map(col);
  const eqs: Equation[] = t3.rows.map((row) => [{ row, col: totalCol, sign: 1 }, ...partCols.map((c) => ({ row, col: c, sign: -1 as const }))]);
  const found = columnTotalParts(t3, t);
  const lhs = balance.lhs.map((k) => t3Row(t3, k));
  const rhs = balance.rhs.map((k) => t3Row(t3, k));
  const balanced = [...lhs, ...rhs].every((r) => r);
  for (let c = 0; c < t3.columns.length; c++) {
    if (found) eqs.push([{ row: found.total, col: c, sign: 1 }, ...found.parts.map((row) => ({ row, col: c, sign: -1 as const }))]);
    if (balanced) eqs.push([...lhs.map((row) => ({ row: row!, col: c, sign: 1 as const })), ...rhs.map((row) => ({ row: row!, col: c, sign: -1 as const }))]);
  }
  return eqs;
}

/**
 * Whether setting a 表三 total to `value` is certain enough for fix-all: with that value every
 * equation the cell is in holds, and there are at least two of them. One equation cannot tell
 * a wrong total from a wrong part (“1288→1289” in a part would make fix-all rewrite a correct
 * total, then its column's total, and break the balance); two that agree on the value can.
 * An equation with an unreadable cell leaves it uncertain.
 */
export function t3FixCertain(t3: RequestsTable, t: FormatTemplate, row: TableRow, col: number, value: number): boolean {
  let confirmed = 0;
  for (const eq of t3Equations(t3, t)) {
    if (!eq.some((x) => x.row === row && x.col === col)) continue;
    let s = 0;
    for (const x of eq) {
      const v = x.row === row && x.col === col ? value : val(x.row.cells[x.col]);
      if (v === undefined) return false;
      s += x.sign * v;
    }
    if (s !== 0) return false;
    confirmed++;
  }
  return confirmed >= 2;
}
