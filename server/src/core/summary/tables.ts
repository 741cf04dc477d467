/**
 * The three statistics tables in the standard layout (rows and columns of the format template),
 * whoever filled them: one report, or the sum of many. Values are exact decimal strings.
 */
import type { FormatTemplate } from '../format/template';
import type { Range } from '../model';
import type { Msg } from '../rule';
import { decEq, decSum, type Dec } from './decimal';

export interface SCell {
  /** The value, or null when the cell is not a number (blank, invalid, or absent from the report). */
  v: Dec | null;
  kind: 'number' | 'blank' | 'invalid' | 'missing';
  /** Where the cell is in its report (single-report summaries only). */
  range?: Range;
}

export interface SRow {
  key: string;
  label: string;
  /** Row group key (三, 三.3 …) for the standard form's merged label cells. */
  group?: string;
  cells: SCell[];
  /** A 2021 report wrote （六）其他处理 as one row: this row stands for 三.6.1–三.6.3. */
  collapsed?: boolean;
}

export interface SBlock {
  key: string;
  label: string;
  unit: string;
  decimals: boolean;
  columns: { key: string; label: string }[];
  rows: SRow[];
}

export interface Check {
  kind: 'rowTotal' | 'columnTotal' | 'balance' | 'groupTotal';
  table: 't3' | 't4';
  /** The cell the check lands on: a 表三 row key and column index, or 表四 cell index with row ''. */
  row: string;
  col: number;
  /** null when a part is not a number, so the check cannot be made. */
  ok: boolean | null;
  name: Msg;
  /** The equation with the numbers, e.g. `72+64+178+37 = 351`, or `10+1 = 11 ≠ 0`. */
  equation: string;
}

export interface SummaryTables {
  format: '2021' | '2019';
  t2: { blocks: SBlock[] };
  t3: { columns: { key: string; label: string }[]; columnGroups: string[]; rowGroups: { key: string; label: string }[]; note: string; rows: SRow[] };
  t4: { groups: { key: string; label: string }[]; columns: { key: string; label: string }[]; cells: SCell[] };
  checks: Check[];
}

export const MISSING: SCell = { v: null, kind: 'missing' };

/** The collapsible row group of 表三 (2021 has 三.6.1–3, 2019 one row 三.6). */
export const COLLAPSED_GROUP = '三.6';

/** Empty tables in a template's standard layout (every cell missing). */
export function emptyTables(t: FormatTemplate): SummaryTables {
  const blank = (n: number) => Array.from({ length: n }, () => MISSING);
  return {
    format: t.id,
    t2: {
      blocks: t.table2.blocks.map((b) => ({
        key: b.key,
        label: b.label,
        unit: b.unit,
        decimals: b.decimals,
        columns: b.columns.map((c) => ({ key: c.key, label: c.label })),
        rows: b.rows.map((r) => ({ key: `${b.key}/${r.key}`, label: r.label, cells: blank(b.columns.length) })),
      })),
    },
    t3: {
      columns: t.table3.columns.map((c) => ({ key: c.key, label: c.label })),
      columnGroups: t.table3.columnGroups,
      rowGroups: t.table3.rowGroups,
      note: t.table3.note,
      rows: t.table3.rows.map((r) => ({ key: r.key, label: r.label, group: r.group, cells: blank(t.table3.columns.length) })),
    },
    t4: {
      groups: t.table4.groups.map((g) => ({ key: g.key, label: g.label })),
      columns: t.table4.columns.map((c) => ({ key: c.key, label: c.label })),
      cells: blank(t.table4.groups.length * t.table4.columns.length),
    },
    checks: [],
  };
}

/** Insert the one-row （六）其他处理 before its sub-rows (2021 layout). */
export function addCollapsedRow(tables: SummaryTables, t: FormatTemplate, cells: SCell[]): void {
  const rows = tables.t3.rows;
  if (rows.some((r) => r.key === COLLAPSED_GROUP)) return;
  const at = rows.findIndex((r) => r.key.startsWith(COLLAPSED_GROUP + '.'));
  if (at < 0) return;
  const g = t.table3.rowGroups.find((x) => x.key === COLLAPSED_GROUP);
  rows.splice(at, 0, { key: COLLAPSED_GROUP, label: g?.label ?? '（六）其他处理', group: '三', cells, collapsed: true });
}

const val = (c: SCell | undefined) => (c && c.v !== null ? c.v : undefined);

/** Short form of a sum for an equation: the non-zero parts, or 0 (a column's 19 terms, as table-column-total writes them). */
function sumText(values: Dec[]): string {
  const nz = values.filter((v) => !decEq(v, '0'));
  return nz.length ? nz.join('+') : '0';
}

/**
 * The equation in the diagnostics' notation (table-row-total, table-column-total, 表四): the stated
 * total first, then the parts and their sum — `3120 ≠ 3001+53+61+4+0+0 = 3119`; `5 = 2+3` when it holds.
 */
function equation(parts: Dec[], stated: Dec, short: boolean): { ok: boolean; equation: string } {
  const sum = decSum(parts);
  const ok = decEq(sum, stated);
  const terms = short ? sumText(parts) : parts.join('+');
  return { ok, equation: ok ? `${stated} = ${terms}` : `${stated} ≠ ${terms} = ${sum}` };
}

/** Every 勾稽关系 of the template, recomputed on these tables. */
export function computeChecks(tables: SummaryTables, t: FormatTemplate): Check[] {
  const checks: Check[] = [];
  const t3 = tables.t3;
  const byKey = new Map(t3.rows.map((r) => [r.key, r]));
  const cols = t3.columns;
  const { rowTotal, columnTotal, balance } = t.table3.checks;
  const totalCol = cols.findIndex((c) => c.key === rowTotal.total);
  const partCols = rowTotal.parts.map((k) => cols.findIndex((c) => c.key === k));
  for (const row of t3.rows) {
    const stated = val(row.cells[totalCol]);
    const parts = partCols.map((i) => val(row.cells[i]));
    if (row.cells.every((c) => c.kind === 'missing')) continue;
    const name = { zh: `表三“${shortLabel(row.label)}”行：总计 = 各类申请人之和`, en: `Table 3 row “${shortLabel(row.label)}”: total = sum of the applicant columns` };
    checks.push(make('rowTotal', 't3', row.key, totalCol, name, parts, stated));
  }
  // a collapsed （六） row stands for its sub-rows
  const collapsed = byKey.get(COLLAPSED_GROUP)?.collapsed;
  const partKeys: string[] = [];
  for (const k of columnTotal.parts) {
    const key = collapsed && k.startsWith(COLLAPSED_GROUP + '.') ? COLLAPSED_GROUP : k;
    if (!partKeys.includes(key)) partKeys.push(key);
  }
  for (let c = 0; c < cols.length; c++) {
    const name = { zh: `表三“${cols[c]!.label}”列：（七）总计 = 各项办理结果之和`, en: `Table 3 column “${cols[c]!.label}”: (7) total = sum of the results` };
    checks.push(make('columnTotal', 't3', columnTotal.total, c, name, partKeys.map((k) => val(byKey.get(k)?.cells[c])), val(byKey.get(columnTotal.total)?.cells[c])));
  }
  for (let c = 0; c < cols.length; c++) {
    const lhs = balance.lhs.map((k) => val(byKey.get(k)?.cells[c]));
    const rhs = balance.rhs.map((k) => val(byKey.get(k)?.cells[c]));
    const name = { zh: `表三“${cols[c]!.label}”列：一 + 二 = （七）总计 + 四`, en: `Table 3 column “${cols[c]!.label}”: 1 + 2 = (7) total + 4` };
    // marked where the table-balance rule points (本年新收), not on a total that may be right
    const target = balance.lhs[0]!;
    if ([...lhs, ...rhs].some((v) => v === undefined)) {
      checks.push({ kind: 'balance', table: 't3', row: target, col: c, ok: null, name, equation: '?' });
      continue;
    }
    const l = decSum(lhs as Dec[]);
    const r = decSum(rhs as Dec[]);
    const ok = decEq(l, r);
    // as table-balance says it: 本年新收 + 上年结转 = a, 办理结果总计 + 结转下年度 = b
    checks.push({ kind: 'balance', table: 't3', row: target, col: c, ok, name, equation: `${(lhs as Dec[]).join('+')} = ${l} ${ok ? '=' : '≠'} ${(rhs as Dec[]).join('+')} = ${r}` });
  }
  const per = t.table4.columns.length;
  const gt = t.table4.checks.groupTotal;
  const totalIdx = t.table4.columns.findIndex((c) => c.key === gt.total);
  const partIdx = gt.parts.map((k) => t.table4.columns.findIndex((c) => c.key === k));
  t.table4.groups.forEach((g, gi) => {
    const cells = tables.t4.cells;
    if (cells.every((c) => c.kind === 'missing')) return;
    const name = { zh: `表四“${g.label}”：总计 = 维持 + 纠正 + 其他 + 尚未审结`, en: `Table 4 “${g.label}”: total = upheld + corrected + other + pending` };
    checks.push(make('groupTotal', 't4', '', gi * per + totalIdx, name, partIdx.map((i) => val(cells[gi * per + i])), val(cells[gi * per + totalIdx])));
  });
  return checks;
}

function make(kind: Check['kind'], table: Check['table'], row: string, col: number, name: Msg, parts: (Dec | undefined)[], stated: Dec | undefined): Check {
  if (stated === undefined || parts.some((p) => p === undefined)) return { kind, table, row, col, ok: null, name, equation: '?' };
  return { kind, table, row, col, name, ...equation(parts as Dec[], stated, kind === 'columnTotal') };
}

export function shortLabel(label: string): string {
  return label.replace(/（区分处理的.*$/, '');
}

/** A row named as the standard form names it, for messages: 表三“（五）不予处理 4.无正当理由大量反复申请”. */
export function rowName(t: SummaryTables, key: string): Msg {
  if (key === 'table4') return { zh: '表四', en: 'table 4' };
  const r3 = t.t3.rows.find((r) => r.key === key);
  if (r3) {
    const group = r3.group?.includes('.') ? t.t3.rowGroups.find((g) => g.key === r3.group)?.label : undefined;
    const label = group ? `${group} ${r3.label}` : r3.label;
    return { zh: `表三“${label}”`, en: `table 3 “${label}”` };
  }
  for (const b of t.t2.blocks) {
    const r2 = b.rows.find((r) => r.key === key);
    if (r2) return { zh: `表二“${b.label}”的“${r2.label}”`, en: `table 2 “${b.label}”, “${r2.label}”` };
  }
  const g = t.t3.rowGroups.find((x) => x.key === key);
  return g ? { zh: `表三“${g.label}”`, en: `table 3 “${g.label}”` } : { zh: key, en: key };
}
