/**
 * parseReport: text in, report model out. The only code that knows about layouts is here and
 * in normalize/tokens/rows/tables. Never throws; linear in the size of the text (the fuzzy
 * label matching works on bounded windows).
 */
import type { FormatVersion, Paragraph, Range, Report, Section } from '../model';
import { FORMAT_2019, FORMAT_2021, type FormatTemplate } from '../format/template';
import { normalize, sourceSlice, toSource, type Normalized } from './normalize';
import { findSectionHeadings, findSubHeadings, findTitle, lineAt, splitLines, type HeadingLine, type Lines } from './structure';
import { parseTable2, parseTable3, parseTable4, type Region } from './tables';
import { canon, canonConst, includesCanonical } from './labels';
import { findDateLine } from './dateline';
import { relayout } from './relayout';

export interface ParseOptions {
  reportYear?: number;
}

const EVIDENCE_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '申请人无正当理由逾期不补正', '申请人逾期未按收费通知要求缴纳费用'];
const EVIDENCE_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项', '第二十条第(九)项', '政府集中采购', '采购总金额'];
const PRE_2019 = ['政府信息公开的收费及减免情况', '依申请公开政府信息情况', '因政府信息公开申请行政复议、提起行政诉讼的情况', '收费及减免'];

/** How far into the text format evidence is looked for (characters). */
const EVIDENCE_PREFIX = 400_000;

export function parseReport(source: string, opts: ParseOptions = {}): Report {
  // flattened text (a crawled page on one line) gets virtual line breaks: zero-width in the source
  const nz = relayout(normalize(source));
  // the text the model and the rules see: the source, with a web page's markup masked (same offsets)
  const text = nz.source;
  const lines = splitLines(nz.text);
  // format evidence stands in the tables, near the start: a bounded prefix keeps this linear
  const has = (x: string) => includesCanonical(nz.text, x, EVIDENCE_PREFIX);

  const ev21 = EVIDENCE_2021.filter(has);
  const ev19 = EVIDENCE_2019.filter(has);
  const hasTables = has('第二十条') || has('本年新收政府信息公开申请');

  // a first pass with the 2021 template finds the headings and the title (same in both formats)
  const headings0 = findSectionHeadings(lines, FORMAT_2021);
  const firstSection = headings0[0]?.s ?? Math.min(nz.text.length, 3000);
  const title = findTitle(lines, firstSection);
  const year = opts.reportYear !== undefined ? { value: opts.reportYear, range: { start: 0, end: 0 } } : findYear(nz, title?.s, title?.e, lines);

  let format: FormatVersion;
  let formatEvidence: string[];
  if (ev21.length || ev19.length) {
    format = ev19.length > ev21.length ? '2019' : '2021';
    formatEvidence = format === '2019' ? ev19 : ev21;
  } else if (!hasTables && (PRE_2019.some(has) || (year && year.value <= 2018))) {
    format = 'pre2019';
    formatEvidence = PRE_2019.filter(has);
  } else if (year) {
    format = year.value >= 2021 ? '2021' : year.value >= 2019 ? '2019' : 'pre2019';
    formatEvidence = [`year ${year.value}`];
  } else {
    format = hasTables ? '2021' : 'unknown';
    formatEvidence = [];
  }
  const template: FormatTemplate = format === '2019' ? FORMAT_2019 : FORMAT_2021;
  const headings = template === FORMAT_2021 ? headings0 : findSectionHeadings(lines, template);

  const report: Report = { text, format, formatEvidence, sections: [], paragraphs: [], tableRanges: [] };
  if (text !== source) report.source = source;
  if (nz.markup) report.markup = nz.markup;
  if (title) {
    report.title = { text: text.slice(toSource(nz, title.s, title.e).start, toSource(nz, title.s, title.e).end), range: toSource(nz, title.s, title.e) };
    const agency = findAgency(nz, title.s, title.e);
    if (agency) report.agency = agency;
  } else {
    const meta = /发布机构\s*[:：]?\s*\t*\s*([^\t\n]{2,40}?)\s*(?:\t|$)/m.exec(nz.text.slice(0, 3000));
    if (meta) {
      const s = meta.index + meta[0].indexOf(meta[1]!);
      report.agency = { text: meta[1]!.trim(), range: toSource(nz, s, s + meta[1]!.trim().length) };
    }
  }
  if (year) report.year = year;
  const period = findPeriod(nz);
  if (period) report.period = period;
  const date = findDateLine(nz, lines, headings.reduce((m, h) => Math.max(m, h.e), 0));
  if (date) report.dateLine = date;

  // sections
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k]!;
    const next = headings[k + 1]?.s ?? nz.text.length;
    const bodyStart = Math.min(next, h.e);
    const std = template.sections[h.number - 1]!;
    const section: Section = {
      number: h.number,
      heading: { text: sourceSlice(nz, h.s, h.e), range: toSource(nz, h.s, h.e), standard: std.title, exact: canon(h.text) === canonConst(std.title) },
      body: toSource(nz, bodyStart, next),
      subheadings: findSubHeadings(lines, bodyStart, next).map((sh) => ({ text: sourceSlice(nz, sh.s, sh.e), range: toSource(nz, sh.s, sh.e), level: sh.level, marker: sh.marker })),
    };
    report.sections.push(section);
  }

  if (nz.virtual?.length) report.virtualBreaks = nz.virtual.map((v) => toSource(nz, v, v).start);
  if (nz.chrome?.length) report.pageChrome = nz.chrome.map((c) => toSource(nz, c.s, c.e));
  if (format !== 'pre2019') readTables(nz, lines, headings, template, report);
  report.paragraphs = paragraphs(nz, lines, headings, report.tableRanges, text);
  return report;
}

function readTables(nz: Normalized, lines: Lines, headings: HeadingLine[], template: FormatTemplate, report: Report) {
  const h = (n: number) => headings.find((x) => x.number === n);
  const h2 = h(2), h3 = h(3), h4 = h(4);
  const after = (n: number) => headings.find((x) => x.number > n && x.s > (h(n)?.s ?? -1));
  const lineStartOf = (re: RegExp, from: number, to: number) => {
    for (let k = lineAt(lines, from); k < lines.length && lines.s(k) < to; k++) {
      if (lines.s(k) >= from && re.test(canon(lines.text(k)))) return lines.s(k);
    }
    return -1;
  };
  const end = nz.text.length;

  // 表三 starts at its heading or at its first own label
  const t3Anchor = h3 ? h3.e : lineStartOf(/勾稽关系|申请人情况|本年新收政府信息公开申请/, h2?.e ?? 0, end);
  // 表二 starts at the first 第二十条 label after its heading
  const t2From = h2 ? h2.e : 0;
  const t2To = t3Anchor >= 0 ? (h3 ? h3.s : t3Anchor) : (h4?.s ?? end);
  const t2Start = lineStartOf(/第二十条/, t2From, t2To);
  if (t2Start >= 0) {
    const t2 = parseTable2(nz, { s: t2Start, e: t2To }, template);
    if (t2.blocks.length) {
      report.table2 = t2;
      report.tableRanges.push(t2.range);
    }
  }
  let t4Region: Region | undefined;
  let t3End = end;
  if (h4) {
    t3End = h4.s;
    const next = after(4);
    t4Region = { s: h4.e, e: next ? next.s : Math.min(end, h4.e + 4000) };
  } else {
    // no heading: a 表四 header line after 表三
    const hdr = t3Anchor >= 0 ? lineStartOf(/^行政复议.*行政诉讼|^行政复议$/, t3Anchor, headings.find((x) => x.number >= 5 && x.s > t3Anchor)?.s ?? end) : -1;
    const next = headings.find((x) => x.number >= 5 && x.s > Math.max(hdr, t3Anchor));
    if (hdr >= 0) {
      t3End = hdr;
      t4Region = { s: hdr, e: next ? next.s : Math.min(end, hdr + 4000) };
    } else if (next) t3End = next.s;
  }
  let trailing;
  let trail: number | undefined;
  if (t3Anchor >= 0) {
    const r3 = parseTable3(nz, { s: t3Anchor, e: t3End }, template);
    if (r3.table.rows.length) {
      report.table3 = r3.table;
      report.tableRanges.push(r3.table.range);
      trailing = r3.trailing?.tokens;
      trail = r3.trail;
    }
  }
  // five numbers or more (or digits run together, in flattened text) after 表三's last row
  const enough = trailing && (trailing.length >= 5 || trailing.reduce((n, x) => n + (/^\d+$/.test(x.text) ? x.text.length : 0), 0) >= template.table4.groups.length * template.table4.columns.length);
  const t4 = parseTable4(nz, t4Region, template, enough ? trailing : undefined, trail);
  // numbers that cannot be placed still make a table: it is there, only unreadable
  if (t4 && (t4.cells.some((c) => c) || t4.unreadable.length || t4.ambiguous?.length)) {
    report.table4 = t4;
    report.tableRanges.push(t4.range);
  }
}

function findYear(nz: Normalized, ts?: number, te?: number, lines?: Lines): { value: number; range: Range } | undefined {
  if (ts !== undefined && te !== undefined) {
    const m = /(20\d{2}|19\d{2})\s*年/.exec(nz.text.slice(ts, te));
    if (m) return { value: Number(m[1]), range: toSource(nz, ts + m.index, ts + m.index + 4) };
  }
  // no title: the year most often named as YYYY年 early in the report
  const head = nz.text.slice(0, 6000);
  const counts = new Map<number, { n: number; at: number }>();
  for (const m of head.matchAll(/(20\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$)/g)) {
    const y = Number(m[1]);
    const c = counts.get(y) ?? { n: 0, at: m.index! };
    c.n++;
    counts.set(y, c);
  }
  let best: [number, { n: number; at: number }] | undefined;
  for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
  void lines;
  return best ? { value: best[0], range: toSource(nz, best[1].at, best[1].at + 4) } : undefined;
}

function findAgency(nz: Normalized, ts: number, te: number): { text: string; range: Range } | undefined {
  const t = nz.text.slice(ts, te);
  const m = /(20\d{2}|19\d{2})\s*年/.exec(t);
  const cut = m ? m.index : t.search(/政府信息公开/);
  if (cut <= 0) return undefined;
  const raw = t.slice(0, cut);
  const lead = raw.length - raw.replace(/^[\s#*]+/, '').length;
  const name = raw.trim().replace(/\s+/g, '').replace(/^关于/, '');
  if (name.length < 2) return undefined;
  const s = ts + lead;
  return { text: name, range: toSource(nz, s, s + raw.trim().length) };
}

function findPeriod(nz: Normalized): Report['period'] {
  const re = /统计(?:期限|时限|时间|区间|周期|范围)?[^。]{0,40}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日[^。]{0,20}?((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/;
  const m = re.exec(nz.text);
  if (!m) return undefined;
  return { range: toSource(nz, m.index, m.index + m[0].length), startYear: Number(m[1]), endYear: Number(m[2]) };
}

/** Prose: runs of non-empty lines outside the tables, split at headings and blank lines. */
function paragraphs(nz: Normalized, lines: Lines, headings: HeadingLine[], tableRanges: Range[], text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const inTable = (src: number) => tableRanges.some((r) => src >= r.start && src < r.end);
  // line starts of the headings, ascending: one pointer moves along with the lines
  const headingStarts = headings.map((h) => lines.s(lineAt(lines, h.s))).sort((a, b) => a - b);
  let hs = 0;
  // a virtual line break (flattened text, relayout.ts) opens a paragraph: it stands where a line of its own began
  const virtual = nz.virtual ?? [];
  let vi = 0;
  let cur: { s: number; e: number } | undefined;
  let section = 0;
  let hIdx = 0;
  const flush = () => {
    if (!cur) return;
    const range = toSource(nz, cur.s, cur.e);
    out.push({ text: text.slice(range.start, range.end), range, section });
    cur = undefined;
  };
  for (let k = 0; k < lines.length; k++) {
    const ls = lines.s(k);
    const le = lines.e(k);
    while (hIdx < headings.length && headings[hIdx]!.s <= le && headings[hIdx]!.s >= ls) {
      flush();
      section = headings[hIdx]!.number;
      hIdx++;
    }
    const lineText = lines.text(k);
    const trimmed = lineText.trim();
    const src = toSource(nz, ls, Math.max(ls + 1, le)).start;
    if (!trimmed || inTable(src)) {
      flush();
      continue;
    }
    while (hs < headingStarts.length && headingStarts[hs]! < ls) hs++;
    if (hs < headingStarts.length && headingStarts[hs] === ls) {
      flush();
      const range = toSource(nz, ls, le);
      out.push({ text: text.slice(range.start, range.end), range, section });
      continue;
    }
    const lead = lineText.length - lineText.trimStart().length;
    while (vi < virtual.length && virtual[vi]! < ls - 1) vi++;
    if (cur && virtual[vi] === ls - 1) flush();
    if (!cur) cur = { s: ls + lead, e: ls + lineText.trimEnd().length };
    else cur.e = ls + lineText.trimEnd().length;
  }
  flush();
  return out;
}
