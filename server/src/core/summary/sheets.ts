/**
 * A summary as a list of sheets (grids with merged header cells), the one shape every output
 * is drawn from: Markdown, CSV, TSV, XLSX and the editor's webview.
 */
import type { Locale, Msg } from '../rule';
import { localize } from '../rule';
import type { Summary } from './consolidate';
import type { Check, SCell, SummaryTables } from './tables';
import { shortLabel } from './tables';

/** A number (exact decimal string), text, or nothing. */
export type GridValue = { n: string } | string | null;

export interface GridCell {
  value: GridValue;
  /** Where the value sits in the standard table, for click-through: 表三 row key / column index. */
  ref?: { table: 't2' | 't3' | 't4'; row: string; col: number };
  /** A 勾稽关系 that fails on this cell. */
  fail?: string;
  /** Source range in the report (single report only). */
  range?: { start: number; end: number };
}

export interface Sheet {
  id: 'roster' | 't2' | 't3' | 't4' | 'checks' | 'crossYear' | 'problems' | 'excluded' | 'notes';
  name: string;
  rows: GridCell[][];
  /** Header rows at the top (frozen in XLSX). */
  headerRows: number;
  /** Merged ranges, 0-based inclusive: [row1, col1, row2, col2]. */
  merges: [number, number, number, number][];
}

const T = (zh: string, en: string): Msg => ({ zh, en });

const NAMES: Record<Sheet['id'], Msg> = {
  roster: T('名册', 'Roster'),
  t2: T('表二', 'Table 2'),
  t3: T('表三', 'Table 3'),
  t4: T('表四', 'Table 4'),
  checks: T('勾稽关系', 'Checks'),
  crossYear: T('跨年度核对', 'Cross-year'),
  problems: T('问题', 'Problems'),
  excluded: T('未汇总', 'Not summed'),
  notes: T('说明', 'Notes'),
};

/** The 原因 column in the sheet's language (JSON keeps the codes, for programs). */
const REASONS: Record<Summary['excluded'][number]['reason'], Msg> = {
  'unreadable-file': T('无法读取', 'cannot be read'),
  empty: T('空文件', 'empty file'),
  'not-report': T('不是年报', 'not an annual report'),
  'no-year': T('年度不明', 'year unknown'),
  'other-year': T('其他年度', 'another year'),
  'other-format': T('其他格式', 'another format'),
  'unreadable-table': T('表格无法识别或不全', 'tables unreadable or incomplete'),
  duplicate: T('重复', 'duplicate'),
};

/** The 级别 column in the sheet's language, like its header. */
const SEVERITY: Record<'error' | 'warning' | 'info', Msg> = { error: T('错误', 'error'), warning: T('警告', 'warning'), info: T('提示', 'info') };

const txt = (s: string | undefined | null): GridCell => ({ value: s ?? null });
const num = (d: string | null): GridCell => ({ value: d === null ? null : { n: d } });

function cellOf(c: SCell | undefined, ref: GridCell['ref'], fails: Map<string, string>): GridCell {
  const key = `${ref!.table}|${ref!.row}|${ref!.col}`;
  return { value: c && c.v !== null ? { n: c.v } : null, ref, range: c?.range, fail: fails.get(key) };
}

function failMap(checks: Check[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of checks) {
    if (c.ok !== false) continue;
    const key = `${c.table}|${c.row}|${c.col}`;
    m.set(key, m.has(key) ? `${m.get(key)}；${c.equation}` : c.equation);
  }
  return m;
}

export function summarySheets(s: Summary, locale: Locale = 'zh-CN'): Sheet[] {
  const L = (m: Msg) => localize(m, locale);
  const sheets: Sheet[] = [];
  const sheet = (id: Sheet['id'], rows: GridCell[][], headerRows = 1, merges: Sheet['merges'] = []) => sheets.push({ id, name: L(NAMES[id]), rows, headerRows, merges });

  sheet('roster', [
    [T('文件', 'File'), T('机关', 'Agency'), T('年度', 'Year'), T('格式', 'Format'), T('汇总', 'Summed'), T('错误', 'Errors'), T('警告', 'Warnings'), T('问题（按规则）', 'Problems by rule'), T('本报告勾稽关系', 'Own checks'),
      T('本年新收总计', 'Received'), T('结转下年度总计', 'Carried forward'), T('予以公开总计', 'Disclosed'), T('复议总计', 'Reviews'), T('诉讼总计', 'Lawsuits'), T('收费金额（万元）', 'Fees (10k yuan)')].map((m) => txt(L(m))),
    ...s.roster.map((r) => [
      txt(r.file), txt(r.agency), r.year === undefined ? txt(null) : num(String(r.year)), txt(r.format), txt(r.included ? L(T('是', 'yes')) : L(T('否', 'no'))),
      num(String(r.errors)), num(String(r.warnings)),
      txt(r.byRule.map((b) => `${b.ruleId}×${b.errors + b.warnings + b.infos}`).join(', ')),
      txt(L(ownChecks(r.ownChecks))),
      num(r.headline.received), num(r.headline.carriedForward), num(r.headline.disclosed), num(r.headline.reviews), num(r.headline.lawsuits), num(r.headline.fees),
    ]),
  ]);

  if (s.tables) tableSheets(s.tables, sheet, L);

  if (s.crossYear.length) {
    sheet('crossYear', [
      [T('结果', 'Result'), T('规则', 'Rule'), T('机关', 'Agency'), T('年度', 'Year'), T('本年报告', 'This year'), T('上年报告', 'Last year'), T('核对', 'Check')].map((m) => txt(L(m))),
      ...s.crossYear.map((f) => [txt(f.ok ? '✓' : '✗'), txt(f.ruleId), txt(f.agency), num(String(f.year)), txt(f.file), txt(f.previousFile), txt(L(f.message))]),
    ]);
  }
  if (s.problems) {
    sheet('problems', [
      [T('规则', 'Rule'), T('级别', 'Severity'), T('行', 'Line'), T('说明', 'Message')].map((m) => txt(L(m))),
      ...s.problems.flatMap((p) => p.items.map((i) => [txt(p.ruleId), txt(L(SEVERITY[i.severity])), { ...num(String(i.line)), range: i.range }, { ...txt(L(i.message)), range: i.range }])),
    ]);
  }
  sheet('excluded', [
    [T('文件', 'File'), T('原因', 'Reason'), T('说明', 'Detail')].map((m) => txt(L(m))),
    ...s.excluded.map((e) => [txt(e.file), txt(L(REASONS[e.reason])), txt(L(e.detail))]),
  ]);
  if (s.notes.length) sheet('notes', [[txt(L(T('说明', 'Note')))], ...s.notes.map((n) => [txt(L(n))])]);
  return sheets;
}

/** 相符 / 不符 2 处 / 相符，3 项未核对. */
function ownChecks(c: { failed: number; unchecked: number }): Msg {
  const head = c.failed ? T(`不符 ${c.failed} 处`, `${c.failed} fail`) : T('相符', 'hold');
  return c.unchecked ? T(`${head.zh}，${c.unchecked} 项未核对`, `${head.en}, ${c.unchecked} not checked`) : head;
}

function tableSheets(t: SummaryTables, sheet: (id: Sheet['id'], rows: GridCell[][], headerRows?: number, merges?: Sheet['merges']) => void, L: (m: Msg) => string) {
  const fails = failMap(t.checks);
  // 表二: per block a title row, a column header row, its rows (as in the standard form)
  const width2 = 1 + Math.max(...t.t2.blocks.map((b) => b.columns.length));
  const rows2: GridCell[][] = [];
  const merges2: Sheet['merges'] = [];
  for (const b of t.t2.blocks) {
    merges2.push([rows2.length, 0, rows2.length, width2 - 1]);
    rows2.push([txt(b.label), ...Array.from({ length: width2 - 1 }, () => txt(null))]);
    rows2.push([txt('信息内容'), ...b.columns.map((c) => txt(c.label)), ...Array.from({ length: width2 - 1 - b.columns.length }, () => txt(null))]);
    for (const r of b.rows) rows2.push([txt(r.label), ...r.cells.map((c, i) => cellOf(c, { table: 't2', row: r.key, col: i }, fails)), ...Array.from({ length: width2 - 1 - r.cells.length }, () => txt(null))]);
  }
  sheet('t2', rows2, 2, merges2);

  // 表三: three header rows and three label columns, merged like the standard form
  const cols = t.t3.columns;
  const n = cols.length;
  const h1 = [txt(t.t3.note), txt(null), txt(null), txt(t.t3.columnGroups[0] ?? '申请人情况'), ...Array.from({ length: n - 1 }, () => txt(null))];
  const h2 = [txt(null), txt(null), txt(null), txt(cols[0]!.label), txt(t.t3.columnGroups[1] ?? '法人或其他组织'), ...Array.from({ length: n - 3 }, () => txt(null)), txt(cols[n - 1]!.label)];
  const h3 = [txt(null), txt(null), txt(null), txt(null), ...cols.slice(1, n - 1).map((c) => txt(c.label)), txt(null)];
  const merges3: Sheet['merges'] = [[0, 0, 2, 2], [0, 3, 0, 3 + n - 1], [1, 3, 2, 3], [1, 4, 1, 3 + n - 2], [1, 3 + n - 1, 2, 3 + n - 1]];
  const rows3: GridCell[][] = [h1, h2, h3];
  const groupLabel = (k: string) => t.t3.rowGroups.find((g) => g.key === k)?.label ?? k;
  const spans = new Map<string, [number, number]>();
  for (const r of t.t3.rows) {
    const at = rows3.length;
    const top = r.group?.split('.')[0];
    const sub = r.group && r.group !== top ? r.group : undefined;
    const label: GridCell[] = [txt(null), txt(null), txt(null)];
    if (r.collapsed) {
      // the one-row （六） opens its group's label cell; its sub-rows follow under it
      label[1] = txt(r.label);
      spans.set(r.key, [at, at]);
      spans.set(top!, [spans.get(top!)?.[0] ?? at, at]);
    } else if (!top) {
      label[0] = txt(r.label);
      merges3.push([at, 0, at, 2]);
    } else {
      if (!spans.has(top)) label[0] = txt(groupLabel(top));
      spans.set(top, [spans.get(top)?.[0] ?? at, at]);
      if (sub) {
        if (!spans.has(sub)) label[1] = txt(groupLabel(sub));
        spans.set(sub, [spans.get(sub)?.[0] ?? at, at]);
        label[2] = txt(r.label);
      } else {
        label[1] = txt(r.label);
        merges3.push([at, 1, at, 2]);
      }
    }
    rows3.push([...label, ...r.cells.map((c, i) => cellOf(c, { table: 't3', row: r.key, col: i }, fails))]);
  }
  for (const [key, [a, b]] of spans) {
    const col = key.includes('.') ? 1 : 0;
    if (b > a) merges3.push([a, col, b, col]);
  }
  sheet('t3', rows3, 3, merges3);

  // 表四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five columns each
  const per = t.t4.columns.length;
  const g = t.t4.groups;
  const r1 = [txt(g[0]!.label), ...Array.from({ length: per - 1 }, () => txt(null)), txt('行政诉讼'), ...Array.from({ length: per * 2 - 1 }, () => txt(null))];
  const r2 = [...t.t4.columns.map((c) => txt(c.label)), txt(g[1]!.label.replace(/^行政诉讼·/, '')), ...Array.from({ length: per - 1 }, () => txt(null)), txt(g[2]!.label.replace(/^行政诉讼·/, '')), ...Array.from({ length: per - 1 }, () => txt(null))];
  const r3 = [...Array.from({ length: per }, () => txt(null)), ...t.t4.columns.map((c) => txt(c.label)), ...t.t4.columns.map((c) => txt(c.label))];
  const merges4: Sheet['merges'] = [[0, 0, 0, per - 1], [0, per, 0, per * 3 - 1], [1, per, 1, per * 2 - 1], [1, per * 2, 1, per * 3 - 1], ...t.t4.columns.map((_, i): [number, number, number, number] => [1, i, 2, i])];
  sheet('t4', [r1, r2, r3, t.t4.cells.map((c, i) => cellOf(c, { table: 't4', row: '', col: i }, fails))], 3, merges4);

  sheet('checks', [
    [T('结果', 'Result'), T('勾稽关系', 'Check'), T('等式', 'Equation')].map((m) => txt(L(m))),
    ...t.checks.map((c) => {
      const range = cellAt(t, c.table, c.row, c.col)?.range;
      return [{ ...txt(c.ok === null ? '—' : c.ok ? '✓' : '✗'), range }, { ...txt(L(c.name)), ref: { table: c.table, row: c.row, col: c.col }, range }, { ...txt(c.equation), range }];
    }),
  ]);
}

/** The cell a check or reference points at. */
export function cellAt(t: SummaryTables, table: 't2' | 't3' | 't4', row: string, col: number): SCell | undefined {
  if (table === 't4') return t.t4.cells[col];
  if (table === 't3') return t.t3.rows.find((r) => r.key === row)?.cells[col];
  for (const b of t.t2.blocks) for (const r of b.rows) if (r.key === row) return r.cells[col];
  return undefined;
}

export function gridText(v: GridValue): string {
  return v === null ? '' : typeof v === 'string' ? v : v.n;
}

export { shortLabel };
