/**
 * Tokens of a table region in the normalised text: label text, numbers, and things written
 * where a number belongs (`/`, `-`, `无`, letter O …). White space of any kind separates tokens;
 * digits glued to label text (`数量801000081`) are split off.
 */
import { canonCode, numberingDots } from './labels';
import { isCaptionLine, mayOpenCaption } from './captions';

export type TokenKind = 'text' | 'num' | 'bad';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Normalised-text offsets [s, e). */
  s: number;
  e: number;
  /** A unit written after the number in the same cell (`1288件`): [s, e) and text; `text` is the number alone. */
  unit?: { s: number; e: number; text: string };
}

const NUM = /^(?:\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?)$/;
/** A number with a unit written in its cell (`1288件`, `12.5万元`): the number is read, the unit reported. */
const NUM_UNIT = /^(\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?)(件|个|次|条|项|家|万元)$/;
const SIGNED = /^[-－−]\d+(?:\.\d+)?$/;
/** What people write where a number belongs: dashes, slashes, 无, letter O for zero. */
const BAD = /^(?:[/／\\\-－—–_~～×xX*＊]+|[OoＯｏ〇]+|\d*[OoＯｏ]\d*[OoＯｏ\d]*|无|空|N\/?A|n\/?a)$/;

export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  let lineStart = true;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      lineStart = false;
      // a caption (表3) or unit note line is not table data: its digits are no cells
      let f = i;
      while (f < to && (text.charCodeAt(f) === 32 || text.charCodeAt(f) === 9)) f++;
      if (f < to && mayOpenCaption(text.charCodeAt(f))) {
        let e = text.indexOf('\n', i);
        if (e < 0 || e > to) e = to;
        if (isCaptionLine(text, i, e)) {
          i = e;
          continue;
        }
      }
    }
    if (c === 32 || c === 9 || c === 10) {
      if (c === 10) lineStart = true;
      i++;
      continue;
    }
    let j = i;
    while (j < to) {
      const d = text.charCodeAt(j);
      if (d === 32 || d === 9 || d === 10) break;
      j++;
    }
    splitChunk(text, i, j, out);
    i = j;
  }
  // 无 / O alone count as a bad cell only next to numbers; otherwise they are label text.
  for (let k = 0; k < out.length; k++) {
    const t = out[k]!;
    if (t.kind === 'bad' && /^(?:无|空|[OoＯｏ〇])$/.test(t.text)) {
      const near = (x?: Token) => x && (x.kind === 'num' || (x.kind === 'bad' && !/^(?:无|空)$/.test(x.text)));
      if (!near(out[k - 1]) && !near(out[k + 1])) t.kind = 'text';
    }
  }
  return out;
}

function classify(s: string): TokenKind {
  if (plainDigits(s) || NUM.test(s) || SIGNED.test(s)) return 'num';
  if (BAD.test(s)) return 'bad';
  return 'text';
}

/** Split one white-space-free chunk into label text and numbers. */
function splitChunk(text: string, s: number, e: number, out: Token[]) {
  const chunk = text.slice(s, e);
  const kind = classify(chunk);
  if (kind !== 'text') {
    out.push({ kind, text: chunk, s, e });
    return;
  }
  // a number with its unit opens with a digit: label text costs no regex
  const c0 = chunk.charCodeAt(0);
  const unit = c0 >= 48 && c0 <= 57 ? NUM_UNIT.exec(chunk) : null;
  if (unit) {
    const b = s + unit[1]!.length;
    out.push({ kind: 'num', text: unit[1]!, s, e: b, unit: { s: b, e, text: unit[2]! } });
    return;
  }
  // Peel digit groups glued to label text, but keep list numbering (`1.属于`, `3、其他`),
  // 第二十条-style ordinals and digits inside words such as `12345热线`.
  const re = /\d+(?:\.\d+)?/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const pieces: { a: number; b: number; num: boolean }[] = [];
  while ((m = re.exec(chunk))) {
    const a = m.index;
    const b = a + m[0].length;
    const after = chunk.slice(b, b + 1);
    const before = chunk.slice(Math.max(0, a - 1), a);
    const isNumbering = /^[.、,，．)）]$/.test(after) || (m[0].includes('.') && !/\d$/.test(m[0]));
    const glued = b === chunk.length || /[一-龥（(]/.test(after);
    const prevIsText = a > 0 && !/[0-9.]/.test(before);
    if (isNumbering || before === '第' || !(glued && (prevIsText || b < chunk.length))) continue;
    if (/[号年月日元条项件个次页%％万]/.test(after)) continue;
    if (a > last) pieces.push({ a: last, b: a, num: false });
    pieces.push({ a, b, num: true });
    last = b;
  }
  if (!pieces.length) {
    out.push({ kind: 'text', text: chunk, s, e });
    return;
  }
  if (last < chunk.length) pieces.push({ a: last, b: chunk.length, num: false });
  for (const p of pieces) out.push({ kind: p.num ? 'num' : 'text', text: chunk.slice(p.a, p.b), s: s + p.a, e: s + p.b });
}

/** Canonical label text of a run of text tokens, with each canonical char's normalised offset (it ends one later). */
export function canonOf(tokens: readonly Token[]): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (const t of tokens) {
    const s = t.text;
    // most tokens are canonical already: appended whole, no copy per character
    let k = 0;
    while (k < s.length) {
      const c = s.charCodeAt(k);
      if (canonCode(c) !== c) break;
      at.push(t.s + k);
      k++;
    }
    if (k === s.length) {
      text += s;
      continue;
    }
    let piece = s.slice(0, k);
    for (; k < s.length; k++) {
      const code = canonCode(s.charCodeAt(k));
      if (code < 0) continue;
      piece += String.fromCharCode(code);
      at.push(t.s + k);
    }
    text += piece;
  }
  // numbering 1、 → 1. across token boundaries (length-preserving)
  return { text: numberingDots(text), at };
}

/** Only ASCII digits (most cells): no regex needed to read or classify it. */
function plainDigits(s: string): boolean {
  if (!s.length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function numericValue(s: string): number {
  // most cells are plain digits: no replace (two regexes per cell add up over a thousand reports)
  if (plainDigits(s)) return Number(s);
  return Number(s.replace(/[,，]/g, '').replace(/^[－−]/, '-'));
}
