/**
 * The 勾稽 relations of a format, derived from its template data (never written out by hand):
 * 表三's row totals (总计 = the six applicant columns), column totals (（七）总计 = the result
 * rows), the balance 一 + 二 = 三（七） + 四 per column, and 表四's group totals. Each relation is
 * `sum(lhs) = sum(rhs)` over cells named by table, row key and column index; `evaluate` gives
 * the two sides on a table's values. No LSP or node imports: the parser's solver, the rules, the
 * summary and the hover can all use it.
 */
import type { FormatTemplate } from '../format/template';

export type RelationKind = 'row' | 'column' | 'balance' | 'group';

/** One cell: 表三 by row key and column index, 表四 by cell index (row `table4`). */
export interface CellRef {
  table: 't3' | 't4';
  row: string;
  col: number;
}

export interface Relation {
  kind: RelationKind;
  /** Stable id: `t3.row:三.1`, `t3.column:2`, `t3.balance:0`, `t4.group:review`. */
  id: string;
  lhs: CellRef[];
  rhs: CellRef[];
}

export interface Evaluation {
  relation: Relation;
  lhs: number;
  rhs: number;
  held: boolean;
  /** lhs − rhs. */
  difference: number;
}

const cache = new WeakMap<FormatTemplate, Relation[]>();

/** Every relation of the format's 表三 and 表四. */
export function relationsOf(t: FormatTemplate): Relation[] {
  let out = cache.get(t);
  if (out) return out;
  out = [];
  const c3 = (key: string) => t.table3.columns.findIndex((c) => c.key === key);
  const rt = t.table3.checks.rowTotal;
  for (const r of t.table3.rows) {
    out.push({ kind: 'row', id: `t3.row:${r.key}`, lhs: [{ table: 't3', row: r.key, col: c3(rt.total) }], rhs: rt.parts.map((p) => ({ table: 't3', row: r.key, col: c3(p) })) });
  }
  const ct = t.table3.checks.columnTotal;
  const bal = t.table3.checks.balance;
  for (let col = 0; col < t.table3.columns.length; col++) {
    out.push({ kind: 'column', id: `t3.column:${col}`, lhs: [{ table: 't3', row: ct.total, col }], rhs: ct.parts.map((row) => ({ table: 't3', row, col })) });
  }
  for (let col = 0; col < t.table3.columns.length; col++) {
    out.push({ kind: 'balance', id: `t3.balance:${col}`, lhs: bal.lhs.map((row) => ({ table: 't3', row, col })), rhs: bal.rhs.map((row) => ({ table: 't3', row, col })) });
  }
  const per = t.table4.columns.length;
  const g = t.table4.checks.groupTotal;
  const c4 = (key: string) => t.table4.columns.findIndex((c) => c.key === key);
  t.table4.groups.forEach((grp, gi) => {
    out!.push({ kind: 'group', id: `t4.group:${grp.key}`, lhs: [{ table: 't4', row: 'table4', col: gi * per + c4(g.total) }], rhs: g.parts.map((p) => ({ table: 't4', row: 'table4', col: gi * per + c4(p) })) });
  });
  cache.set(t, out);
  return out;
}

/** The relation on the given values (`get`: a cell's value, undefined when it has none); undefined when a term has no value. */
export function evaluate(rel: Relation, get: (c: CellRef) => number | undefined): Evaluation | undefined {
  let lhs = 0;
  let rhs = 0;
  for (const c of rel.lhs) {
    const v = get(c);
    if (v === undefined) return undefined;
    lhs += v;
  }
  for (const c of rel.rhs) {
    const v = get(c);
    if (v === undefined) return undefined;
    rhs += v;
  }
  // money and counts: compared in hundredths, so 0.1 + 0.2 = 0.3
  const held = Math.round(lhs * 100) === Math.round(rhs * 100);
  return { relation: rel, lhs, rhs, held, difference: lhs - rhs };
}

/** The relations that name a cell of the given rows (表三 keys, or `table4`). */
export function relationsTouching(rels: Relation[], rows: Set<string>): Relation[] {
  return rels.filter((r) => r.lhs.some((c) => rows.has(c.row)) || r.rhs.some((c) => rows.has(c.row)));
}
