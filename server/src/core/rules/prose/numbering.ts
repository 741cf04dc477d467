import type { Heading } from '../../model';
import type { Rule } from '../../rule';
import { chineseNumber, compactProse, srcRange } from './text';

const LEVEL_NAMES = ['', '“一、”', '“（一）”', '“1.”', '“（1）”'];
/** 一是 … 二是 … at a clause start. */
const ENUM = /(^|[：:。；;，,！？）)])(十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?|[一二三四五六七八九])是/g;
const HEADING_START = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、](?!\d))/;

function markerValue(h: Heading): number | undefined {
  const m = /[一二三四五六七八九十]+|\d+/.exec(h.marker);
  if (!m) return undefined;
  return /\d/.test(m[0]) ? Number(m[0]) : chineseNumber(m[0]);
}

function inTables(tables: { start: number; end: number }[], at: number): boolean {
  return tables.some((t) => t.start <= at && at < t.end);
}

/** Enumerations and heading numbers that skip, repeat or restart within one level. */
const rule: Rule = {
  meta: {
    id: 'numbering',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '序号跳号、重复或重新开始（如“一是…三是…三是”，“（二）”之后又出现“（一）”）', en: 'Numbering that skips, repeats or restarts (一是…三是…三是; （二） followed by （一）)' },
    docs: {
      zh: '同一部分内同一层级的小标题序号应连续：跳号、重复、在同一层级重新从“（一）”开始都报告（下一层应改用“1.”，GB/T 9704 7.3.3 的层次为“一、”“（一）”“1.”“（1）”）。段落中的“一是、二是……”同样检查。表格内的序号不检查。',
      en: 'Within a section, the sub-headings of one level must count up by one: a skip, a repeat or a restart at （一） on the same level is reported (the next level down is “1.”; GB/T 9704 7.3.3 orders 一、 → （一） → 1. → （1）). 一是, 二是 … enumerations in paragraphs are checked the same way. Numbers inside tables are not.',
    },
  },
  check(ctx) {
    const { report } = ctx;
    for (const section of report.sections) {
      const counters = [0, 0, 0, 0, 0, 0];
      for (const h of section.subheadings) {
        if (inTables(report.tableRanges, h.range.start) || h.level < 2 || h.level > 4) continue;
        const v = markerValue(h);
        if (v === undefined) continue;
        const prev = counters[h.level]!;
        for (let l = h.level + 1; l < counters.length; l++) counters[l] = 0;
        counters[h.level] = v;
        if (prev === 0 || v === prev + 1) continue;
        const marker = h.marker.trim();
        let msg;
        if (v === 1) {
          const lower = LEVEL_NAMES[h.level + 1];
          msg = {
            zh: `序号在同一层级重新从“${marker}”开始（前一个为第${prev}项）${lower ? `；下一层级应使用${lower}` : ''}`,
            en: `Numbering restarts at “${marker}” on the same level (the previous item was No. ${prev})${lower ? `; the next level down uses ${lower}` : ''}`,
          };
        } else if (v === prev) msg = { zh: `序号“${marker}”重复`, en: `Number “${marker}” is repeated` };
        else if (v > prev) msg = { zh: `序号跳号：第${prev}项之后是“${marker}”`, en: `Numbering skips from No. ${prev} to “${marker}”` };
        else msg = { zh: `序号顺序错乱：第${prev}项之后是“${marker}”`, en: `Numbering goes back from No. ${prev} to “${marker}”` };
        const range = { start: h.range.start, end: h.range.start + h.marker.length };
        ctx.report_({ range: ctx.text.slice(range.start, range.end) === h.marker ? range : h.range, message: msg });
      }
    }
    // 一是 … 二是 … in the prose
    let prev = 0;
    let section = -1;
    for (const { p, c } of compactProse(report)) {
      if (p.section !== section || HEADING_START.test(c.s)) prev = 0;
      section = p.section;
      ENUM.lastIndex = 0;
      for (let m = ENUM.exec(c.s); m; m = ENUM.exec(c.s)) {
        const v = chineseNumber(m[2]!)!;
        const before = prev;
        if (v === 1 || before === 0) {
          prev = v === 1 ? 1 : 0;
          continue;
        }
        prev = v;
        if (v === before + 1) continue;
        const i = m.index + m[1]!.length;
        const word = `${m[2]}是`;
        const msg =
          v === before
            ? { zh: `列举序号“${word}”重复`, en: `Enumeration “${word}” is repeated` }
            : v > before
              ? { zh: `列举序号跳号：“${toCn(before)}是”之后是“${word}”`, en: `Enumeration skips from “${toCn(before)}是” to “${word}”` }
              : { zh: `列举序号顺序错乱：“${toCn(before)}是”之后是“${word}”`, en: `Enumeration goes back from “${toCn(before)}是” to “${word}”` };
        ctx.report_({ range: srcRange(c, i, i + word.length), message: msg });
      }
    }
  },
};

function toCn(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n < 10) return d[n]!;
  return `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${n % 10 ? d[n % 10] : ''}`;
}
export default rule;
