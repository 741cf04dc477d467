/**
 * Document structure from the normalised text: title, agency, year, statistics period, date
 * line, section headings (matched to the standard six by their words, not their numerals),
 * and sub-headings.
 */
import { canon, editDistance } from './labels';
import { captionPrefixLength, isCaptionLine, trailingUnitNote } from './captions';
import type { FormatTemplate } from '../format/template';

export interface Line {
  s: number;
  e: number;
  text: string;
}

/**
 * The lines of a text: their starts in a typed array, their ends and text derived when asked
 * for. A 20 MB document has half a million lines: as objects with their own strings they took
 * some 45 MB for the length of the parse.
 */
export class Lines {
  readonly length: number;
  private readonly starts: Int32Array;

  constructor(private readonly src: string) {
    let n = 1;
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) n++;
    this.length = n;
    this.starts = new Int32Array(n);
    for (let k = 1, i = src.indexOf('\n'); i >= 0; k++, i = src.indexOf('\n', i + 1)) this.starts[k] = i + 1;
  }

  /** Start offset of line k. */
  s(k: number): number {
    return this.starts[k]!;
  }

  /** End offset of line k (before its line break). */
  e(k: number): number {
    return k + 1 < this.length ? this.starts[k + 1]! - 1 : this.src.length;
  }

  /** The text of line k (a new slice each time: callers keep it in a local). */
  text(k: number): string {
    return this.src.slice(this.s(k), this.e(k));
  }

  /** Line k as an object, for the few places that keep lines. */
  at(k: number): Line {
    return { s: this.s(k), e: this.e(k), text: this.text(k) };
  }
}

export function splitLines(text: string): Lines {
  return new Lines(text);
}

/** Words that identify each standard section, whatever its numeral or small typos. */
const SECTION_KEYS: RegExp[] = [
  /^(?:总体情况|概述|总体概述)|总体情况/,
  /主动公开政府信息(?:情况)?$|主动公开政府信息情况/,
  /收到和处理政府信息公开申请|依申请公开政府信息情况/,
  /行政复议.{0,4}行政诉讼|行政法复议/,
  /存在的?主要问题|存在问题及|主要问题及改进|改进情况$/,
  /其[他它]需要报告|需要报告的事项/,
];

const NUMERALS = '一二三四五六七八九十';

export interface HeadingLine {
  number: number;
  /** Normalised-text offsets of the heading text (numeral included, white space trimmed). */
  s: number;
  e: number;
  text: string;
  marker: string;
}

const MAX_HEADING_LEN = 40;

/** Lines that read as one of the six section headings. */
interface TitleForms {
  tableRowLabels: Set<string>;
  /** Per section: canonical standard body and aliases. */
  bodies: { number: number; forms: string[]; standard: string; longest: number }[];
  /** Canonical openings of the tables' first header lines (第二十条, （本列数据, 申请人情况, 行政复议). */
  tableStarts: string[];
}

const titleCache = new WeakMap<FormatTemplate, TitleForms>();

function titleForms(template: FormatTemplate): TitleForms {
  let f = titleCache.get(template);
  if (!f) {
    f = {
      tableRowLabels: new Set(template.table3.rows.map((r) => canon(r.label)).concat(template.table3.rowGroups.map((g) => canon(g.label)))),
      bodies: template.sections.map((sec) => {
        const standard = canon(sec.title.replace(/^[一二三四五六]、/, ''));
        const forms = [standard, ...sec.aliases.map(canon)];
        return { number: sec.number, forms, standard, longest: Math.max(...forms.map((x) => x.length)) };
      }),
      tableStarts: [template.table2.blocks[0]?.label ?? '', template.table3.note, ...template.table3.columnGroups, template.table4.groups[0]?.label ?? '', '信息内容']
        .map((x) => canon(x).slice(0, 4))
        .filter((x) => x.length === 4),
    };
    titleCache.set(template, f);
  }
  return f;
}

/** Lines that read as one of the six section headings. */
export function findSectionHeadings(lines: Lines, template: FormatTemplate): HeadingLine[] {
  const out: (HeadingLine & { k: number; caption: boolean })[] = [];
  const forms = titleForms(template);
  for (let k = 0; k < lines.length; k++) {
    const ls = lines.s(k);
    if (lines.e(k) - ls > 120) continue; // a heading line is short: skip prose without any work
    const text = lines.text(k);
    if (!mayBeHeading(text)) continue; // table cells, numbers, sub-items: no regex work
    const lead = leadLength(text);
    let stop = text.length;
    while (stop > lead && (text.charCodeAt(stop - 1) === 42 || isJsSpace(text.charCodeAt(stop - 1)))) stop--;
    // a unit note after the title (（单位：件）) is no part of the heading
    const unit = text.indexOf('单位') >= 0 ? trailingUnitNote(text.slice(lead, stop)) : -1;
    if (unit > 0) {
      stop = lead + unit;
      while (stop > lead && isJsSpace(text.charCodeAt(stop - 1))) stop--;
    }
    const trimmed = text.slice(lead, stop);
    if (!trimmed || trimmed.length > MAX_HEADING_LEN) continue;
    const m = /^([一二三四五六七八九十])\s*[、.．，,]\s*/.exec(trimmed);
    if (!m && /^[（(\d]/.test(trimmed)) continue; // （一） and 1. are sub-headings
    // a table caption naming a section (表3  收到和处理…) is read without its 表3
    const cap = m ? 0 : captionPrefixLength(trimmed);
    const body = m ? trimmed.slice(m[0].length) : trimmed.slice(cap);
    if (/申请数量|办理结果|继续办理|^第二十条/.test(body)) continue;
    if (/[。；;]$/.test(body) && body.length > 12) continue; // a sentence, not a heading
    let number = 0;
    for (let k = 0; k < SECTION_KEYS.length; k++) {
      if (SECTION_KEYS[k]!.test(body)) {
        number = k + 1;
        break;
      }
    }
    if (!number && !m) continue; // no key words and no numeral: not a heading (and no canon for most lines)
    const cb = canon(body);
    if (!number && cb.length <= 30) {
      // a numbered short line one or two characters off a standard title (总休情况) is that heading
      let best = Infinity;
      for (const sec of forms.bodies) {
        for (const cand of sec.forms) {
          if (Math.abs(cand.length - cb.length) > 3) continue;
          const d = editDistance(cb, cand);
          if (d < best && d <= Math.max(1, Math.floor(cand.length * 0.25))) {
            best = d;
            number = sec.number;
          }
        }
      }
    }
    if (!number || forms.tableRowLabels.has(canon(trimmed))) continue;
    const sec = forms.bodies[number - 1]!;
    // without a numeral, only a line that is (nearly) a standard title counts
    if (!m && editDistance(cb, sec.standard) > 2) continue;
    // a heading is its title, not a title with a sentence after it
    if (cb.length > sec.longest + 6) continue;
    // a caption, or a cell (a table's title row; an HTML <caption> reads as one)
    const caption = !m && (cap > 0 || text.indexOf('\t') >= 0);
    out.push({ number, s: ls + lead, e: ls + lead + trimmed.length, text: trimmed, marker: m ? m[1]! : '', k, caption });
  }
  return withoutCaptions(out, lines, forms);
}

/**
 * Lines that name a section but belong to its table are no headings: a caption or a table's
 * title row when the section has a heading of its own (else the first of them stands in for
 * the missing heading, as before), and a bare unnumbered line right above a table's header
 * in the section it names (the numbered heading came before it). An unnumbered line in prose,
 * or one that opens its section, is still a heading.
 */
function withoutCaptions(found: (HeadingLine & { k: number; caption: boolean })[], lines: Lines, forms: TitleForms): HeadingLine[] {
  const headed = new Set(found.filter((h) => !h.caption).map((h) => h.number));
  const out: HeadingLine[] = [];
  const kept = new Set<number>();
  for (const h of found) {
    if (h.caption && (headed.has(h.number) || kept.has(h.number))) continue;
    if (!h.marker && !h.caption && out[out.length - 1]?.number === h.number && tableFollows(lines, h.k, forms)) continue;
    out.push({ number: h.number, s: h.s, e: h.e, text: h.text, marker: h.marker });
    kept.add(h.number);
  }
  return out;
}

/** The next non-blank line after line k opens a table: a row of cells, a caption, or a table's first header label. */
function tableFollows(lines: Lines, k: number, forms: TitleForms): boolean {
  for (let j = k + 1; j < lines.length && j <= k + 5; j++) {
    const t = lines.text(j);
    if (!t.trim()) continue;
    if (t.indexOf('\t') >= 0 || isCaptionLine(t, 0, t.length)) return true;
    const c = canon(t);
    return forms.tableStarts.some((x) => c.startsWith(x));
  }
  return false;
}

/**
 * Cheap pre-check with the same outcome as the full test for the lines it rejects: a section
 * heading does not open with a digit or a bracket (those are sub-items) and contains Chinese.
 */
function mayBeHeading(t: string): boolean {
  const i = leadLength(t);
  if (i >= t.length) return false;
  const first = t.charCodeAt(i);
  if ((first >= 48 && first <= 57) || first === 40 || first === 0xff08) return false;
  for (let j = i; j < t.length; j++) if (t.charCodeAt(j) >= 0x4e00) return true;
  return false;
}

export function numeralValue(ch: string): number {
  return NUMERALS.indexOf(ch) + 1;
}

export interface SubHeadingLine {
  s: number;
  e: number;
  text: string;
  level: number;
  marker: string;
}

/** Sub-headings and numbered items: （一）, 1., （1）, at line start. */
export function findSubHeadings(lines: Lines, from: number, to: number): SubHeadingLine[] {
  const out: SubHeadingLine[] = [];
  for (let k = lineAt(lines, from); k < lines.length && lines.s(k) < to; k++) {
    const ls = lines.s(k);
    if (ls < from) continue;
    const text = lines.text(k);
    const lead = leadLength(text);
    // an item opens with a bracket or a digit: other lines are skipped before any copy or regex
    const first = text.charCodeAt(lead);
    if (!(first === 40 || first === 0xff08 || (first >= 48 && first <= 57))) continue;
    const t = text.slice(lead);
    let m = /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]/.exec(t);
    let level = 2;
    if (!m) {
      m = /^([0-9]{1,2})\s*[.．、](?![0-9])/.exec(t);
      level = 3;
    }
    if (!m) {
      m = /^[（(]\s*([0-9]{1,2})\s*[）)]/.exec(t);
      level = 4;
    }
    if (!m) continue;
    const end = Math.min(t.length, 60);
    const firstStop = t.slice(0, end).search(/[。；]/);
    const headText = (firstStop > 0 ? t.slice(0, firstStop + 1) : t.slice(0, end)).trimEnd();
    out.push({ s: ls + lead, e: ls + lead + headText.length, text: headText, level, marker: m[0] });
  }
  return out;
}

export interface TitleInfo {
  s: number;
  e: number;
  text: string;
  agency?: { s: number; e: number; text: string };
  year?: { s: number; e: number; value: number };
}

/** What `\s` matches in a regular expression. */
function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Length of the white space and Markdown marks (`#`, `*`) that open a line. */
export function leadLength(t: string): number {
  let i = 0;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!(c === 35 || c === 42 || isJsSpace(c))) break;
  }
  return i;
}

/** The title: the first short lines, before section 一, that together name 年度报告. */
export function findTitle(lines: Lines, before: number): TitleInfo | undefined {
  const firstLines: Line[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (lines.s(k) >= before || firstLines.length === 6) break;
    const l = lines.at(k);
    if (l.text.trim()) firstLines.push(l);
  }
  for (let i = 0; i < firstLines.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(firstLines.length, i + 3); j++) {
      const l = firstLines[j]!;
      if (l.text.trim().length > 60) break;
      joined += l.text.trim();
      if (/年度?报告|年报/.test(joined) && /政府信息公开|政务公开|信息公开/.test(joined)) {
        const first = firstLines[i]!;
        const lead = first.text.length - first.text.replace(/^[\s#*]+/, '').length;
        const s = first.s + lead;
        const e = l.s + l.text.trimEnd().length;
        const info: TitleInfo = { s, e, text: joined.replace(/^[#*\s]+/, '') };
        return info;
      }
    }
  }
  return undefined;
}

/** Index of the line containing offset `pos` (binary search). */
export function lineAt(lines: Lines, pos: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.s(mid) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
