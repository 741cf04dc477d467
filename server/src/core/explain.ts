/**
 * How the tables of a report were read, for a user who doubts a finding (`nianbao explain`):
 * each table's grid, each cell's value and source position, which rows were read from digits
 * run together (and cut by the 勾稽 relations), the readings of an ambiguous row, and every
 * relation on the grid as read, held or broken, with its numbers. Plain data and text; no
 * node or LSP imports.
 */
import type { Cell, Report, TableBase } from './model';
import { templateFor } from './format/template';
import { evaluate, relationsOf, type CellRef, type Evaluation } from './relations';
import { LineIndex } from './position';

export interface ExplainedCell {
  column: string;
  value: number | null;
  raw: string;
  /** 1-based line and column of the cell in the source. */
  line: number;
  col: number;
  /** Cut out of digits run together (by the relations). */
  cut?: boolean;
}

export interface ExplainedRow {
  key: string;
  label: string;
  cells: (ExplainedCell | null)[];
}

export interface ExplainedTable {
  name: { zh: string; en: string };
  rows: ExplainedRow[];
  /** Rows (or table parts) with several consistent readings: listed, no value placed. */
  ambiguous: { where: string; line: number; col: number; readings: number[][] }[];
  unreadable: { reason: { zh: string; en: string }; line: number; col: number }[];
  /** The relations of the table on the values read: each with its two sides. */
  relations: { id: string; kind: string; held: boolean; lhs: number; rhs: number; terms: string }[];
}

export interface Explanation {
  format: string;
  tables: ExplainedTable[];
}

export function explain(report: Report): Explanation {
  const t = templateFor(report.format);
  const lines = new LineIndex(report.text);
  const pos = (offset: number) => {
    const p = lines.position(offset);
    return { line: p.line + 1, col: p.character + 1 };
  };
  const cellOf = (c: Cell | undefined, column: string): ExplainedCell | null => (c ? { column, value: c.value, raw: c.raw, ...pos(c.range.start), ...(c.recovered ? { cut: true } : {}) } : null);
  const common = (tb: TableBase) => ({
    ambiguous: (tb.ambiguous ?? []).map((a) => ({ where: a.where.zh, ...pos(a.range.start), readings: a.readings })),
    unreadable: tb.unreadable.map((u) => ({ reason: u.reason, ...pos(u.range.start) })),
  });
  const tables: ExplainedTable[] = [];
  if (report.table2) {
    const rows = report.table2.blocks.flatMap((b) => {
      const tb = t.table2.blocks.find((x) => x.key === b.key);
      return b.rows.map((r) => ({ key: r.key, label: r.label.standard, cells: r.cells.map((c, i) => cellOf(c, tb?.columns[i]?.label ?? String(i + 1))) }));
    });
    tables.push({ name: { zh: '表二', en: 'Table 2' }, rows, ...common(report.table2), relations: [] });
  }
  const values = new Map<string, (number | undefined)[]>();
  if (report.table3) {
    const rows = report.table3.rows.map((r) => {
      values.set(r.key, r.cells.map((c) => c?.value ?? undefined));
      return { key: r.key, label: r.label.standard, cells: r.cells.map((c, i) => cellOf(c, t.table3.columns[i]?.label ?? String(i + 1))) };
    });
    tables.push({ name: { zh: '表三', en: 'Table 3' }, rows, ...common(report.table3), relations: relationLines(t, 't3', values) });
  }
  if (report.table4) {
    const names = t.table4.groups.flatMap((g) => t.table4.columns.map((c) => `${g.label}·${c.label}`));
    values.set('table4', report.table4.cells.map((c) => c?.value ?? undefined));
    tables.push({
      name: { zh: '表四', en: 'Table 4' },
      rows: [{ key: 'table4', label: '表四', cells: report.table4.cells.map((c, i) => cellOf(c, names[i]!)) }],
      ...common(report.table4),
      relations: relationLines(t, 't4', values),
    });
  }
  return { format: report.format, tables };
}

function relationLines(t: ReturnType<typeof templateFor>, table: 't3' | 't4', values: Map<string, (number | undefined)[]>): ExplainedTable['relations'] {
  const get = (c: CellRef) => values.get(c.row)?.[c.col];
  return relationsOf(t)
    .filter((r) => r.lhs[0]!.table === table)
    .map((r) => evaluate(r, get))
    .filter((e): e is Evaluation => !!e)
    .map((e) => ({ id: e.relation.id, kind: e.relation.kind, held: e.held, lhs: e.lhs, rhs: e.rhs, terms: `${e.relation.lhs.map(get).join('+')} = ${e.relation.rhs.map(get).join('+')}` }));
}

/** The explanation as text (zh or en). */
export function explainText(x: Explanation, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const en = locale === 'en';
  const out: string[] = [en ? `format ${x.format}` : `格式：${x.format}`];
  for (const tb of x.tables) {
    out.push('', en ? tb.name.en : tb.name.zh);
    for (const r of tb.rows) {
      const cells = r.cells.map((c) => (c ? `${c.value ?? `“${c.raw}”`}@${c.line}:${c.col}${c.cut ? '*' : ''}` : '—'));
      out.push(`  ${r.label}: ${cells.join('  ')}`);
    }
    if (tb.rows.some((r) => r.cells.some((c) => c?.cut))) out.push(en ? '  (* cut out of digits run together; the relations below chose the cut)' : '  （* 由连在一起的数字拆出，拆法由下列勾稽关系确定）');
    for (const a of tb.ambiguous) out.push(en ? `  ${a.where} @${a.line}:${a.col}: ${a.readings.length} readings satisfy every relation, none is used: ${a.readings.map((v) => v.join(' ')).join('; ')}` : `  ${a.where} @${a.line}:${a.col}：${a.readings.length} 种读法都符合勾稽关系，均不采用：${a.readings.map((v) => v.join(' ')).join('；')}`);
    for (const u of tb.unreadable) out.push(`  ${en ? 'unreadable' : '无法读取'} @${u.line}:${u.col}: ${en ? u.reason.en : u.reason.zh}`);
    if (tb.relations.length) {
      out.push(en ? '  relations:' : '  勾稽关系：');
      for (const r of tb.relations) out.push(`    ${r.held ? '✓' : '✗'} ${r.id}  ${r.terms}${r.held ? '' : `  (${r.lhs} ≠ ${r.rhs})`}`);
    }
  }
  return out.join('\n') + '\n';
}
