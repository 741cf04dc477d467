import type { Paragraph } from '../../model';
import type { Rule } from '../../rule';
import { isDigit, isPageMarker, isSpace, prose } from './text';

/** Paired marks: kind by character. Half-width ( ) pair with full-width ones (their width is punctuation-width's concern) and are never reported. */
const KINDS: { open: string; close: string; reported: boolean }[] = [
  { open: '（', close: '）', reported: true },
  { open: '《', close: '》', reported: true },
  { open: '“', close: '”', reported: true },
  { open: '〔', close: '〕', reported: true },
  { open: '【', close: '】', reported: true },
  { open: '(', close: ')', reported: false },
];
const PAREN = 0;
/** By UTF-16 code: kind + 1 for an opening mark, -(kind + 1) for a closing one, 0 otherwise (one lookup per character). */
const MARK = new Int8Array(0x10000);
KINDS.forEach((k, i) => {
  const kind = k.open === '(' ? PAREN : i;
  MARK[k.open.charCodeAt(0)] = kind + 1;
  MARK[k.close.charCodeAt(0)] = -(kind + 1);
});

/** Characters of a list marker closed by a lone bracket: 1） a） 一） ①… */
function isMarkerChar(c: number): boolean {
  return isDigit(c) || (c >= 0xff10 && c <= 0xff19) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || '一二三四五六七八九十'.includes(String.fromCharCode(c));
}

/** `1）`, `二）`, `a)` opening a line or following a punctuation mark: a list marker with only its closing bracket. */
function isListMarker(t: string, close: number): boolean {
  let k = close;
  while (k > 0 && close - k < 3 && isMarkerChar(t.charCodeAt(k - 1))) k--;
  if (k === close) return false;
  if (k === 0) return true;
  const before = t.charCodeAt(k - 1);
  return isSpace(before) || '，。；：、,;:#>*-'.includes(String.fromCharCode(before));
}

/** `1）` right after ：；。 or at a line's start: an item marker, whatever is open before it. */
function isItemMarker(t: string, close: number): boolean {
  let k = close;
  while (k > 0 && close - k < 3 && isMarkerChar(t.charCodeAt(k - 1))) k--;
  if (k === close) return false;
  return k === 0 || '：；。:;\n'.includes(t[k - 1]!);
}

/** The text between two paragraphs holds nothing but blank lines, page markers (`- 3 -`) and HTML tags. */
function onlyBreaks(text: string, a: number, b: number): boolean {
  let gap = text.slice(a, b);
  // a web page's markup between two paragraphs reads as runs of spaces
  if (gap.length > 300) gap = gap.replace(/ {2,}/g, ' ');
  if (gap.length > 300) return false;
  if (!gap.trim()) return true; // the usual case: a blank line
  gap = gap.replace(/<[^<>\n]{0,80}>/g, '');
  return gap.split('\n').every((line) => !line.trim() || isPageMarker(line));
}

interface Open {
  kind: number;
  at: number;
}

/**
 * Unbalanced （） 《》 “” 〔〕 【】 in a paragraph. Each kind is balanced on its own (a crossing
 * like （“）” is not this rule's business). A paragraph is the parser's run of lines, so PDF text
 * broken across lines is one paragraph; marks still open at its end carry into the next one when
 * only blank lines or page markers come between (a PDF page break), and a quotation running over
 * paragraphs may open each paragraph with “ and close only the last.
 */
const rule: Rule = {
  meta: {
    id: 'bracket-unmatched',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '括号、书名号或引号不配对（（） 《》 “” 〔〕 【】）', en: 'Unbalanced brackets or quotation marks (（） 《》 “” 〔〕 【】)' },
  },
  check(ctx) {
    const { text } = ctx;
    const paragraphs: Paragraph[] = prose(ctx.report);
    let open: Open[][] = KINDS.map(() => []);
    const flush = () => {
      for (const stack of open) for (const o of stack) report(o.at, true);
      open = KINDS.map(() => []);
    };
    const report = (at: number, isOpen: boolean) => {
      const ch = text[at]!;
      const k = KINDS.find((x) => (isOpen ? x.open : x.close) === ch)!;
      if (!k.reported) return;
      ctx.report_({
        range: { start: at, end: at + 1 },
        message: isOpen
          ? { zh: `“${k.open}”没有对应的“${k.close}”`, en: `“${k.open}” has no matching “${k.close}”` }
          : { zh: `“${k.close}”没有对应的“${k.open}”`, en: `“${k.close}” has no matching “${k.open}”` },
      });
    };
    paragraphs.forEach((p, n) => {
      const prev = paragraphs[n - 1];
      const carrying = open.some((stack) => stack.length > 0);
      if (prev && carrying && !(prev.section === p.section && onlyBreaks(text, prev.range.end, p.range.start))) flush();
      const t = p.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        const m = MARK[c]!;
        if (m === 0) continue;
        if (m > 0) {
          const o = m - 1;
          // a quotation over several paragraphs: each opens with “, only the last closes
          if (i === 0 && c === 0x201c && open[o]!.length && open[o]![open[o]!.length - 1]!.at < p.range.start) continue;
          open[o]!.push({ kind: o, at: p.range.start + i });
          continue;
        }
        const cl = -m - 1;
        // “…（国务院令第711号，编制本报告：1）主动公开”: a list marker after ：；。 opens an item, it does not close the title's bracket
        if (cl === PAREN && isItemMarker(t, i)) continue;
        if (open[cl]!.length) open[cl]!.pop();
        else if (!(cl === PAREN && isListMarker(t, i))) report(p.range.start + i, false);
      }
    });
    flush();
  },
};
export default rule;
