import type { Report } from '../../model';
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
  /** For a parenthesis: the offset of its partner (`-1 - offset` when the partner is already full-width). */
  mate?: number;
}

export function halfWidthMarks(report: Report): Mark[] {
  const { text } = report;
  const out: Mark[] = [];
  for (const p of prose(report)) {
    // open parentheses, half-width at their offset, full-width as -1 - offset: a ) closing a （
    // (half fixed, or typed so) is still in Chinese text, and so is a ( closed by a ）
    const open: number[] = [];
    for (let i = p.range.start; i < p.range.end; i++) {
      const code = text.charCodeAt(i);
      if (code === 0xff08) {
        open.push(-1 - i);
        continue;
      }
      if (code === 0xff09) {
        const o = open.pop();
        if (o !== undefined && o >= 0) out.push({ at: o, ch: '(', mate: -1 - i });
        continue;
      }
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
        if (o !== undefined && o < 0) {
          out.push({ at: i, ch, mate: o });
          continue;
        }
        if (o === undefined) {
          if (isCjk(prev) || isHan(next)) out.push({ at: i, ch });
          continue;
        }
        const before = o > 0 ? text.charCodeAt(o - 1) : 0;
        if (before === 0x5d) continue; // a Markdown link target [文字](年报.pdf): syntax, not punctuation
        if (isCjk(before) || isHan(next) || hasHan(text, o + 1, i)) out.push({ at: o, ch: '(', mate: i }, { at: i, ch, mate: o });
        continue;
      }
      // after a `)` that is itself reported (`(含网上申请),均`), the mark is in Chinese text too
      const afterMark = prev === 0x29 && out.length > 0 && out[out.length - 1]!.at === i - 1;
      if (isCjk(prev) || afterMark || ((isDigit(prev) || prev === 0x25) && isHan(next))) out.push({ at: i, ch });
    }
    for (const o of open) {
      if (o < 0) continue;
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
    const right = FULL[shown];
    MESSAGES.set(shown, (msg = { zh: `中文中使用了半角标点“${shown}”，应为全角“${right}”`, en: `Half-width “${shown}” in Chinese text; use full-width “${right}”` }));
  }
  return msg;
}

const PARTNER_CLOSE: Msg = { zh: '与之配对的后括号', en: 'its closing parenthesis' };
const PARTNER_OPEN: Msg = { zh: '与之配对的前括号', en: 'its opening parenthesis' };

/** The message in a normalised document: one per mark kind, shared by that document's diagnostics. */
function documentMessage(cache: Map<string, Msg>, ch: string): Msg {
  let msg = cache.get(ch);
  if (!msg) {
    const one = messageFor(ch);
    cache.set(
      ch,
      (msg = {
        // no counts: a form of the same report (a web page, a PDF) may see a few marks fewer, and its message must not differ
        zh: `${one.zh}（全文使用半角标点，“修复全部 punctuation-width 问题”一次改正）`,
        en: `${one.en} (the whole document uses half-width punctuation; “Fix all punctuation-width problems” converts them at once)`,
      }),
    );
  }
  return msg;
}

const edit = (m: Mark): TextEdit => ({ range: { start: m.at, end: m.at + 1 }, newText: FULL[m.ch]! });

/** Half-width punctuation in Chinese text: one diagnostic on each mark, whose fix changes that mark only. */
const rule: Rule = {
  meta: {
    id: 'punctuation-width',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '中文句子中使用了半角标点（, ; : ( ) ?）', en: 'Half-width punctuation (, ; : ( ) ?) in Chinese text' },
  },
  check(ctx) {
    const marks = halfWidthMarks(ctx.report);
    if (!marks.length) return;
    const full = fullWidthCount(ctx.report);
    // a document a text extractor normalised: every mark still gets its own diagnostic (the
    // squiggle on the mark), the message says it is the whole document, and fix-all converts it
    const normalised = marks.length >= 10 && marks.length >= 3 * full;
    const messages = new Map<string, Msg>();
    // a paragraph opens where a line does, or at a virtual line break of flattened text (same marker)
    const opens = new Set(prose(ctx.report).map((p) => p.range.start));
    for (const m of marks) {
      const mate = m.mate === undefined ? undefined : m.mate < 0 ? -1 - m.mate : m.mate;
      // a lone line-opening (一): a heading marker a web page normalised; converted with the rest of a normalised document
      if (!normalised && mate !== undefined) {
        const [o, c] = m.ch === '(' ? [m.at, mate] : [mate, m.at];
        if (isHeadingMarker(ctx.text, o, c, opens.has(o))) continue;
      }
      const related = mate === undefined ? undefined : [{ range: { start: mate, end: mate + 1 }, message: m.ch === '(' ? PARTNER_CLOSE : PARTNER_OPEN }];
      ctx.report_({
        range: { start: m.at, end: m.at + 1 },
        message: normalised ? documentMessage(messages, m.ch) : messageFor(m.ch),
        fix: { title: FIX_TITLE, edits: [edit(m)], safe: true },
        ...(related ? { related } : {}),
      });
    }
  },
};

export default rule;
