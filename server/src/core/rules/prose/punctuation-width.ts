import type { Range, Report } from '../../model';
import type { Msg, Rule, TextEdit } from '../../rule';
import { isCjk, isDigit, isHan, prose } from './text';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
/** FULL's keys (ASCII) and values (U+FF00 block) as lookup tables: the scans test every character. */
const IS_HALF = new Uint8Array(0x80);
const IS_FULL = new Uint8Array(0x80);
for (const [half, full] of Object.entries(FULL)) {
  IS_HALF[half.charCodeAt(0)] = 1;
  IS_FULL[full.charCodeAt(0) - 0xff00] = 1;
}

/**
 * Half-width punctuation that belongs to Chinese text: `, ; : ? !` right after a Chinese
 * character (or after a number and before one: `52,其中`), and `( )` pairs with Chinese inside
 * or beside them. URLs, times (12:30) and numbers (1,000) are left alone.
 */
export interface Mark {
  at: number;
  ch: string;
  /** For a `(`: the offset of its `)` when both are reported. */
  mate?: number;
}

export function halfWidthMarks(report: Report): Mark[] {
  const { text } = report;
  const out: Mark[] = [];
  for (const p of prose(report)) {
    const open: number[] = [];
    for (let i = p.range.start; i < p.range.end; i++) {
      const code = text.charCodeAt(i);
      // fast path, on the code: every mark is one of , ; : ? ! ( ) (no string per digit or space)
      if (code >= 0x80 || !IS_HALF[code]) continue;
      // ( and ) pair across line breaks: PDF text breaks lines inside a parenthesis
      const ch = text[i]!;
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (ch === '(') {
        open.push(i);
        continue;
      }
      if (ch === ')') {
        const o = open.pop();
        if (o === undefined) {
          if (isCjk(prev) || isHan(next)) out.push({ at: i, ch });
          continue;
        }
        const before = o > 0 ? text.charCodeAt(o - 1) : 0;
        if (before === 0x5d) continue; // a Markdown link target [文字](年报.pdf): syntax, not punctuation
        if (isCjk(before) || isHan(next) || hasHan(text, o + 1, i)) out.push({ at: o, ch: '(', mate: i }, { at: i, ch });
        continue;
      }
      // after a `)` that is itself reported (`(含网上申请),均`), the mark is in Chinese text too
      const afterMark = prev === 0x29 && out.length > 0 && out[out.length - 1]!.at === i - 1;
      if (isCjk(prev) || afterMark || ((isDigit(prev) || prev === 0x25) && isHan(next))) out.push({ at: i, ch });
    }
    for (const o of open) {
      const next = o + 1 < text.length ? text.charCodeAt(o + 1) : 0;
      const before = o > 0 ? text.charCodeAt(o - 1) : 0;
      if (isCjk(before) || isHan(next)) out.push({ at: o, ch: '(' });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * `(一)` / `(1)` opening a line: a heading marker whose width a web page or extractor often
 * normalised; alone it is not worth a warning (the document-level conversion still covers it).
 */
function isHeadingMarker(text: string, open: number, close: number, opensParagraph = false): boolean {
  // spaces inside: a web page's markup between the runs of `(`, `五` and `)` reads as spaces
  if (close - open > 400) return false;
  const inner = text.slice(open + 1, close).replace(/\s+/g, '');
  if (inner.length > 3 || !/^[一二三四五六七八九十\d]+$/.test(inner)) return false;
  if (opensParagraph) return true;
  // back from the mark over what may open a line (`## (一)`, `<p>(一)`, `> (一)`) to the line start;
  // bounded, so that a flattened page (one line of megabytes) is not scanned back once per mark
  let k = open - 1;
  for (let n = 0; k >= 0; k--, n++) {
    if (n > 2000) return false;
    const c = text.charCodeAt(k);
    if (c === 10) return true;
    if (c === 62 /* > */) {
      // a tag `<p>` is passed whole; a lone `>` (a quote mark) is allowed as it is
      let lt = k - 1;
      while (lt >= 0 && k - lt <= 200 && text.charCodeAt(lt) !== 60 && text.charCodeAt(lt) !== 62) lt--;
      if (lt >= 0 && k - lt <= 200 && text.charCodeAt(lt) === 60) {
        n += k - lt;
        k = lt;
      }
      continue;
    }
    if (!(c === 35 || c === 42 || /\s/.test(text[k]!))) return false;
  }
  return true;
}

function hasHan(text: string, a: number, b: number): boolean {
  for (let i = a; i < b && i < a + 200; i++) if (isHan(text.charCodeAt(i))) return true;
  return false;
}

/** Full-width counterparts already in the prose (to tell a normalised document from a slip). */
function fullWidthCount(report: Report): number {
  let n = 0;
  for (const p of prose(report)) {
    const t = p.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0xff00 && c < 0xff80 && IS_FULL[c - 0xff00]) n++;
    }
  }
  return n;
}

const FIX_TITLE: Msg = { zh: '改为全角标点', en: 'Use full-width punctuation' };
const MESSAGES = new Map<string, Msg>();

/** One message object per mark, shared by its diagnostics: a document can have tens of thousands. */
function messageFor(shown: string): Msg {
  let msg = MESSAGES.get(shown);
  if (!msg) {
    const right = shown === '( )' ? '（）' : FULL[shown];
    MESSAGES.set(shown, (msg = { zh: `中文中使用了半角标点“${shown}”，应为全角“${right}”`, en: `Half-width “${shown}” in Chinese text; use full-width “${right}”` }));
  }
  return msg;
}

const edit = (m: Mark): TextEdit => ({ range: { start: m.at, end: m.at + 1 }, newText: FULL[m.ch]! });

/** Half-width punctuation in Chinese text; one document-level diagnostic when the whole document is half-width. */
const rule: Rule = {
  meta: {
    id: 'punctuation-width',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '中文句子中使用了半角标点（, ; : ( ) ?）', en: 'Half-width punctuation (, ; : ( ) ?) in Chinese text' },
    docs: {
      zh: '中文行文应使用全角标点（GB/T 15834）。汉字旁的半角 `, ; : ? !` 和包含或紧挨汉字的半角括号被报告；网址、时间（12:30）、数字（1,000）和行首的序号“(一)”单独出现时不报告。整篇文档都是半角标点时（文本提取工具统一转换过），只报告一次，快速修复一次转换全文。',
      en: 'Chinese text uses full-width punctuation (GB/T 15834). Half-width `, ; : ? !` next to Chinese characters and half-width parentheses around or beside Chinese are reported; URLs, times (12:30), numbers (1,000) and a lone line-opening marker `(一)` are not. When the whole document is half-width (a text extractor normalised it), one document-level diagnostic is reported instead, whose fix converts the whole document.',
    },
  },
  check(ctx) {
    const marks = halfWidthMarks(ctx.report);
    if (!marks.length) return;
    const full = fullWidthCount(ctx.report);
    if (marks.length >= 10 && marks.length >= 3 * full) {
      const range: Range = { start: marks[0]!.at, end: marks[marks.length - 1]!.at + 1 };
      ctx.report_({
        range,
        message: {
          zh: `全文使用半角标点（${marks.length} 处，全角仅 ${full} 处），应改为全角`,
          en: `The whole document uses half-width punctuation (${marks.length} marks, only ${full} full-width); Chinese text uses full-width`,
        },
        fix: { title: { zh: `全文转换为全角标点（${marks.length} 处）`, en: `Convert the document to full-width punctuation (${marks.length} marks)` }, edits: marks.map(edit), safe: true },
      });
      return;
    }
    const mates = new Set(marks.map((m) => m.mate).filter((x) => x !== undefined));
    // a paragraph opens where a line does, or at a virtual line break of flattened text (same marker)
    const opens = new Set(prose(ctx.report).map((p) => p.range.start));
    for (const m of marks) {
      if (m.ch === ')' && mates.has(m.at)) continue; // reported with its (
      if (m.mate !== undefined && isHeadingMarker(ctx.text, m.at, m.mate, opens.has(m.at))) continue;
      const paired = m.mate !== undefined;
      const range = { start: m.at, end: (m.mate ?? m.at) + 1 };
      ctx.report_({
        range,
        message: messageFor(paired ? '( )' : m.ch),
        fix: { title: FIX_TITLE, edits: paired ? [edit(m), edit({ at: m.mate!, ch: ')' })] : [edit(m)], safe: true },
      });
    }
  },
};

export default rule;
