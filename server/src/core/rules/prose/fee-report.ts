import type { Cell, Report } from '../../model';
import type { Fix, Related, Rule } from '../../rule';
import { compactProse } from './text';

/** What a statement about 信息处理费 says, in whitespace-free text. */
const FEE = /信息处理费|处理费|收费|(?:收取|收缴|缴纳|免收|减免|产生|缴费)[^。；]{0,12}费/;
/**
 * A statement about the fees charged elsewhere in the prose (`未收取信息处理费`, `处理费0元`): the
 * report does say it, only not in 六. Citing the 管理办法 is not such a statement.
 */
const FEE_ELSEWHERE = /(?:收取|收缴|缴纳|产生)[^。；]{0,14}处理费|处理费[^。；《》]{0,8}?[0-9０-９][0-9０-９.，,]*\s*万?元/;

export const NO_FEE_SENTENCE = '本年度未收取信息处理费。';

function total(report: Report, key: string): Cell | undefined {
  const c = report.table3?.rows.find((r) => r.key === key)?.cells[6];
  return c && c.kind === 'number' && c.value !== null ? c : undefined;
}

const EMPTY_LINE = /^(?:\s|<[^>]*>|[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)*$/;

/**
 * The insertion of a sentence at the end of section 六's text: after its last line of content,
 * before the signing agency and the date line, as a paragraph of the document's own kind.
 */
function insertion(report: Report, sentence: string, six: { heading: { range: { end: number } }; body: { start: number; end: number } }) {
  // a web page: after the paragraph's end tag, which the rules' text masks
  const text = report.source ?? report.text;
  let end = six.body.end;
  const sign = report.dateLine?.signer ?? report.dateLine;
  if (sign && sign.range.start >= six.body.start && sign.range.start < end) end = text.lastIndexOf('\n', sign.range.start - 1) + 1;
  // the last line with content, from `end` back to the heading
  let at = six.heading.range.end;
  let p = end;
  while (p > six.heading.range.end) {
    const ls = text.lastIndexOf('\n', p - 1) + 1;
    const from = Math.max(ls, six.heading.range.end);
    const contentEnd = trimmedEnd(text, from, p);
    if (contentEnd > from && !(contentEnd - from < 200 && EMPTY_LINE.test(text.slice(from, contentEnd)))) {
      at = contentEnd;
      break;
    }
    p = ls - 1;
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // paragraphs separated by blank lines (Markdown, Word text) get a blank line too
  const firstGap = text.slice(six.heading.range.end, Math.min(six.body.end, six.heading.range.end + 200)).match(/^[^\S\n]*\r?\n(?:[^\S\n]*\r?\n)+/);
  const sep = firstGap ? eol + eol : eol;
  const html = /<\/?(?:p|div|table|tr|td|br)\b/i.test(text.slice(0, 200000));
  return { at, newText: sep + (html ? `<p>${sentence}</p>` : sentence) };
}

/** Where a report without section 六 ends: its signature or date line, else its last line. */
function endOfReport(report: Report) {
  const d = report.dateLine?.signer ?? report.dateLine;
  if (d) return d.range;
  const end = trimmedEnd(report.text, 0, report.text.length);
  return { start: report.text.lastIndexOf('\n', end - 1) + 1, end };
}

/** The end of [from, to) without trailing white space (a scan, not a regex: linear on any text). */
function trimmedEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** Section 六 of a 2021-format report does not report 信息处理费. */
const rule: Rule = {
  meta: {
    id: 'fee-report',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '第六部分没有报告信息处理费的收取情况', en: 'Section 6 does not report information processing fees (信息处理费)' },
  },
  check(ctx) {
    const { report } = ctx;
    if (report.format !== '2021') return;
    const six = report.sections.find((s) => s.number === 6);
    // without 六 (section-missing reports it) only a report that reached 五 is judged: not a fragment
    if (!six && !report.sections.some((s) => s.number === 5)) return;
    const paras = compactProse(report);
    if (six && paras.some(({ p, c }) => p.section === 6 && FEE.test(c.s))) return;
    if (paras.some(({ p, c }) => p.section !== 6 && FEE_ELSEWHERE.test(c.s))) return;
    const notices = total(report, '三.6.2');
    const received = total(report, '一');
    const carried = total(report, '二');
    const related: Related[] = [];
    let fix: Fix | undefined;
    let zh: string, en: string;
    if (notices && notices.value! > 0) {
      zh = `表三“（六）其他处理”第2项（申请人逾期未按收费通知要求缴纳费用）总计为${notices.value}，本年发出过收费通知，但第六部分“其他需要报告的事项”没有报告信息处理费的收取情况`;
      en = `Table 3 “(6) other handling” item 2 (applicant did not pay after a fee notice) totals ${notices.value}: fee notices were sent this year, but section 6 does not report the information processing fees`;
      related.push({ range: notices.range, message: { zh: `表三（六）2 总计：${notices.raw}`, en: `Table 3 (6) item 2 total: ${notices.raw}` } });
    } else {
      zh = '第六部分“其他需要报告的事项”没有报告信息处理费的收取情况（收取了多少或未收取都应写明）';
      en = 'Section 6 (other matters) does not report the information processing fees (state what was charged, or that none was)';
      if (six && received && carried && received.value === 0 && carried.value === 0) {
        const { at, newText } = insertion(report, NO_FEE_SENTENCE, six);
        fix = { title: { zh: `插入“${NO_FEE_SENTENCE}”（表三无申请）`, en: `Insert “${NO_FEE_SENTENCE}” (table 3 has no applications)` }, edits: [{ range: { start: at, end: at }, newText }], safe: false };
        related.push({ range: received.range, message: { zh: '表三本年新收申请总计：0（上年结转 0），不可能收取信息处理费', en: 'Table 3 new applications total: 0 (0 carried over): no fee can have been charged' } });
      }
    }
    // the same message with or without the heading: inserting 六 (section-missing's fix) is not a new problem
    const range = six ? six.heading.range : endOfReport(report);
    ctx.report_({ range, message: { zh, en }, related, ...(fix ? { fix } : {}) });
  },
};
export default rule;
