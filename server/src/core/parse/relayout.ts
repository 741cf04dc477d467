/**
 * Re-layout of flattened text: a report crawled or copied from a web page often comes as one
 * line (or a few very long ones), its headings, tables and date line standing mid-line. The
 * line-based reader (headings, title, date line, sub-headings, table regions) needs lines, so
 * here virtual line breaks are inserted before section headings, the title, the table labels
 * and the date line. They take no room in the source: `Normalized.virtual` lists them and
 * `toSource` maps them to the position of the next real character, so every range still points
 * at the text as written.
 *
 * Page chrome (当前位置、字号 大 中 小、打印本页、附件下载 …) before the title or after the 落款 is
 * blanked (spaces, same length), as noise lines are: no rule reads it.
 *
 * Only lines with no tab that are long and hold a section heading or a table's first label
 * mid-line are touched: a laid-out report is left exactly as it was. Linear in the text: one
 * pass of a few regular expressions over each such line.
 */
import type { FormatTemplate } from '../format/template';
import { FORMAT_2019, FORMAT_2021 } from '../format/template';
import { canonCode } from './labels';
import type { Normalized } from './normalize';
import chromeData from './page-chrome.json';
import { z } from 'zod';

const chromeSchema = z.object({ $comment: z.string().optional(), words: z.array(z.string().min(2)).min(1) });

/** Problems of the page-chrome word list against its schema (the data test; not checked at every start). */
export function chromeProblems(data: unknown = chromeData): string[] {
  const r = chromeSchema.safeParse(data);
  return r.success ? [] : [z.prettifyError(r.error)];
}

/** A row of cells (tabs) longer than this is several rows run together. */
const LONG_ROW = 600;

/** A line shorter than this is laid out already (a paragraph of prose may well be long). */
const LONG_LINE = 120;

/** Words only a web page's frame uses (navigation, toolbar, footer), from the data file. */
const CHROME = new RegExp((chromeData.words as string[]).map(escape).join('|'));
const CHROME_ALL = new RegExp(CHROME.source, 'g');
/** Chrome opens the text: its first character is that of a chrome word. */
const CHROME_START = new RegExp(`^[${[...new Set((chromeData.words as string[]).map((w) => escape(w[0]!)))].join('')}]`);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A compact (canonical, white space dropped) copy of a line with each character's offset. */
interface Compact {
  text: string;
  at: Int32Array;
}

function compact(line: string): Compact {
  const at = new Int32Array(line.length);
  let text = '';
  let n = 0;
  let piece = '';
  for (let i = 0; i < line.length; i++) {
    const c = canonCode(line.charCodeAt(i));
    if (c < 0) continue;
    piece += String.fromCharCode(c);
    at[n++] = i;
    if (piece.length >= 4096) {
      text += piece;
      piece = '';
    }
  }
  text += piece;
  return { text, at: at.subarray(0, n) };
}

interface Patterns {
  heading: RegExp;
  tableStart: RegExp;
  tableLabels: RegExp;
}

let patterns: Patterns | undefined;

/** Section headings, table openings and table labels of both formats, as canonical regexes. */
function getPatterns(): Patterns {
  if (patterns) return patterns;
  const templates: FormatTemplate[] = [FORMAT_2021, FORMAT_2019];
  const canonOf = (s: string) => compact(s).text;
  const bodies = new Set<string>();
  for (const t of templates) {
    for (const sec of t.sections) {
      bodies.add(canonOf(sec.title.replace(/^[一二三四五六]、/, '')));
      for (const a of sec.aliases) bodies.add(canonOf(a));
    }
  }
  const sorted = [...bodies].sort((a, b) => b.length - a.length).map(escape);
  const labels = new Set<string>();
  for (const t of templates) {
    for (const b of t.table2.blocks) {
      labels.add(canonOf(b.label));
      for (const r of b.rows) labels.add(canonOf(r.label));
    }
    for (const r of t.table3.rows) labels.add(canonOf(r.label));
    for (const g of t.table3.rowGroups) labels.add(canonOf(g.label));
  }
  const labelList = [...labels].filter((l) => l.length >= 2).sort((a, b) => b.length - a.length).map(escape);
  patterns = {
    // 二、主动公开政府信息情况 (its numeral and one of its titles)
    heading: new RegExp(`[一二三四五六七八九十][、.,](?:${sorted.join('|')})`, 'g'),
    tableStart: /第二十条第\(一\)项|本年新收政府信息公开申请数量/,
    // labels of the tables' rows and the numbering of their items: `（三）`, `2.` before a label, `一、`
    tableLabels: new RegExp(`${labelList.join('|')}|\\([一二三四五六七八]\\)|[一二三四]、|[1-9][.、](?=[\\u4e00-\\u9fff])`, 'g'),
  };
  return patterns;
}

/** `。` and the like: a sub-heading after one of these opens a new paragraph. */
const SENTENCE_END = /[。；;：:！!？?#]/;

interface State {
  /** No line before held the title's place (the first flattened line). */
  first: boolean;
  /** A table began on an earlier line and no section 五 heading has ended it yet. */
  inTable: boolean;
  /** The last long line of the text: its date line and chrome are looked for. */
  last: boolean;
}

/** Section headings in a compact line. */
function headingsIn(c: Compact): { s: number; e: number }[] {
  // 本年度办理结果, 申请数量: table row labels, not headings (the heading keys never contain them)
  return [...c.text.matchAll(getPatterns().heading)].map((m) => ({ s: m.index!, e: m.index! + m[0].length }));
}

/** A line of flattened report text: a section heading or a table's first label stands mid-line. */
function isFlattened(c: Compact, hasTab: boolean): boolean {
  const headings = headingsIn(c);
  // a long row of cells (tabs) may hold a table label after its first cell: only section
  // headings mid-line (two of them) make such a line flattened text (pipes of a crawled page)
  const mid = headings.filter((h) => h.s > 0).length;
  const table = c.text.search(getPatterns().tableStart) > 0;
  // (or one, or a table's first label, on a line far longer than any row: several rows run together)
  if (hasTab) return mid >= 2 || (c.text.length > LONG_ROW && (mid > 0 || table));
  return mid > 0 || table;
}

/** Offsets (in the line) before which a virtual line break goes, and chrome to blank. */
function breaksOf(line: string, c: Compact, st: State): { breaks: number[]; blank: { s: number; e: number }[] } {
  const p = getPatterns();
  const cut = new Set<number>();
  const headings = headingsIn(c);
  const ts = c.text.search(p.tableStart);
  for (const h of headings) {
    cut.add(h.s);
    cut.add(h.e);
  }
  const blank: { s: number; e: number }[] = [];
  // the title, before section 一, and chrome before it
  const first = headings[0]?.s ?? c.text.length;
  if (st.first) {
    st.first = false;
    const head = c.text.slice(0, Math.min(first, 3000));
    const title = findTitle(head);
    if (title) {
      cut.add(title.s);
      cut.add(title.e);
      if (title.s > 0 && CHROME.test(head.slice(0, title.s))) blank.push({ s: 0, e: title.s });
    } else {
      // no title: chrome at the start runs to its last word in the first few hundred characters
      let end = -1;
      for (const m of head.slice(0, 300).matchAll(CHROME_ALL)) end = m.index! + m[0].length;
      if (end > 0 && head.slice(0, 1).match(CHROME_START)) {
        blank.push({ s: 0, e: end });
        cut.add(end);
      }
    }
  }
  // sub-headings of the prose: （一）, 1. after the end of a sentence
  for (const m of c.text.matchAll(/\([一二三四五六七八九十]{1,3}\)|[1-9][0-9]?[.、](?=[\u4e00-\u9fff])/g)) {
    // a page marker (`。- 2 -（三）`) stands between the sentence and its next item
    const prev = c.text.slice(Math.max(0, m.index! - 8), m.index!).replace(/[-—–－]\d{1,4}[-—–－]$/, '').slice(-1);
    if (prev && SENTENCE_END.test(prev)) cut.add(m.index!);
  }
  // an item numbered 一、 after a sub-heading or a sentence (not 第一、 nor 一、二、三 in a sentence)
  for (const m of c.text.matchAll(/(?<![第一二三四五六七八九十、])[一二三四五六七八九十]、(?![一二三四五六七八九十])(?=[\u4e00-\u9fff])/g)) cut.add(m.index!);
  // the tables: from 第二十条第（一）项 (or 表三's first label) to section 五's heading, over lines
  const from = st.inTable ? 0 : ts;
  if (from >= 0) {
    const five = headings.find((h) => h.s >= from && /^[五六]/.test(c.text.slice(h.s, h.s + 1)));
    const te = five ? five.s : c.text.length;
    st.inTable = !five;
    const region = c.text.slice(from, te);
    for (const m of region.matchAll(p.tableLabels)) cut.add(from + m.index!);
    // numbers after label text, and text after a row's numbers (a label's rest, a garbled
    // header), start a line; not a cell's unit (1288件) nor an item's numbering (1.属于)
    for (const m of region.matchAll(/\d(?=[\u4e00-\u9fff])(?![件个次条项家万])/g)) cut.add(from + m.index! + 1);
    for (const m of region.matchAll(/[\u4e00-\u9fff)](?=\d)(?!\d[.、][\u4e00-\u9fff])/g)) cut.add(from + m.index! + 1);
  }
  // the date line at the end (with its signer), and chrome after it
  const tail = st.last ? dateAtTail(c.text) : undefined;
  if (st.last && !tail) {
    // no date line: chrome at the end runs from its first word in the last few hundred characters, with no sentence after it
    const from = Math.max(0, c.text.length - 300);
    for (const m of c.text.slice(from).matchAll(CHROME_ALL)) {
      let at = from + m.index!;
      if (/[。！？]/.test(c.text.slice(at))) continue;
      while (at > 0 && '【[［'.includes(c.text[at - 1]!)) at--; // 【打印本页】: its bracket too
      cut.add(at);
      blank.push({ s: at, e: c.text.length });
      break;
    }
  }
  if (tail) {
    cut.add(tail.date);
    if (tail.signer !== undefined) cut.add(tail.signer);
    if (tail.after < c.text.length) {
      cut.add(tail.after);
      if (CHROME.test(c.text.slice(tail.after))) blank.push({ s: tail.after, e: c.text.length });
    }
  }
  const toLine = (k: number) => (k >= c.at.length ? line.length : c.at[k]!);
  const breaks = [...cut].map(toLine).filter((x) => x > 0 && x < line.length).sort((a, b) => a - b);
  return { breaks: breaks.filter((x, i) => i === 0 || breaks[i - 1] !== x), blank: blank.map((b) => ({ s: toLine(b.s), e: b.e >= c.at.length ? line.length : toLine(b.e) })) };
}

/** The title in the (compact) text before section 一: the agency's name, the year, 年度报告. */
function findTitle(head: string): { s: number; e: number } | undefined {
  const m = /((?:19|20)\d{2})年度?(?:[^。，,]{0,12}?)(?:政府信息公开|政务公开|信息公开)[^。，,]{0,12}?(?:年度报告|年报)/.exec(head);
  if (!m) return undefined;
  let s = m.index;
  // the agency: Chinese before the year, back to punctuation, a digit, a space or chrome
  let k = s;
  while (k > 0 && s - k < 40 && /[\u4e00-\u9fff()·]/.test(head[k - 1]!)) k--;
  const name = head.slice(k, s);
  const stop = Math.max(...['报告', '年报', '首页', '位置', '专栏', '正文', '下载', '小'].map((w) => {
    const at = name.lastIndexOf(w);
    return at < 0 ? -1 : at + w.length;
  }));
  s = stop > 0 ? k + stop : k;
  return { s, e: m.index + m[0].length };
}

/** The last date of the text when only chrome (or nothing) follows it: date, signer before it, end of the date. */
function dateAtTail(text: string): { date: number; signer?: number; after: number } | undefined {
  const from = Math.max(0, text.length - 400);
  const tail = text.slice(from);
  const re = /(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇○零O0一二三四五六七八九]{4}年[元正一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日/g;
  let last: RegExpExecArray | undefined;
  for (const m of tail.matchAll(re)) last = m;
  if (!last) return undefined;
  const after = last.index! + last[0].length;
  const rest = tail.slice(after);
  if (rest && !CHROME.test(rest)) return undefined;
  // the date stands after the end of a sentence, maybe with the agency's name between
  const before = tail.slice(Math.max(0, last.index! - 41), last.index!);
  const end = Math.max(before.lastIndexOf('。'), before.lastIndexOf('！'), before.lastIndexOf('”'), before.lastIndexOf('；'));
  if (end < 0) return undefined;
  const name = before.slice(end + 1);
  const date = from + last.index!;
  if (!name) return { date, after: from + after };
  if (!/^[\u4e00-\u9fff()·]{2,40}$/.test(name)) return undefined;
  return { date, signer: date - name.length, after: from + after };
}

/** Normalised text with virtual line breaks where a flattened report needs them (the same object when none). */
export function relayout(nz: Normalized): Normalized {
  const text = nz.text;
  // the long lines, and whether one of them is flattened report text (else nothing changes)
  const long: { s: number; e: number; tab: boolean }[] = [];
  let flat = false;
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    if (e - s > LONG_LINE) {
      const tab = text.indexOf('\t', s);
      long.push({ s, e, tab: tab >= 0 && tab < e });
    }
    s = e + 1;
  }
  const compacts = new Map<number, Compact>();
  for (const l of long) {
    const c = compact(text.slice(l.s, l.e));
    if (isFlattened(c, l.tab)) {
      flat = true;
      compacts.set(l.s, c);
    } else if (!l.tab) compacts.set(l.s, c);
  }
  if (!flat) return nz;
  const inserts: number[] = [];
  const blanks: { s: number; e: number }[] = [];
  const st: State = { first: true, inTable: false, last: false };
  const lastLong = long.filter((l) => compacts.has(l.s)).pop();
  for (const l of long) {
    const c = compacts.get(l.s);
    if (!c) continue; // a long row of cells
    st.last = l === lastLong;
    const r = breaksOf(text.slice(l.s, l.e), c, st);
    for (const b of r.breaks) inserts.push(l.s + b);
    for (const b of r.blank) blanks.push({ s: l.s + b.s, e: l.s + b.e });
  }
  if (!inserts.length) return nz;
  return withBreaks(blankChrome(nz, blanks), inserts);
}

function blankChrome(nz: Normalized, blanks: { s: number; e: number }[]): Normalized {
  if (!blanks.length) return nz;
  let out = '';
  let at = 0;
  for (const b of blanks) {
    out += nz.text.slice(at, b.s) + nz.text.slice(b.s, b.e).replace(/[^\n]/g, ' ');
    at = b.e;
  }
  return { ...nz, text: out + nz.text.slice(at), chrome: blanks };
}

/**
 * A page marker standing inside a flattened line (`。- 2 -（三）`, `769 - 5 - 法提供`): blanked, as a
 * marker line is. Text (or a line end) follows it: `0 - 5 - 0` stays three cells.
 */
const INLINE_PAGE_MARKER = /(^|[^\-—–－])([-—–－])( ?)\d{1,4}\3\2(?= *(?:[\u4e00-\u9fff（(\n]|$))/gm;

/** Insert `\n` at the given offsets of nz.text (ascending, distinct): zero-width in the source. */
function withBreaks(nz: Normalized, at: number[]): Normalized {
  const text0 = nz.text;
  let text = '';
  let prev = 0;
  const virtual: number[] = [];
  for (let k = 0; k < at.length; k++) {
    text += text0.slice(prev, at[k]) + '\n';
    virtual.push(at[k]! + k);
    prev = at[k]!;
  }
  text += text0.slice(prev);
  // after the breaks: a marker before a row's numbering (`31- 4 -2.没有…`) then ends a line
  text = text.replace(INLINE_PAGE_MARKER, (m, pre: string) => pre + ' '.repeat(m.length - pre.length));
  // Markdown table rules run into a line (`|---|---|` between rows): no cells, blanked as a rule line is
  text = text.replace(/(?:\t[ ]*:?-{3,}:?[ ]*){2,}(?=\t|\n|$)/g, (m: string) => m.replace(/[^\t]/g, ' '));
  // Markdown heading marks glued before a heading (`0### 三、…`): spaces, as at a real line start
  if (text.indexOf('#') >= 0) {
    const at = new Set(virtual);
    text = text.replace(/#[# ]*(?=\n)/g, (m: string, i: number) => (at.has(i + m.length) ? ' '.repeat(m.length) : m));
  }
  const out: Normalized = { ...nz, text, virtual };
  // chrome ranges move by the breaks before them (a break at x goes before the character at x)
  const moved = (y: number) => {
    let k = 0;
    while (k < at.length && at[k]! <= y) k++;
    return y + k;
  };
  if (nz.chrome) out.chrome = nz.chrome.map((c) => ({ s: moved(c.s), e: c.e > c.s ? moved(c.e - 1) + 1 : moved(c.s) }));
  if (nz.crlf) {
    // a CRLF's offset moves by the breaks before it
    let k = 0;
    out.crlf = nz.crlf.map((x) => {
      while (k < at.length && at[k]! <= x) k++;
      return x + k;
    });
  }
  if (nz.start && nz.end) {
    const n = text.length;
    const start = new Int32Array(n + 1);
    const end = new Int32Array(n + 1);
    let k = 0;
    for (let i = 0, j = 0; i <= n; i++) {
      if (k < virtual.length && virtual[k] === i) {
        // a virtual break stands where the next real character starts
        start[i] = end[i] = nz.start[j]!;
        k++;
        continue;
      }
      start[i] = nz.start[j]!;
      end[i] = nz.end[j]!;
      j++;
    }
    out.start = start;
    out.end = end;
  }
  return out;
}
