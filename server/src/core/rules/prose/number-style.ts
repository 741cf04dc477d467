import type { Rule, Msg } from '../../rule';
import type { Range } from '../../model';
import { asciiDigits, chineseNumber, compactProse, contiguous, sentences, srcRange, type Compact } from './text';

/**
 * A count in Chinese numerals right after a statistics verb: 发布六条, 受理十二件 — at a clause end or
 * before what was counted (信息, 文件 …); “开通两条渠道” describes, it does not count.
 */
const CN_COUNT = /(?:发布|公开|受理|收到|办理|答复|办结|制发|废止|印发|新增|共计|合计|累计|共|计)(?:信息|政府信息|政策解读|解读信息|申请|文件)?([二三四五六七八九十百两][零〇一二三四五六七八九十百]*|一[十百][零〇一二三四五六七八九十百]*)(条|件|篇|份)(?=$|[，。；、：,.;:！？）)”]|信息|政策|文件|解读|新闻|消息|申请|通知|公告|动态|稿件)/g;
const ARABIC_COUNT = /\d+(?:条|件|篇|份)/;
/** Dates with leading zeros: 2024年01月08日. */
const DATE_ZERO = /(\d{4}年)(0)(\d月)|(\d{1,2}月)(0)(\d日)/g;
/** 2-digit years: 23年度. */
const SHORT_YEAR = /(^|[^\d.])([12]\d)(年度)/g;

/** Numbers in the forms GB/T 15835 and GB/T 9704 ask for. */
const rule: Rule = {
  meta: {
    id: 'number-style',
    category: 'prose',
    defaultSeverity: 'info',
    fixable: true,
    description: { zh: '数字用法不规范（统计数用汉字、日期虚位、年份简写）', en: 'Number style (counts in Chinese numerals, leading zeros in dates, 2-digit years)' },
  },
  check(ctx) {
    const report = (c: Compact, i: number, j: number, newText: string, message: Msg, edit?: { range: Range; newText: string }) => {
      const range = srcRange(c, i, j);
      // `newText` is what the place reads as after the fix; `edit`, when given, is the minimal edit
      const fix = edit ?? (contiguous(c, i, j) ? { range, newText } : undefined);
      ctx.report_({
        range,
        message,
        fix: fix ? { title: { zh: `改为“${newText}”`, en: `Change to “${newText}”` }, edits: [fix], safe: true } : undefined,
      });
    };
    for (const { c } of compactProse(ctx.report)) {
      // full-width digits read as ASCII (same length: compact indexes map to the source unchanged)
      const s = asciiDigits(c);
      const counts = ARABIC_COUNT.test(s);
      for (const sent of counts ? sentences(s) : []) {
        const t = s.slice(sent.start, sent.end);
        CN_COUNT.lastIndex = 0;
        for (let m = CN_COUNT.exec(t); m; m = CN_COUNT.exec(t)) {
          const n = chineseNumber(m[1]!);
          if (n === undefined) continue;
          const i = sent.start + m.index + m[0].length - m[1]!.length - m[2]!.length;
          const j = i + m[1]!.length + m[2]!.length;
          const right = `${n}${m[2]}`;
          report(c, i, j, right, { zh: `统计数字应使用阿拉伯数字：“${m[1]}${m[2]}”应为“${right}”`, en: `Counts use Arabic numerals: “${m[1]}${m[2]}” → “${right}”` });
        }
      }
      DATE_ZERO.lastIndex = 0;
      for (let m = DATE_ZERO.exec(s); m; m = DATE_ZERO.exec(s)) {
        const lead = m[1] ?? m[4]!;
        const rest = m[3] ?? m[6]!;
        const i = m.index + lead.length;
        // the fix deletes the zero only: it keeps the digits' width and works across a line break
        const zero = srcRange(c, i, i + 1);
        report(c, i, i + 1 + rest.length, rest, { zh: `日期不编虚位：“0${rest}”应为“${rest}”`, en: `No leading zero in dates: “0${rest}” → “${rest}”` }, { range: zero, newText: '' });
        // “2024年01月08日”: the day is looked at too
        if (m[1]) DATE_ZERO.lastIndex = i + 1;
      }
      SHORT_YEAR.lastIndex = 0;
      for (let m = SHORT_YEAR.exec(s); m; m = SHORT_YEAR.exec(s)) {
        const i = m.index + m[1]!.length;
        const right = `20${m[2]}${m[3]}`;
        const full = c.s.charCodeAt(i) >= 0xff10;
        const at = srcRange(c, i, i);
        report(c, i, i + m[2]!.length + m[3]!.length, right, { zh: `年份应标全称：“${m[2]}${m[3]}”应为“${right}”`, en: `Write the year in full: “${m[2]}${m[3]}” → “${right}”` }, { range: at, newText: full ? '２０' : '20' });
      }
    }
  },
};
export default rule;
