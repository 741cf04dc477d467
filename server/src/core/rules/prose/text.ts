/**
 * Helpers shared by the prose rules (not a rule): the prose outside tables, a whitespace-free
 * view of it (PDF text breaks lines inside words and numbers), sentences, and small tests on
 * characters. Everything here is linear in the text length.
 */
import type { Paragraph, Range, Report } from '../../model';
import { derived } from '../../derived';
import { looksLikeHtml } from '../../parse/normalize';

/** Paragraphs outside the tables, each clipped where a table starts. Shared; do not mutate. */
export function prose(report: Report): Paragraph[] {
  // every prose rule walks the same paragraphs: computed once per lint
  return derived(report, 'prose', () => computeProse(report));
}

/** The prose paragraphs with their compact (whitespace-free) views. Shared; do not mutate. */
export function compactProse(report: Report): { p: Paragraph; c: Compact }[] {
  return derived(report, 'compactProse', () => compactViews(report.text, prose(report)));
}

/**
 * The report is an HTML page (the normaliser's own test): its entities (&nbsp;, &ldquo;) are
 * markup, not residue, and the parser reads them decoded.
 */
export function isHtmlDocument(report: Report): boolean {
  return derived(report, 'isHtml', () => looksLikeHtml(report.text));
}

function computeProse(report: Report): Paragraph[] {
  const tables = [...report.tableRanges].sort((a, b) => a.start - b.start);
  const out: Paragraph[] = [];
  let t = 0;
  for (const p of report.paragraphs) {
    while (t < tables.length && tables[t]!.end <= p.range.start) t++;
    let { start, end } = p.range;
    const table = tables[t];
    if (table && table.start <= start) continue; // starts inside a table
    if (table && table.start < end) end = table.start;
    if (end <= start) continue;
    const last = out[out.length - 1];
    // PDF text: a page marker line (`- 2 -`) between two halves of one paragraph is not a paragraph break
    // (a new object: `last` may be the report's own paragraph)
    if (last && last.section === p.section && onlyPageMarkers(report.text, last.range.end, start)) {
      out[out.length - 1] = { text: report.text.slice(last.range.start, end), range: { start: last.range.start, end }, section: last.section };
      continue;
    }
    // the report's paragraph itself when nothing is clipped: no copy per paragraph
    out.push(end === p.range.end ? p : { text: report.text.slice(start, end), range: { start, end }, section: p.section });
  }
  return out;
}

/** True when text[from, to) is blank lines and at least one page marker line. */
function onlyPageMarkers(text: string, from: number, to: number): boolean {
  if (to - from > 80) return false;
  let marker = false;
  for (const line of text.slice(from, to).split('\n')) {
    if (!line.trim()) continue;
    if (!PAGE_MARKER.test(line)) return false;
    marker = true;
  }
  return marker;
}

const PAGE_MARKER = /^[ \t\u3000]*[-—–－][ \t\u3000]*[\d\uff10-\uff19]{1,4}[ \t\u3000]*[-—–－][ \t\u3000\r]*$/;

/** A PDF page-marker line (`- 3 -`). */
export function isPageMarker(line: string): boolean {
  return line.length < 24 && PAGE_MARKER.test(line);
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0x200b || c === 0xfeff;
}

/**
 * A paragraph without whitespace and without PDF page-marker lines (`- 3 -`), mapping each kept
 * character back to its source offset, so a match in `s` maps back to a source range. The map
 * stores one entry per run of kept characters (not one per character): little memory on
 * documents of many megabytes.
 */
export class Compact {
  constructor(
    readonly s: string,
    /**
     * Run pairs (compact index where a run starts, source offset of its first character),
     * ascending, at [from, to) of an Int32Array shared by every view of the document: no array
     * object per paragraph on documents of a million runs.
     */
    private readonly runs: Int32Array,
    private readonly from: number,
    private readonly to: number,
    /** Source offset just past the paragraph (what `src(s.length)` returns). */
    private readonly end: number,
  ) {}

  private ascii?: string;

  /**
   * `s` with full-width digits ０–９ as ASCII (Word text often has them); the same length, so
   * its indexes map through `src` as well. Computed once per view.
   */
  asciiDigits(): string {
    if (this.ascii === undefined) {
      this.ascii = /[\uff10-\uff19]/.test(this.s) ? this.s.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)) : this.s;
    }
    return this.ascii;
  }

  /** Source offset of compact character i (i = s.length: the paragraph's source end). */
  src(i: number): number {
    if (i >= this.s.length) return this.end;
    const runs = this.runs;
    let lo = this.from >> 1;
    let hi = (this.to >> 1) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[2 * mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return runs[2 * lo + 1]! + (i - runs[2 * lo]!);
  }
}

/** Compact views of the paragraphs, their run pairs in one array. */
function compactViews(text: string, paragraphs: Paragraph[]): { p: Paragraph; c: Compact }[] {
  let runs = new Int32Array(Math.max(64, paragraphs.length * 4));
  let used = 0;
  const push = (at: number, src: number) => {
    if (used + 2 > runs.length) {
      const grown = new Int32Array(runs.length * 2);
      grown.set(runs);
      runs = grown;
    }
    runs[used++] = at;
    runs[used++] = src;
  };
  // the views first (the pairs' array may still grow), then the objects that point into it
  const made: { p: Paragraph; s: string; from: number; to: number }[] = [];
  for (const p of paragraphs) {
    const from = used;
    made.push({ p, s: compactText(text, p, push), from, to: used });
  }
  return made.map(({ p, s, from, to }) => ({ p, c: new Compact(s, runs, from, to, p.range.end) }));
}

/** The whitespace-free text of a paragraph; each run of kept characters goes to `push`. */
function compactText(text: string, p: Paragraph, push: (at: number, src: number) => void): string {
  const range = p.range;
  // most paragraphs are one line with no space in it: the view is the paragraph's own text
  let j = range.start;
  while (j < range.end && !isSpace(text.charCodeAt(j))) j++;
  if (j === range.end && range.end > range.start && !(range.end - range.start < 24 && isPageMarker(p.text))) {
    push(0, range.start);
    return p.text;
  }
  const parts: string[] = [];
  let n = 0;
  let i = range.start;
  while (i < range.end) {
    // scanned up to the range's end only: a flattened page is one line of megabytes
    let lineEnd = i;
    while (lineEnd < range.end && text.charCodeAt(lineEnd) !== 10) lineEnd++;
    if (!(lineEnd - i < 24 && isPageMarker(text.slice(i, lineEnd)))) {
      // copy runs of non-space characters as slices: far fewer strings than one per character
      let run = -1;
      for (let j = i; j <= lineEnd; j++) {
        if (j < lineEnd && !isSpace(text.charCodeAt(j))) {
          if (run < 0) run = j;
          continue;
        }
        if (run < 0) continue;
        parts.push(text.slice(run, j));
        push(n, run);
        n += j - run;
        run = -1;
      }
    }
    i = lineEnd + 1;
  }
  return parts.length === 1 ? parts[0]! : parts.join('');
}

/** `c.s` with full-width digits as ASCII (see Compact.asciiDigits). */
export function asciiDigits(c: Compact): string {
  return c.asciiDigits();
}

/** The source range of compact characters [i, j). */
export function srcRange(c: Compact, i: number, j: number): Range {
  if (j <= i) return { start: c.src(i), end: c.src(i) };
  return { start: c.src(i), end: c.src(j - 1) + 1 };
}

/** True when the compact match [i, j) is written without whitespace in the source. */
export function contiguous(c: Compact, i: number, j: number): boolean {
  return j <= i || c.src(j - 1) - c.src(i) === j - 1 - i;
}

/**
 * Edits that write `right` over the compact match [i, i + wrong.length): one replacement where
 * the source is unbroken; where PDF text breaks a line inside it and the two are the same length
 * (布\n署 → 部\n署), only the characters that differ, each in its place, so the line break stays.
 * Undefined when neither applies.
 */
export function replaceEdits(c: Compact, i: number, wrong: string, right: string): { range: Range; newText: string }[] | undefined {
  const j = i + wrong.length;
  if (contiguous(c, i, j)) return [{ range: srcRange(c, i, j), newText: right }];
  if (wrong.length !== right.length) return undefined;
  const edits: { range: Range; newText: string }[] = [];
  for (let k = 0; k < wrong.length; k++) if (wrong[k] !== right[k]) edits.push({ range: srcRange(c, i + k, i + k + 1), newText: right[k]! });
  return edits;
}

export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Han characters and full-width CJK punctuation. */
export function isCjk(c: number): boolean {
  return isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60) || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Sentence boundaries in compact text: after 。！？ (and ；when `clauses`). */
export function sentences(s: string, clauses = false): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '。' || ch === '！' || ch === '？' || (clauses && (ch === '；' || ch === ';'))) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < s.length) out.push({ start, end: s.length });
  return out;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Value of a Chinese numeral up to 九千九百九十九 (十二, 二十, 一百零五); undefined if not one. */
export function chineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0;
  let digit = -1;
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit > 0 && CN_DIGITS[ch] !== 0) return undefined; // 二三 (一百零五 is fine)
      digit = CN_DIGITS[ch]!;
    } else if (ch in units) {
      total += (digit < 0 ? 1 : digit) * units[ch]!;
      digit = -1;
    } else return undefined;
  }
  return total + (digit > 0 ? digit : 0);
}
