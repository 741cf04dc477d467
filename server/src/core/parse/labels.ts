/**
 * Label matching: canonical form (what counts as "the same label") and a fuzzy, end-anchored
 * alignment used to find a template label at the end of a run of label text.
 */

/**
 * Canonical form of a label: no white space, ASCII punctuation, `1、`/`1．` → `1.`, quotes unified.
 * Two labels with the same canonical form are the same label written differently.
 */
export function canon(s: string): string {
  // most short lines are already canonical: return them without building a copy
  let same = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const afterDigit = (c === 0x3001 || c === 44) && i > 0 && s.charCodeAt(i - 1) >= 48 && s.charCodeAt(i - 1) <= 57;
    if (canonCode(c) !== c || afterDigit) {
      same = false;
      break;
    }
  }
  if (same) return s;
  // native replaces, not a copy per character: canon also runs over whole documents
  let out = s.replace(CANON_DROP, '');
  out = out.replace(CANON_MAP, (c) => String.fromCharCode(canonCode(c.charCodeAt(0))));
  return numberingDots(out);
}

/** List numbering written with 、 or ， after a digit, as canon writes it: 1、 → 1. (same length). */
export function numberingDots(s: string): string {
  return s.indexOf('、') >= 0 || s.indexOf(',') >= 0 ? s.replace(/(^|[^0-9])([0-9]{1,2})[、,]/g, '$1$2.') : s;
}

/**
 * canon(text.slice(0, limit)).includes(canon(word)), without building the canonical copy of the
 * text: the word's first character is looked up with indexOf, the rest compared code by code,
 * white space skipped. Words that start with a character canon maps or drops go the long way.
 */
export function includesCanonical(text: string, word: string, limit = text.length): boolean {
  const w = canonConst(word);
  if (!w.length) return true;
  const first = w.charCodeAt(0);
  // a digit (1、 → 1.) or a first character that others map to: compare on the canonical copy
  if (MAPPED_TARGETS.has(first) || /[0-9]/.test(w)) return canon(text.slice(0, limit)).includes(w);
  const end = Math.min(limit, text.length);
  for (let i = text.indexOf(w[0]!); i >= 0 && i < end; i = text.indexOf(w[0]!, i + 1)) {
    let j = i + 1;
    let k = 1;
    while (k < w.length && j < end) {
      const c = canonCode(text.charCodeAt(j++));
      if (c < 0) continue;
      if (c !== w.charCodeAt(k)) break;
      k++;
    }
    if (k === w.length) return true;
  }
  return false;
}

const constCache = new Map<string, string>();

/**
 * canon of a fixed string (a template label, an evidence phrase), remembered: these are
 * canonicalised for every report otherwise. Never for document text (the cache would grow).
 */
export function canonConst(s: string): string {
  let c = constCache.get(s);
  if (c === undefined) constCache.set(s, (c = canon(s)));
  return c;
}

/** What canonCode drops, and what it maps to another character (keep the three in step). */
const CANON_DROP = /[ \t\n\r\u3000\u00a0]+/g;
const CANON_MAP = /[\uff08\uff09\uff0c\uff1a\uff1b\uff0e\u201c\u201d\uff02\u300c\u300d\uff0f]/g;

/** Codes that canonCode maps some other character to ( ( ) , : ; . " / ). */
const MAPPED_TARGETS = new Set([40, 41, 44, 58, 59, 46, 34, 47]);

/** Canonical code of one UTF-16 unit, or -1 when it is dropped (white space). */
export function canonCode(c: number): number {
  switch (c) {
    case 32: case 9: case 10: case 13: case 0x3000: case 0xa0: return -1;
    case 0xff08: return 40; // （
    case 0xff09: return 41; // ）
    case 0xff0c: return 44; // ，
    case 0xff1a: return 58; // ：
    case 0xff1b: return 59; // ；
    case 0xff0e: return 46; // ．
    case 0x201c: case 0x201d: case 0xff02: case 0x300c: case 0x300d: return 34; // quotes
    case 0xff0f: return 47; // ／
    default: return c;
  }
}

export interface Alignment {
  /** Edit distance between the label and the matched tail of the text. */
  cost: number;
  /** Index in the text where the matched tail starts. */
  start: number;
}

/**
 * Semi-global alignment rows: for each end position j of `text`, the least edits between the
 * label and some substring of `text` ending at j, and where that substring starts.
 * O(|label| × |text|); callers bound |text|.
 */
function alignRows(label: string, text: string): { cost: Int32Array; start: Int32Array } {
  const m = label.length;
  const n = text.length;
  let prev = new Int32Array(n + 1);
  let prevStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prevStart[j] = j;
  let cur = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    curStart[0] = 0;
    const lc = label.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (lc === text.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1; // label char missing from text
      const ins = cur[j - 1]! + 1; // extra text char
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curStart[j] = prevStart[j - 1]!;
      } else if (del <= ins) {
        cur[j] = del;
        curStart[j] = prevStart[j]!;
      } else {
        cur[j] = ins;
        curStart[j] = curStart[j - 1]!;
      }
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return { cost: prev, start: prevStart };
}

/** The label against the best substring of `text` that ends at `text`'s end. */
export function alignAtEnd(label: string, text: string): Alignment {
  if (!label.length) return { cost: 0, start: text.length };
  const r = alignRows(label, text);
  return { cost: r.cost[text.length]!, start: r.start[text.length]! };
}

/** The label against the best substring anywhere in `text` (shortest cost, then earliest). */
export function alignAnywhere(label: string, text: string): Alignment & { end: number } {
  if (!label.length) return { cost: 0, start: 0, end: 0 };
  const r = alignRows(label, text);
  let best = 0;
  for (let j = 1; j <= text.length; j++) if (r.cost[j]! < r.cost[best]!) best = j;
  return { cost: r.cost[best]!, start: r.start[best]!, end: best };
}

/** Plain edit distance (for short strings). */
export function editDistance(a: string, b: string): number {
  const n = b.length;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/** How many edits a label of this length may have and still be recognised (as a typo). */
export function allowedEdits(len: number): number {
  if (len <= 4) return 0;
  if (len <= 7) return 1;
  return Math.floor(len * 0.3);
}
