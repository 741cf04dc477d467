/**
 * The date line (落款日期) at the end of a report, and the signing agency's line just above it.
 *
 * Real endings: `2024年1月18日` alone on the last line; the agency name on the line above
 * (`淮安市洪泽区人民政府办公室` / `2025年1月20日`); both on one line, right-aligned with spaces;
 * the date in Chinese numerals (`二〇二五年一月二十日`, often with ○ or 零 for 〇); PDF page
 * markers (`- 6 -`, already blanked by normalize), `（此件公开发布）` or attachment lines after it.
 *
 * Linear and bounded: walks back from the end over at most MAX_LINES non-empty lines and never
 * past the last section heading; one small regex per short line.
 */
import type { Range } from '../model';
import { toSource, type Normalized } from './normalize';
import type { Line, Lines } from './structure';

export interface DateLine {
  range: Range;
  year: number;
  month: number;
  day: number;
  /** The signing agency (落款单位) written just above the date or before it on the same line. */
  signer?: { text: string; range: Range };
}

/** Non-empty lines looked at, from the end. */
const MAX_LINES = 40;
/** A date line (with an optional agency before it) is short. */
const MAX_LINE_LEN = 60;
/** Lines of PDF text are at most this long; a longer line is a whole paragraph. */
const MAX_PDF_LINE = 45;

const ARABIC = /((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$/;
const CN_DIGIT = '〇○零O0一二三四五六七八九';
const CHINESE = new RegExp(
  `([${CN_DIGIT}]{4})\\s*年\\s*(元|正|十[一二]?|[一二三四五六七八九])\\s*月\\s*(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\\s*日$`,
);

/** Agency names end like this (used to tell a signature from a line of prose). */
const AGENCY_END = /(?:局|委|委员会|办|办公室|办公厅|厅|署|政府|中心|处|科|街道|办事处|镇|乡|管委会|院|馆|所|站|队|部|会|公署)$/;

function cnDigit(ch: string): number {
  const i = CN_DIGIT.indexOf(ch);
  return i < 0 ? -1 : i < 5 ? 0 : i - 4;
}

/** 十二 → 12, 二十一 → 21, 三十 → 30, 元 → 1. */
function cnSmall(s: string): number {
  if (s === '元' || s === '正') return 1;
  if (!s.includes('十')) return cnDigit(s);
  const [tens, ones] = s.split('十') as [string, string];
  return (tens ? cnDigit(tens) : 1) * 10 + (ones ? cnDigit(ones) : 0);
}

/** A date ending `t` (trimmed line content): its value and where it starts in `t`. */
export function dateAtEnd(t: string): { year: number; month: number; day: number; at: number } | undefined {
  let year: number, month: number, day: number, at: number;
  const a = ARABIC.exec(t);
  if (a) {
    if (/\d$/.test(t.slice(0, a.index))) return undefined; // part of a longer number
    [year, month, day, at] = [Number(a[1]), Number(a[2]), Number(a[3]), a.index];
  } else {
    const c = CHINESE.exec(t);
    if (!c) return undefined;
    year = 0;
    for (const ch of c[1]!) year = year * 10 + cnDigit(ch);
    [month, day, at] = [cnSmall(c[2]!), cnSmall(c[3]!), c.index];
  }
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return { year, month, day, at };
}

/** Line content without surrounding white space and Markdown emphasis/heading marks. */
function content(l: Line): { s: number; t: string } {
  const lead = l.text.length - l.text.replace(/^[\s#*_>]+/, '').length;
  const t = l.text.slice(lead).replace(/[\s*_]+$/, '');
  return { s: l.s + lead, t };
}

/** A signature line: a short agency name, no sentence punctuation, not a numbered heading. */
function isSigner(t: string): boolean {
  return t.length >= 2 && t.length <= 40 && !/[，。；：,;:、！？!?\d]/.test(t) && /^[\u4e00-\u9fff（）()·\s]+$/.test(t) && AGENCY_END.test(t.replace(/\s+/g, ''));
}

export function findDateLine(nz: Normalized, lines: Lines, after = 0): DateLine | undefined {
  let seen = 0;
  let next: string | undefined; // content of the next non-empty line below the current one
  for (let k = lines.length - 1; k >= 0 && seen < MAX_LINES; k--) {
    const l = lines.at(k);
    if (l.e <= after) break;
    if (l.e - l.s > 400) {
      seen++;
      next = '…';
      continue;
    }
    const { s, t } = content(l);
    if (!t) continue;
    seen++;
    const here = t;
    const followedBy = next;
    next = here;
    if (t.length > MAX_LINE_LEN) continue;
    const d = dateAtEnd(t);
    if (!d) continue;
    const before = t.slice(0, d.at);
    let signer: DateLine['signer'];
    if (before.trim()) {
      // `<agency>   <date>` on one line; anything else (prose ending in a date) is not a date line
      if (!/\s$/.test(before) || !isSigner(before.trim())) continue;
      const name = before.trim();
      signer = { text: name.replace(/\s+/g, ''), range: toSource(nz, s, s + name.length) };
    } else {
      // a sentence broken before or after the date (PDF text) is prose, not the date line
      if (followedBy !== undefined && /^[，。、；：,.;:）)止起至前后以的为是]/.test(followedBy)) continue;
      const prev = previousContent(lines, k, after);
      if (prev && prev.t.length <= MAX_PDF_LINE && !/[。！？!?；;”’）)]$/.test(prev.t) && !isSigner(prev.t)) {
        // the line above is a line of PDF text broken mid-sentence, unless it is a short label
        if (prev.t.length > 20 || /[，。；：,;:]/.test(prev.t)) continue;
      }
      if (prev && isSigner(prev.t)) signer = { text: prev.t.replace(/\s+/g, ''), range: toSource(nz, prev.s, prev.s + prev.t.length) };
    }
    return { range: toSource(nz, s + d.at, s + t.length), year: d.year, month: d.month, day: d.day, ...(signer ? { signer } : {}) };
  }
  return undefined;
}

function previousContent(lines: Lines, k: number, after: number): { s: number; t: string } | undefined {
  for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
    const l = lines.at(j);
    if (l.e <= after) return undefined;
    const c = content(l.e - l.s > 400 ? { s: l.e - 80, e: l.e, text: l.text.slice(-80) } : l);
    if (c.t) return c;
  }
  return undefined;
}
