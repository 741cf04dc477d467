/**
 * Layout normalisation. Produces a view of the text in which every layout looks alike —
 * cell separators are tabs, line breaks are `\n`, odd spaces are spaces, digits are ASCII —
 * with a map from every normalised character back to its source range. Nothing else in the
 * parser deals with HTML, Markdown pipes, CRLF, NBSP, U+3000, full-width digits or a BOM.
 */
import type { Range } from '../model';
import { renderHtml } from './html';

export interface Normalized {
  /** The normalised text. */
  text: string;
  /**
   * HTML only (characters are dropped there: tags, comments): source start and end offset of
   * each normalised character (`start` has length text.length + 1).
   */
  start?: Int32Array;
  end?: Int32Array;
  /**
   * Plain text only (one source character per normalised one, except CRLF → LF): normalised
   * offsets of the line feeds that stand for a CRLF, ascending. A map per character would cost
   * four bytes per character on documents of many megabytes.
   */
  crlf?: number[];
  /**
   * Normalised offsets of virtual line breaks (relayout.ts), ascending. They stand for no
   * source character: each maps to where the next real character starts (in plain text by
   * this list; in HTML by start/end, which already hold them).
   */
  virtual?: number[];
  /** Normalised ranges of page chrome blanked by relayout.ts. */
  chrome?: { s: number; e: number }[];
  sourceLength: number;
  /**
   * The source text; for HTML with its markup masked as spaces (same offsets and line breaks,
   * see html.ts), which is what the parser slices and the rules read.
   */
  source: string;
  /** HTML only: source ranges of the markup (see html.ts), for keeping diagnostics out of tags. */
  markup?: Int32Array;
}

/**
 * The text is an HTML page: a page, table, paragraph or text-run start tag near the start. A
 * `<br>` alone is not enough: Markdown converters write it inside pipe-table cells.
 */
export function looksLikeHtml(src: string): boolean {
  return /<(?:!doctype\s+html|html|body|table|tr|td|p|div|span|font|h[1-6])[\s>/]/i.test(src.slice(0, 200000));
}

export function normalize(src: string): Normalized {
  return looksLikeHtml(src) ? normalizeHtml(src) : normalizePlain(src);
}

/** Characters normCode changes (and the Markdown pipes), for the plain-text path. */
const PLAIN_SPECIAL = /[\uff10-\uff19\u00a0\u3000\ufeff\u200b\u2002\u2003\u2009\u202f\u000b\u000c\uff0e|\uff5c]/g;

/** Plain text and Markdown: the same result as the HTML path would give, without per-character maps. */
function normalizePlain(src: string): Normalized {
  const crlf: number[] = [];
  let text = src;
  if (src.indexOf('\r') >= 0) {
    let removed = 0;
    text = src.replace(/\r\n?/g, (m, at: number) => {
      if (m.length === 2) {
        crlf.push(at - removed);
        removed++;
      }
      return '\n';
    });
  }
  // Markdown converters' HTML inside pipe cells (`1<br>2`, `&nbsp;`): spaces of the same length, so the offsets hold
  if (text.indexOf('<br') >= 0 || text.indexOf('&nbsp;') >= 0) text = text.replace(/<br\s*\/?>|&nbsp;/gi, (m) => ' '.repeat(m.length));
  text = text.replace(PLAIN_SPECIAL, (c) => (c === '|' || c === '\uff5c' ? '\t' : String.fromCharCode(normCode(c.charCodeAt(0)))));
  // Markdown heading marks at line start (after spaces): spaces, so headings read as plain lines
  if (text.indexOf('#') >= 0) text = text.replace(/^ *#[ #]*/gm, (m) => m.replace(/#/g, ' '));
  if (text.indexOf('---') >= 0 && text.indexOf('\t') >= 0) text = markdownTableNoise(text);
  return { text: blankNoiseLines(text), crlf, sourceLength: src.length, source: src };
}

/** A Markdown table rule row (`| --- | :-: |`), after pipes became tabs. */
const RULE_ROW = /^[ \t]*:?-{3,}:?(?:[ \t]*\t[ \t]*:?-{3,}:?)*[ \t]*$/;
/** A pipe row: starts and ends with a cell separator (pipes are tabs here). */
const PIPE_ROW = /^[ ]*\t.*\t[ ]*$/;
/** A header cell a converter names by position (`数据1`, `列2`, `Column 3`): no label of the report. */
const GENERIC_HEADER = /^(?:数据|列|栏|字段|表头|项目|Column|Col|Field|Unnamed:?)\s*\d{1,2}$/i;
const NUMBER_CELL = /^[-+]?\d[\d,.]*$/;

/**
 * Markdown written by PDF and OCR converters (pipes already tabs), made to read as the table it
 * is: a header row of positional names (`数据1 … 数据7`), or any header row of words above a row
 * of numbers only (a header copied from elsewhere over an unlabeled row, whose label stands as a
 * loose line above), names columns, not a row: blanked, so the loose label is the row's label; a
 * page number left alone on a line right after a table row (`5`) is no cell: blanked. Same length.
 */
function markdownTableNoise(text: string): string {
  const lines = text.split('\n');
  let changed = false;
  const cells = (l: string) => l.split('\t').slice(1, -1).map((c) => c.trim());
  const nextContent = (k: number) => {
    while (k < lines.length && !lines[k]!.trim()) k++;
    return k;
  };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (!PIPE_ROW.test(line)) {
      // a short number alone, right after a table row: a page number
      if (/^\s*\d{1,3}\s*$/.test(line)) {
        let p = k - 1;
        while (p >= 0 && !lines[p]!.trim()) p--;
        if (p >= 0 && PIPE_ROW.test(lines[p]!) && !RULE_ROW.test(lines[p]!)) {
          lines[k] = ' '.repeat(line.length);
          changed = true;
        }
      }
      continue;
    }
    if (k + 1 >= lines.length || !RULE_ROW.test(lines[k + 1]!)) continue;
    const head = cells(line).filter(Boolean);
    if (!head.length || head.some((c) => NUMBER_CELL.test(c))) continue;
    const generic = head.every((c) => GENERIC_HEADER.test(c));
    const body = nextContent(k + 2);
    const first = body < lines.length && PIPE_ROW.test(lines[body]!) ? cells(lines[body]!) : [];
    const unlabeled = first.length > 0 && first.every((c) => !c || NUMBER_CELL.test(c)) && first.some((c) => c);
    if (generic || unlabeled) {
      lines[k] = line.replace(/[^\t]/g, ' ');
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

function normalizeHtml(src: string): Normalized {
  const v = renderHtml(src, normCode);
  return { text: blankNoiseLines(v.text), start: v.start, end: v.end, sourceLength: src.length, source: v.masked, markup: v.markup };
}

function normCode(c: number): number {
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + 48; // full-width digits
  if (c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f || c === 0x0b || c === 0x0c) return 32;
  if (c === 0xff0e) return 46; // full-width full stop in numbers
  return c;
}

/**
 * Lines that are layout noise, not content: PDF page markers (`- 3 -`, `第 3 页`), Markdown
 * table rules (`|---|---|`). Their characters become spaces (same length, so the maps hold)
 * and no number is read from them.
 */
const NOISE_LINE = /^[ \t]*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|:?-{3,}:?(?:[ \t]*\t[ \t]*:?-{3,}:?)*[ \t]*)[ \t]*$/gm;

/**
 * A page marker glued to the end of a line by PDF extraction (`（一）予以公开- 6 -`): after a
 * Chinese character or bracket, before the line end or a cell separator, written the same on
 * both sides (`- 6 -`, `-6-`; a signed cell and a dash cell, `-2 -`, are not). Left in, its
 * number would be read as a cell.
 */
const GLUED_PAGE_MARKER = /([-—–－])( ?)\d{1,4}\2\1(?= *(?:\t|$))/gm;

function blankNoiseLines(text: string): string {
  const out = text.replace(NOISE_LINE, (m) => ' '.repeat(m.length));
  if (!/[-—–－]/.test(out)) return out;
  // the marker must follow a Chinese character or bracket (spaces between): checked here
  // rather than by a look-behind, which the regex engine would try at every position
  return out.replace(GLUED_PAGE_MARKER, (m: string, _d: string, _s: string, at: number) => {
    let k = at - 1;
    while (k >= 0 && out.charCodeAt(k) === 32) k--;
    const c = k >= 0 ? out.charCodeAt(k) : 0;
    return (c >= 0x4e00 && c <= 0x9fff) || c === 0xff09 || c === 41 ? ' '.repeat(m.length) : m;
  });
}

/** Map a normalised range back to the source. */
export function toSource(nz: Normalized, s: number, e: number): Range {
  if (nz.start && nz.end) {
    if (e <= s) {
      const p = nz.start[Math.min(s, nz.text.length)]!;
      return { start: p, end: p };
    }
    return { start: nz.start[s]!, end: nz.end[e - 1]! };
  }
  // plain text: offset k is k plus one for every CRLF before it, less one for every virtual break before it
  const v = nz.virtual;
  const start = s + crlfBefore(nz.crlf!, Math.min(s, nz.text.length)) - (v ? crlfBefore(v, Math.min(s, nz.text.length)) : 0);
  if (e <= s) return { start, end: start };
  return { start, end: e + crlfBefore(nz.crlf!, e) - (v ? crlfBefore(v, e) : 0) };
}

/** How many entries of the ascending list are below k. */
function crlfBefore(list: number[], k: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The source text of a normalised range. */
export function sourceSlice(nz: Normalized, s: number, e: number): string {
  const r = toSource(nz, s, e);
  return nz.source.slice(r.start, r.end);
}
