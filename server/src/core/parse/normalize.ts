/**
 * Layout normalisation. Produces a view of the text in which every layout looks alike —
 * cell separators are tabs, line breaks are `\n`, odd spaces are spaces, digits are ASCII —
 * with a map from every normalised character back to its source range. Nothing else in the
 * parser deals with HTML, Markdown pipes, CRLF, NBSP, U+3000, full-width digits or a BOM.
 */
import type { Range } from '../model';

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
  /** The source text. */
  source: string;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', thinsp: ' ' };
/** Tags that end a line (rows, paragraphs) or a cell, in HTML input. */
const LINE_TAGS = /^(tr|p|br|div|li|h[1-6]|table|tbody|thead|section|article|ul|ol)$/i;
/** A <caption> reads as a cell of its table: it is no heading of its own. */
const CELL_TAGS = /^(td|th|caption)$/i;

/** The text is an HTML page (a table, paragraph or line-break tag near the start). */
export function looksLikeHtml(src: string): boolean {
  return /<\/?(table|tr|td|p|div|br)\b/i.test(src.slice(0, 200000));
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
  text = text.replace(PLAIN_SPECIAL, (c) => (c === '|' || c === '\uff5c' ? '\t' : String.fromCharCode(normCode(c.charCodeAt(0)))));
  // Markdown heading marks at line start (after spaces): spaces, so headings read as plain lines
  if (text.indexOf('#') >= 0) text = text.replace(/^ *#[ #]*/gm, (m) => m.replace(/#/g, ' '));
  return { text: blankNoiseLines(text), crlf, sourceLength: src.length, source: src };
}

function normalizeHtml(src: string): Normalized {
  const n = src.length;
  // the normalised text is never longer than the source: preallocate
  const buf = new Uint16Array(n);
  const start = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  let k = 0;
  const push = (code: number, s: number, e: number) => {
    buf[k] = code;
    start[k] = s;
    end[k] = e;
    k++;
  };
  let lineStart = 0; // index in buf where the current line starts
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === 13) {
      const e = src.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      push(10, i, e);
      i = e - 1;
      lineStart = k;
      continue;
    }
    if (c === 10) {
      push(10, i, i + 1);
      lineStart = k;
      continue;
    }
    if (c === 60 /* < */) {
      if (src.startsWith('<!--', i)) {
        const endc = src.indexOf('-->', i);
        i = endc > 0 ? endc + 2 : n - 1;
        continue;
      }
      const close = src.indexOf('>', i);
      // <!DOCTYPE html>, <?xml …?>: declarations, not text (else the first line reads "<!DOCTYPE html>" + the title)
      if (close > 0 && close - i < 2000 && (src[i + 1] === '!' || src[i + 1] === '?')) {
        i = close;
        continue;
      }
      if (close > 0 && close - i < 2000) {
        const m = /^<\/?\s*([a-zA-Z0-9]+)/.exec(src.slice(i, Math.min(close + 1, i + 40)));
        if (m) {
          const tag = m[1]!;
          // a cell starts with a tab, as in tab-separated text; its end tag adds nothing, so an
          // empty <td></td> is one empty field, as `\t\t` is
          if (CELL_TAGS.test(tag)) {
            if (src[i + 1] !== '/') push(9, i, close + 1);
          }
          else if (LINE_TAGS.test(tag)) {
            push(10, i, close + 1);
            lineStart = k;
          }
          if (/^(script|style)$/i.test(tag) && src[i + 1] !== '/') {
            const endTag = src.toLowerCase().indexOf(`</${tag.toLowerCase()}`, close);
            if (endTag > 0) {
              const endClose = src.indexOf('>', endTag);
              i = endClose > 0 ? endClose : endTag;
              continue;
            }
          }
          i = close;
          continue;
        }
      }
    }
    if (c === 38 /* & */) {
      const semi = src.indexOf(';', i);
      if (semi > i && semi - i <= 10) {
        const name = src.slice(i + 1, semi);
        let ch: string | undefined = ENTITIES[name.toLowerCase()];
        if (ch === undefined && /^#\d+$/.test(name)) ch = safeChar(Number(name.slice(1)));
        if (ch === undefined && /^#x[0-9a-f]+$/i.test(name)) ch = safeChar(parseInt(name.slice(2), 16));
        if (ch !== undefined) {
          push(normCode(ch.charCodeAt(0)), i, semi + 1);
          i = semi;
          continue;
        }
      }
    }
    // Markdown heading marks at line start: spaces, so headings read as plain lines
    if (c === 35 /* # */ && onlySpacesSince(buf, lineStart, k)) {
      push(32, i, i + 1);
      continue;
    }
    if (c === 124 /* | */ || c === 0xff5c /* ｜ */) {
      push(9, i, i + 1);
      continue;
    }
    push(normCode(c), i, i + 1);
  }
  start[k] = n;
  end[k] = n;
  let text = '';
  for (let p = 0; p < k; p += 8192) text += String.fromCharCode.apply(null, buf.subarray(p, Math.min(k, p + 8192)) as unknown as number[]);
  return { text: blankNoiseLines(text), start, end, sourceLength: n, source: src };
}

/** A character from a numeric entity; one UTF-16 unit (others become a space). */
function safeChar(cp: number): string {
  return Number.isFinite(cp) && cp > 0 && cp < 0xd800 ? String.fromCharCode(cp) : ' ';
}

function onlySpacesSince(buf: Uint16Array, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (buf[j] !== 32 && buf[j] !== 35) return false;
  return true;
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
