/**
 * Many reports into one summary: a roster, the consolidated tables (each cell the exact sum over
 * the reports summed), what was not summed and why, and the cross-year checks between an
 * agency's reports of consecutive years. Nothing is dropped silently or counted twice.
 */
import type { FormatVersion } from '../model';
import type { Msg, Severity } from '../rule';
import { templateFor } from '../format/template';
import { decSub, decSum, decEq, type Dec } from './decimal';
import { addCollapsedRow, COLLAPSED_GROUP, computeChecks, emptyTables, rowName, shortLabel, type SCell, type SummaryTables } from './tables';
import type { NormalizedReport, RuleProblems } from './normalize';
import { agencyKey, sameAgency } from './agency';

export interface SummaryInput {
  file: string;
  report?: NormalizedReport;
  /** Set when the file could not be read. */
  error?: Msg;
  /** Set when the file was read and has no text. */
  empty?: boolean;
}

export interface Headline {
  /** 本年新收总计 */
  received: Dec | null;
  /** 结转下年度总计 */
  carriedForward: Dec | null;
  /** 予以公开总计 */
  disclosed: Dec | null;
  /** 行政复议总计 */
  reviews: Dec | null;
  /** 行政诉讼总计 (direct + after review) */
  lawsuits: Dec | null;
  /** 行政事业性收费 本年收费金额（万元） */
  fees: Dec | null;
}

export interface RosterRow {
  file: string;
  agency?: string;
  year?: number;
  format: FormatVersion;
  errors: number;
  warnings: number;
  byRule: { ruleId: string; errors: number; warnings: number; infos: number }[];
  headline: Headline;
  /** The report's own 勾稽关系: how many fail, and how many could not be made (a number missing). */
  ownChecks: { failed: number; unchecked: number };
  included: boolean;
}

export type ExclusionReason = 'unreadable-file' | 'empty' | 'not-report' | 'no-year' | 'other-year' | 'other-format' | 'unreadable-table' | 'duplicate';

export interface Exclusion {
  file: string;
  reason: ExclusionReason;
  detail: Msg;
}

export interface CrossYearFinding {
  ruleId: 'cross-year';
  severity: Severity;
  ok: boolean;
  file: string;
  previousFile: string;
  agency: string;
  year: number;
  message: Msg;
  equation: string;
}

export interface Summary {
  /** A single report's own summary, or a consolidation of several. */
  kind: 'report' | 'consolidated';
  year?: number;
  format?: '2021' | '2019';
  roster: RosterRow[];
  /** The summed tables (null when nothing could be summed). */
  tables: SummaryTables | null;
  /** Files summed into the tables. */
  included: string[];
  excluded: Exclusion[];
  crossYear: CrossYearFinding[];
  /** Things to know about the sums: cells that were not numbers, rows given in one line … */
  notes: Msg[];
  /** For a single report: its problems by rule. */
  problems?: RuleProblems[];
  /** A single report that would not be summed with others (why: in the notes). */
  notSummable?: boolean;
}

export interface ConsolidateOptions {
  /** Sum only reports of this year (default: the most common year, the later one on a tie). */
  year?: number;
}

export function headline(r: NormalizedReport): Headline {
  const t3 = r.tables.t3;
  const total = t3.columns.findIndex((c) => c.key === 'total');
  const row = (k: string) => t3.rows.find((x) => x.key === k)?.cells[total]?.v ?? null;
  const t4 = r.tables.t4.cells;
  const per = r.tables.t4.columns.length;
  const ti = r.tables.t4.columns.findIndex((c) => c.key === 'total');
  const g = (key: string) => {
    const gi = r.tables.t4.groups.findIndex((x) => x.key === key);
    return gi < 0 ? null : (t4[gi * per + ti]?.v ?? null);
  };
  const direct = g('direct');
  const after = g('afterReview');
  const fees = r.tables.t2.blocks.find((b) => b.key === '20.8');
  const feeCol = fees?.columns.findIndex((c) => c.key === 'fees') ?? -1;
  return {
    received: row('一'),
    carriedForward: row('四'),
    disclosed: row('三.1'),
    reviews: g('review'),
    lawsuits: direct !== null && after !== null ? decSum([direct, after]) : null,
    fees: fees && feeCol >= 0 ? (fees.rows[0]?.cells[feeCol]?.v ?? null) : null,
  };
}

function mostCommon<T>(values: T[], better: (a: T, b: T) => boolean): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  for (const [v, n] of counts) {
    const bn = best === undefined ? -1 : counts.get(best)!;
    if (n > bn || (n === bn && better(v, best as T))) best = v;
  }
  return best;
}

export function consolidate(inputs: SummaryInput[], options: ConsolidateOptions = {}): Summary {
  const excluded: Exclusion[] = [];
  const roster: RosterRow[] = [];
  const readable: { file: string; r: NormalizedReport }[] = [];
  for (const i of inputs) {
    if (i.empty) {
      excluded.push({ file: i.file, reason: 'empty', detail: { zh: '空文件', en: 'empty file' } });
      continue;
    }
    if (!i.report) {
      excluded.push({ file: i.file, reason: 'unreadable-file', detail: i.error ?? { zh: '无法读取', en: 'cannot be read' } });
      continue;
    }
    if (!i.report.isReport) {
      excluded.push({ file: i.file, reason: 'not-report', detail: { zh: '不像是政府信息公开工作年度报告', en: 'does not read as an annual report' } });
      continue;
    }
    readable.push({ file: i.file, r: i.report });
  }
  const year = options.year ?? mostCommon(readable.map((x) => x.r.year).filter((y): y is number => y !== undefined), (a, b) => a > b);
  const sameYear = readable.filter(({ file, r }) => {
    if (r.year === undefined) {
      excluded.push({ file, reason: 'no-year', detail: { zh: '无法确定报告年度', en: 'the report year cannot be determined' } });
      return false;
    }
    if (r.year !== year) {
      excluded.push({ file, reason: 'other-year', detail: { zh: `${r.year} 年度报告，汇总的是 ${year} 年度`, en: `a ${r.year} report; summing ${year}` } });
      return false;
    }
    return true;
  });
  const known = sameYear.map((x) => x.r.format).filter((f): f is '2021' | '2019' => f === '2021' || f === '2019');
  const format = mostCommon(known, (a) => a === '2021') ?? (year !== undefined && year < 2021 ? '2019' : '2021');
  const template = templateFor(format);
  const included: { file: string; r: NormalizedReport }[] = [];
  const byAgency = new Map<string, { file: string; r: NormalizedReport }[]>();
  const differing: Msg[] = [];
  for (const x of sameYear) {
    if (x.r.format !== format) {
      excluded.push({ file: x.file, reason: 'other-format', detail: { zh: `格式为 ${fmtName(x.r.format)}，汇总的是 ${fmtName(format)} 格式`, en: `format ${x.r.format}; summing the ${format} format` } });
      continue;
    }
    // rows the parser did not find would leave holes in the sums (一 counted, 四 not): not summable
    const missing = x.r.missingRows.map((k) => rowName(x.r.tables, k));
    const why = missing.length ? [...x.r.unreadable, { zh: `缺少${missing.map((m) => m.zh).join('、')}`, en: `missing: ${missing.map((m) => m.en).join(', ')}` }] : x.r.unreadable;
    if (why.length) {
      excluded.push({ file: x.file, reason: 'unreadable-table', detail: { zh: why.map((m) => m.zh).join('；'), en: why.map((m) => m.en).join('; ') } });
      continue;
    }
    const bucket = byAgency.get(agencyKey(x.r.agency)) ?? [];
    const dup = bucket.find((y) => sameAgency(y.r.agency, x.r.agency));
    if (dup) {
      const d = duplicateDetail(x, dup);
      excluded.push({ file: x.file, reason: 'duplicate', detail: d.detail });
      if (d.differ) differing.push({ zh: `${x.file} 与 ${dup.file} 是同一机关同一年度的两份报告，数字不同：汇总用的是 ${dup.file}（见“未汇总”）`, en: `${x.file} and ${dup.file} are two reports of one agency and year with different numbers: ${dup.file} was summed (see “Not summed”)` });
      continue;
    }
    included.push(x);
    byAgency.set(agencyKey(x.r.agency), [...bucket, x]);
  }
  const notes: Msg[] = [...differing];
  // one report is shown as it is, holes and all: why it could not be summed becomes a note
  const single = inputs.length === 1 && readable.length === 1;
  const notSummable = single && excluded.length > 0;
  if (single) {
    for (const e of excluded.splice(0)) notes.push(e.detail);
    included.splice(0, included.length, readable[0]!);
  }
  const includedFiles = new Set(included.map((x) => x.file));
  for (const { file, r } of readable) {
    roster.push({
      file,
      agency: r.agency,
      year: r.year,
      format: r.format,
      errors: r.errorCount,
      warnings: r.warningCount,
      byRule: r.problems.map((p) => ({ ruleId: p.ruleId, errors: p.errors, warnings: p.warnings, infos: p.infos })),
      headline: headline(r),
      ownChecks: { failed: r.tables.checks.filter((c) => c.ok === false).length, unchecked: r.tables.checks.filter((c) => c.ok === null).length },
      included: includedFiles.has(file),
    });
  }
  if (!single) for (const x of included) if (!x.r.agency) notes.push({ zh: `${x.file}：未能识别机关名称，无法判断是否重复`, en: `${x.file}: agency name not found, duplicates cannot be told` });
  if (!single) {
    // a failing check in the sum comes from the reports whose own tables do not add up: name them
    for (const x of included) {
      const fails = x.r.tables.checks.filter((c) => c.ok === false);
      if (!fails.length) continue;
      const eqs = fails.slice(0, 3).map((c) => c.equation).join('；') + (fails.length > 3 ? '…' : '');
      notes.push({ zh: `${x.file}：本报告自身的勾稽关系不符 ${fails.length} 处（${eqs}），已照原数汇总，汇总表中相应的 ✗ 来自此报告`, en: `${x.file}: ${fails.length} of the report's own checks fail (${eqs}); summed as written, so the sum's matching ✗ comes from this report` });
    }
  }
  const tables = single ? included[0]!.r.tables : included.length ? sumTables(included, template, notes) : null;
  return {
    kind: single ? 'report' : 'consolidated',
    year,
    format,
    roster,
    tables,
    included: included.map((x) => x.file),
    excluded,
    crossYear: crossYear(readable),
    notes,
    problems: single ? included[0]!.r.problems : undefined,
    ...(notSummable ? { notSummable } : {}),
  };
}

/** Why a report is left out as a duplicate, and whether its numbers differ from the one summed (the reviewer may want the other). */
function duplicateDetail(x: { file: string; r: NormalizedReport }, kept: { file: string; r: NormalizedReport }): { detail: Msg; differ: boolean } {
  const names = x.r.agency === kept.r.agency ? x.r.agency : `${kept.r.agency} / ${x.r.agency}`;
  const diffs = tableDiffs(kept.r.tables, x.r.tables);
  const same = { zh: `与 ${kept.file} 是同一机关（${names}）同一年度，只计一次`, en: `same agency (${names}) and year as ${kept.file}; counted once` };
  if (!diffs.length) return { differ: false, detail: { zh: `${same.zh}；两份的数字相同`, en: `${same.en}; the numbers are the same` } };
  const shown = diffs.slice(0, 3);
  const more = diffs.length > shown.length ? '…' : '';
  const detail = {
    zh: `${same.zh}；但两份的数字有 ${diffs.length} 处不同（${shown.map((d) => `${d.where.zh} ${d.kept} / ${d.other}`).join('；')}${more}），汇总用的是 ${kept.file}（按文件顺序在前）；如应以本文件为准，请把 ${kept.file} 移出后重新汇总`,
    en: `${same.en}; but ${diffs.length} number(s) differ (${shown.map((d) => `${d.where.en} ${d.kept} / ${d.other}`).join('; ')}${more}); ${kept.file} (first in file order) was summed; if this file is the right one, leave ${kept.file} out and sum again`,
  };
  return { detail, differ: true };
}

/** Cells whose values differ between two reports' tables (same format). */
function tableDiffs(a: SummaryTables, b: SummaryTables): { where: Msg; kept: string; other: string }[] {
  const out: { where: Msg; kept: string; other: string }[] = [];
  const cmp = (where: () => Msg, x: SCell | undefined, y: SCell | undefined) => {
    const u = x?.v ?? null;
    const v = y?.v ?? null;
    if (u === v || (u !== null && v !== null && decEq(u, v))) return;
    out.push({ where: where(), kept: u ?? '—', other: v ?? '—' });
  };
  for (const block of a.t2.blocks) {
    const other = b.t2.blocks.find((x) => x.key === block.key);
    for (const row of block.rows) {
      const orow = other?.rows.find((r) => r.key === row.key);
      row.cells.forEach((c, i) => cmp(() => ({ zh: `表二“${row.label}”${block.columns[i]!.label}`, en: `table 2 “${row.label}” ${block.columns[i]!.label}` }), c, orow?.cells[i]));
    }
  }
  for (const row of a.t3.rows) {
    const orow = b.t3.rows.find((r) => r.key === row.key);
    row.cells.forEach((c, i) => cmp(() => ({ zh: `表三“${shortLabel(row.label)}”${a.t3.columns[i]!.label}`, en: `table 3 “${shortLabel(row.label)}” ${a.t3.columns[i]!.label}` }), c, orow?.cells[i]));
  }
  const per = a.t4.columns.length;
  a.t4.cells.forEach((c, i) => cmp(() => ({ zh: `表四 ${a.t4.groups[Math.floor(i / per)]!.label}·${a.t4.columns[i % per]!.label}`, en: `table 4 ${a.t4.groups[Math.floor(i / per)]!.label} · ${a.t4.columns[i % per]!.label}` }), c, b.t4.cells[i]));
  return out;
}

function fmtName(f: string): string {
  return f === '2021' || f === '2019' ? `${f} 年版` : f === 'pre2019' ? '2019 年以前' : '未知';
}

/** Cell-wise exact sums; cells that are not numbers count as 0 and are named in the notes. */
function sumTables(reports: { file: string; r: NormalizedReport }[], t: ReturnType<typeof templateFor>, notes: Msg[]): SummaryTables {
  const out = emptyTables(t);
  const anyCollapsed = reports.some((x) => x.r.tables.t3.rows.some((r) => r.collapsed));
  if (anyCollapsed) addCollapsedRow(out, t, out.t3.columns.map(() => ({ v: null, kind: 'missing' })));
  const add = (target: SCell[], parts: SCell[][], where: (i: number) => string) => {
    for (let i = 0; i < target.length; i++) {
      const values: Dec[] = [];
      parts.forEach((cells, ri) => {
        const c = cells[i];
        if (c && c.v !== null) values.push(c.v);
        else if (c && c.kind !== 'missing') notes.push({ zh: `${reports[ri]!.file}：${where(i)} 不是有效数字，按 0 计`, en: `${reports[ri]!.file}: ${where(i)} is not a number, counted as 0` });
      });
      target[i] = values.length ? { v: decSum(values), kind: 'number' } : { v: null, kind: 'missing' };
    }
  };
  for (const block of out.t2.blocks) {
    for (const row of block.rows) {
      const parts = reports.map((x) => x.r.tables.t2.blocks.find((b) => b.key === block.key)?.rows.find((r) => r.key === row.key)?.cells ?? []);
      add(row.cells, parts, (i) => `表二 ${block.label} ${row.label}·${block.columns[i]!.label}`);
    }
  }
  for (const row of out.t3.rows) {
    const parts = reports.map((x) => {
      const own = x.r.tables.t3.rows.find((r) => r.key === row.key);
      // the （六） subtotal of a report that gave the sub-rows is their sum
      if (row.key === COLLAPSED_GROUP && row.collapsed && !own) {
        const subs = x.r.tables.t3.rows.filter((r) => r.key.startsWith(COLLAPSED_GROUP + '.'));
        return row.cells.map((_, i) => {
          const vs = subs.map((s) => s.cells[i]?.v).filter((v): v is Dec => v != null);
          return vs.length ? { v: decSum(vs), kind: 'number' as const } : { v: null, kind: 'missing' as const };
        });
      }
      return own?.cells ?? [];
    });
    add(row.cells, parts, (i) => `表三 ${row.label}·${out.t3.columns[i]!.label}`);
  }
  add(out.t4.cells, reports.map((x) => x.r.tables.t4.cells), (i) => `表四 第 ${i + 1} 格`);
  if (anyCollapsed) {
    const which = reports.filter((x) => x.r.tables.t3.rows.some((r) => r.collapsed)).map((x) => x.file);
    const n = which.length;
    notes.push({ zh: `${n} 份报告把表三“（六）其他处理”写成一行（${which.join('、')}）：汇总表列出（六）小计，其下 1–3 项只含分项填写的报告`, en: `${n} report(s) give table 3 “(6) other” as one row (${which.join(', ')}): the sum shows the (6) subtotal; its items 1–3 cover only the reports that itemise them` });
    // sub-rows no longer add up to the subtotal: the column total is checked against the subtotal
  }
  out.checks = computeChecks(out, t);
  return out;
}

/** This year's 上年结转 = last year's 结转下年度; 现行有效件数 = last year's + 制发 − 废止. */
function crossYear(reports: { file: string; r: NormalizedReport }[]): CrossYearFinding[] {
  const out: CrossYearFinding[] = [];
  const byAgency = new Map<string, typeof reports>();
  for (const x of reports) byAgency.set(agencyKey(x.r.agency), [...(byAgency.get(agencyKey(x.r.agency)) ?? []), x]);
  for (const cur of reports) {
    if (cur.r.year === undefined) continue;
    const prev = byAgency.get(agencyKey(cur.r.agency))?.find((p) => p.r.year === cur.r.year! - 1 && sameAgency(p.r.agency, cur.r.agency));
    if (!prev) continue;
    const base = { ruleId: 'cross-year' as const, severity: 'warning' as const, file: cur.file, previousFile: prev.file, agency: cur.r.agency!, year: cur.r.year };
    const c3 = cur.r.tables.t3;
    const p3 = prev.r.tables.t3;
    const carried = c3.rows.find((r) => r.key === '二');
    const left = p3.rows.find((r) => r.key === '四');
    if (carried && left) {
      c3.columns.forEach((col, i) => {
        const a = carried.cells[i]?.v;
        const b = left.cells[p3.columns.findIndex((x) => x.key === col.key)]?.v;
        if (a == null || b == null) return;
        const ok = decEq(a, b);
        out.push({
          ...base,
          ok,
          equation: `${a} ${ok ? '=' : '≠'} ${b}`,
          message: {
            zh: `表三“${col.label}”列：${cur.r.year} 年“二、上年结转” ${a} ${ok ? '=' : '≠'} ${prev.r.year} 年“四、结转下年度继续办理” ${b}`,
            en: `Table 3 column “${col.label}”: ${cur.r.year} “carried over from last year” ${a} ${ok ? '=' : '≠'} ${prev.r.year} “carried forward” ${b}`,
          },
        });
      });
    }
    const cb = cur.r.tables.t2.blocks.find((b) => b.key === '20.1');
    const pb = prev.r.tables.t2.blocks.find((b) => b.key === '20.1');
    const col = (b: typeof cb, k: string) => b?.columns.findIndex((c) => c.key === k) ?? -1;
    if (cb && pb && col(cb, 'inForce') >= 0 && col(pb, 'inForce') >= 0 && col(cb, 'issued') >= 0 && col(cb, 'repealed') >= 0) {
      for (const row of cb.rows) {
        const prow = pb.rows.find((r) => r.key === row.key);
        const last = prow?.cells[col(pb, 'inForce')]?.v;
        const issued = row.cells[col(cb, 'issued')]?.v;
        const repealed = row.cells[col(cb, 'repealed')]?.v;
        const now = row.cells[col(cb, 'inForce')]?.v;
        if (last == null || issued == null || repealed == null || now == null) continue;
        const expected = decSub(decSum([last, issued]), repealed);
        const ok = decEq(expected, now);
        const eq = `${last} + ${issued} − ${repealed} = ${expected} ${ok ? '=' : '≠'} ${now}`;
        out.push({
          ...base,
          ok,
          equation: eq,
          message: {
            zh: `表二“${row.label}”现行有效件数：${prev.r.year} 年 ${last} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，${cur.r.year} 年填报 ${now}${ok ? '' : '，不一致'}`,
            en: `Table 2 “${row.label}” in force: ${prev.r.year} ${last} + issued ${issued} − repealed ${repealed} = ${expected}; ${cur.r.year} reports ${now}${ok ? '' : ' — mismatch'}`,
          },
        });
      }
    }
  }
  return out;
}
