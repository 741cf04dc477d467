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
  /** Source start offset of each normalised character (length text.length + 1). */
  start: Int32Array;
  /** Source end offset of each normalised character. */
  end: Int32Array;
  sourceLength: number;
  /** The source text. */
  source: string;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', thinsp: ' ' };
/** Tags that end a line (rows, paragraphs) or a cell, in HTML input. */
const LINE_TAGS = /^(tr|p|br|div|li|h[1-6]|table|tbody|thead|section|article|ul|ol)$/i;
const CELL_TAGS = /^(td|th)$/i;

export function normalize(src: string): Normalized {
  const n = src.length;
  const out: string[] = [];
  const st: number[] = [];
  const en: number[] = [];
  const push = (ch: string, s: number, e: number) => {
    out.push(ch);
    st.push(s);
    en.push(e);
  };
  const isHtml = /<(table|tr|td|p|div|br)\b/i.test(src.slice(0, 200000));
  let lineStartIdx = 0; // index in out where the current line starts
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    if (c === 13) {
      const e = src.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      push('\n', i, e);
      i = e - 1;
      lineStartIdx = out.length;
      continue;
    }
    if (c === 10) {
      push('\n', i, i + 1);
      lineStartIdx = out.length;
      continue;
    }
    if (isHtml && c === 60 /* < */) {
      const close = src.indexOf('>', i);
      if (close > 0 && close - i < 2000) {
        const m = /^<\/?\s*([a-zA-Z0-9]+)/.exec(src.slice(i, Math.min(close + 1, i + 40)));
        if (m) {
          const tag = m[1]!;
          if (CELL_TAGS.test(tag)) push('\t', i, close + 1);
          else if (LINE_TAGS.test(tag)) {
            push('\n', i, close + 1);
            lineStartIdx = out.length;
          }
          if (/^(script|style)$/i.test(tag) && src[i + 1] !== '/') {
            const endTag = src.toLowerCase().indexOf(`</${tag.toLowerCase()}`, close);
            if (endTag > 0) {
              const endClose = src.indexOf('>', endTag);
              i = (endClose > 0 ? endClose : endTag) ;
              continue;
            }
          }
          i = close;
          continue;
        }
        if (src.startsWith('<!--', i)) {
          const endc = src.indexOf('-->', i);
          i = endc > 0 ? endc + 2 : n - 1;
          continue;
        }
      }
    }
    if (isHtml && c === 38 /* & */) {
      const semi = src.indexOf(';', i);
      if (semi > i && semi - i <= 10) {
        const name = src.slice(i + 1, semi);
        let ch: string | undefined = ENTITIES[name.toLowerCase()];
        if (ch === undefined && /^#\d+$/.test(name)) ch = String.fromCodePoint(Number(name.slice(1)) || 32);
        if (ch === undefined && /^#x[0-9a-f]+$/i.test(name)) ch = String.fromCodePoint(parseInt(name.slice(2), 16) || 32);
        if (ch !== undefined) {
          push(normChar(ch), i, semi + 1);
          i = semi;
          continue;
        }
      }
    }
    // Markdown heading marks at line start: treat as spaces so headings read as plain lines.
    if (c === 35 /* # */ && onlySpacesSince(out, lineStartIdx)) {
      push(' ', i, i + 1);
      continue;
    }
    if (c === 124 /* | */ || c === 0xff5c /* ｜ */) {
      push('\t', i, i + 1);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      push(src[i]! + src[i + 1]!, i, i + 2);
      i++;
      continue;
    }
    push(normChar(src[i]!), i, i + 1);
  }
  const text = out.join('');
  // out entries can be 2 UTF-16 units (surrogate pairs): expand maps to text indices
  const start = new Int32Array(text.length + 1);
  const end = new Int32Array(text.length + 1);
  let k = 0;
  for (let j = 0; j < out.length; j++) {
    for (let u = 0; u < out[j]!.length; u++) {
      start[k] = st[j]!;
      end[k] = en[j]!;
      k++;
    }
  }
  start[k] = n;
  end[k] = n;
  return { text: blankNoiseLines(text), start, end, sourceLength: n, source: src };
}

function onlySpacesSince(out: string[], from: number): boolean {
  for (let j = from; j < out.length; j++) if (out[j] !== ' ' && out[j] !== '#') return false;
  return true;
}

function normChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 48); // full-width digits
  if (c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f || c === 0x0b || c === 0x0c) return ' ';
  if (c === 0xff0e) return '.'; // full-width full stop in numbers
  return ch;
}

/**
 * Lines that are layout noise, not content: PDF page markers (`- 3 -`, `第 3 页`), Markdown
 * table rules (`|---|---|`). Their characters become spaces (same length, so the maps hold)
 * and no number is read from them.
 */
const NOISE_LINE = /^[ \t]*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|:?-{3,}:?(?:[ \t]*\t[ \t]*:?-{3,}:?)*[ \t]*)[ \t]*$/gm;

function blankNoiseLines(text: string): string {
  return text.replace(NOISE_LINE, (m) => ' '.repeat(m.length));
}

/** Map a normalised range back to the source. */
export function toSource(nz: Normalized, s: number, e: number): Range {
  if (e <= s) {
    const p = nz.start[Math.min(s, nz.text.length)]!;
    return { start: p, end: p };
  }
  return { start: nz.start[s]!, end: nz.end[e - 1]! };
}

/** The source text of a normalised range. */
export function sourceSlice(nz: Normalized, s: number, e: number): string {
  const r = toSource(nz, s, e);
  return nz.source.slice(r.start, r.end);
}
