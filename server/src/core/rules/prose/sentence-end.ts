import type { Rule } from '../../rule';
import { isHan, isSpace, prose } from './text';

/** Marks that may end a paragraph: the sentence's end, a quotation or bracket closing after it, a colon before a list. */
const ENDS = '。！？!?…；;：:”’\u300d\u300f）)》】〕'; // corner brackets as escapes: the house quotes are “”
/** A sub-heading or list item (（一）主动公开情况, 1.总体情况, 一是…): its own line needs no 。. */
const HEADING = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}(?:\.\d{1,2})*[.．、]?|第[一二三四五六七八九十]+[章节条部分])/;

/** Words of the tables' labels and captions: text holding them is a table not read as one, not prose. */
const TABLE_WORDS = /勾稽关系|申请人情况|法人或其他组织|本年新收|上年结转政府信息|结果维持|尚未审结|本年制发件数|现行有效件数|单位：/;

/**
 * A paragraph of prose whose last sentence has no end mark (…持续推进政务公开), or ends with a
 * 顿号 or comma where the sentence ends (…政策解读、). Only paragraphs that read as sentences are
 * checked: a comma inside, 20 characters or more, not a heading or list item line, and not the
 * document's last (the 落款).
 */
const rule: Rule = {
  meta: {
    id: 'sentence-end',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '段末缺少句号，或句末误用顿号、逗号', en: 'A paragraph ends without a full stop, or with a 顿号 or comma' },
  },
  check(ctx) {
    // a web page's <p> is often a line of the PDF it was made from (a sentence cut at 、 or ，):
    // where a paragraph ends cannot be told there, so nothing is reported
    if (ctx.report.markup) return;
    const paragraphs = prose(ctx.report);
    for (let n = 0; n < paragraphs.length; n++) {
      const p = paragraphs[n]!;
      const ends = segmentEnds(p.text);
      // the 落款 (or whatever ends the document) is not checked, nor a paragraph a page break cut
      // (a page marker between it and the next: PDF or OCR text, the sentence goes on over the page)
      const next = paragraphs[n + 1];
      if (!next || PAGE_BREAK.test(ctx.report.text.slice(p.range.end, Math.min(next.range.start, p.range.end + 200)))) ends.pop();
      for (const [from, to] of ends) checkEnd(ctx, p.range.start, p.text, from, to);
    }
  },
};

/** A page marker line (第 3 页, - 3 -, — 3 —, 3/12) standing between two paragraphs. */
const PAGE_BREAK = /(^|\n)[ \t\u3000]*(?:第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|[-—–－]+\s*\d{1,4}\s*[-—–－]+|\d{1,4}\s*\/\s*\d{1,4})[ \t\u3000]*(?=\n|$)/;

/** A line that starts a new paragraph inside a run of lines: indented, or opening with an item marker. */
const STARTS = /^(?:[\u3000\t]| {2,})|^[ ]?(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，、是])/;

/**
 * [from, to) of each paragraph within the text of a run of lines: Word text has one paragraph per
 * line with no blank line between, PDF text breaks lines anywhere; a line ends a paragraph only
 * when the next one visibly starts another (indented, or an item marker).
 */
function segmentEnds(t: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
    if (!STARTS.test(t.slice(i + 1, i + 12))) continue;
    out.push([from, i]);
    from = i + 1;
  }
  out.push([from, t.length]);
  return out;
}

function checkEnd(ctx: Parameters<Rule['check']>[0], base: number, t: string, from: number, to: number) {
  let k = to;
  while (k > from && isSpace(t.charCodeAt(k - 1))) k--;
  if (k === from) return;
  const last = t[k - 1]!;
  const body = t.slice(from, k).replace(/\s+/g, '');
  if (body.length < 20 || !/[，,]/.test(body) || ENDS.includes(last)) return;
  // a heading or list item line (its text may go on after it without an end mark of its own)
  if (HEADING.test(body) && !/[。；]/.test(body)) return;
  // a table the parser did not take as one (its labels one per line), a caption
  if (TABLE_WORDS.test(body) || body.includes('|')) return;
  const lastLine = t.slice(t.lastIndexOf('\n', k - 1) + 1, k).replace(/\s+/g, '');
  if (lastLine.length < 4 && t.lastIndexOf('\n', k - 1) >= from) return;
  const at = base + k - 1;
  if (last === '、' || last === '，' || last === ',') {
    ctx.report_({
      range: { start: at, end: at + 1 },
      message: { zh: `句末误用“${last}”，应为“。”`, en: `“${last}” where the sentence ends: should be “。”` },
      fix: { title: { zh: '改为“。”', en: 'Change to “。”' }, edits: [{ range: { start: at, end: at + 1 }, newText: '。' }], safe: true },
    });
    return;
  }
  if (!isHan(last.charCodeAt(0)) && !/[\w%％]/.test(last)) return;
  ctx.report_({
    range: { start: at, end: at + 1 },
    message: { zh: '段末缺少句号', en: 'The paragraph ends without a full stop' },
    fix: { title: { zh: '补上“。”', en: 'Add “。”' }, edits: [{ range: { start: at + 1, end: at + 1 }, newText: '。' }], safe: false },
  });
}
export default rule;
