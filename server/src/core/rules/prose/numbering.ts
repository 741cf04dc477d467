import type { Heading, Range, Report } from '../../model';
import type { Rule } from '../../rule';
import { chineseNumber, compactProse, isSpace, prose, srcRange } from './text';

const LEVEL_NAMES = ['', '“一、”', '“（一）”', '“1.”', '“（1）”'];
/** 一是 … 二是 … at a clause start. */
const ENUM = /(^|[：:。；;，,！？）)]?)(十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?|[一二三四五六七八九])是/g;
const HEADING_START = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、](?!\d))/;

function markerValue(h: Heading): number | undefined {
  const m = /[一二三四五六七八九十]+|\d+/.exec(h.marker);
  if (!m) return undefined;
  return /\d/.test(m[0]) ? Number(m[0]) : chineseNumber(m[0]);
}

interface Item {
  level: number;
  value: number;
  marker: string;
  range: Range;
}

const LEVEL_ONE = /^[一二三四五六七八九十]{1,3}、/;

/**
 * Lines inside a section's prose that open with a section-level numeral (一、, 二、): not section
 * headings (those are their own paragraphs), in document order. Lines with a tab or ending in a number are
 * table rows that escaped the table.
 */
function levelOneItems(report: Report): Item[] {
  const out: Item[] = [];
  const headings = new Set(report.sections.map((s) => s.heading.range.start));
  for (const p of prose(report)) {
    if (p.section === 0 || headings.has(p.range.start)) continue;
    const t = p.text;
    for (let k = 0; k < t.length; ) {
      let e = t.indexOf('\n', k);
      if (e < 0) e = t.length;
      let a = k;
      while (a < e && isSpace(t.charCodeAt(a))) a++;
      const code = t.charCodeAt(a);
      // quick test on the first character before the regex
      if (code >= 0x4e00 && '一二三四五六七八九十'.includes(t[a]!)) {
        const m = LEVEL_ONE.exec(t.slice(a, Math.min(e, a + 5)));
        const line = t.slice(a, e).trimEnd();
        if (m && !line.includes('\t') && !/\d$/.test(line)) {
          const numeral = m[0].slice(0, -1);
          const value = chineseNumber(numeral);
          if (value !== undefined) {
            const start = p.range.start + a;
            out.push({ level: 1, value, marker: m[0], range: { start, end: start + m[0].length } });
          }
        }
      }
      k = e + 1;
    }
  }
  return out;
}

/** Two lists already in document order, merged in order (a sort would be n log n on long documents). */
function mergeByStart(a: Item[], b: Item[]): Item[] {
  const out: Item[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]!.range.start <= b[j]!.range.start) ? a[i++]! : b[j++]!);
  return out;
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
    description: { zh: '序号跳号、重复、重新开始或层级颠倒（如“一是…三是…三是”，“（二）”之后又出现“（一）”，“（一）”之下用“一、”）', en: 'Numbering that skips, repeats, restarts or inverts levels (一是…三是…三是; （二） followed by （一）; 一、 under （一）)' },
  },
  check(ctx) {
    const { report } = ctx;
    const ones = levelOneItems(report);
    let next = 0; // sections and items are both in document order: one pass hands each section its items
    for (const section of report.sections) {
      const counters = [0, 0, 0, 0, 0, 0];
      const items: Item[] = [];
      for (const h of section.subheadings) {
        if (inTables(report.tableRanges, h.range.start) || h.level < 2 || h.level > 4) continue;
        const v = markerValue(h);
        if (v === undefined) continue;
        const range = { start: h.range.start, end: h.range.start + h.marker.length };
        items.push({ level: h.level, value: v, marker: h.marker.trim(), range: ctx.text.slice(range.start, range.end) === h.marker ? range : h.range });
      }
      while (next < ones.length && ones[next]!.range.start < section.heading.range.start) next++;
      const first = next;
      while (next < ones.length && ones[next]!.range.start < section.body.end) next++;
      for (const h of next > first ? mergeByStart(items, ones.slice(first, next)) : items) {
        const prev = counters[h.level]!;
        // a list of a higher level opened inside a lower one: （一） under 1., 一、 under （一）
        const deeper = counters.findIndex((c, l) => l > h.level && c > 0);
        const inverted = h.value === 1 && prev === 0 && deeper > 0 && h.level <= 2;
        for (let l = h.level + 1; l < counters.length; l++) counters[l] = 0;
        counters[h.level] = h.value;
        if (inverted) {
          ctx.report_({
            range: h.range,
            message: {
              zh: `层级顺序颠倒：“${h.marker}”出现在${LEVEL_NAMES[deeper]}层级之下（层次依次为“一、”“（一）”“1.”“（1）”，较低层级之后不宜再用较高层级的序号）`,
              en: `Levels inverted: “${h.marker}” is used under a ${LEVEL_NAMES[deeper]} item (the levels are 一、 → （一） → 1. → （1）; a higher-level numeral should not follow a lower one)`,
            },
          });
          continue;
        }
        if (h.level === 1 || prev === 0 || h.value === prev + 1) continue;
        const v = h.value;
        const marker = h.marker;
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
        ctx.report_({ range: h.range, message: msg });
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
        if (m[1] === '' && m.index > 0) {
          // not at a clause start: “我们将一是…” opens a list we cannot be sure of, “唯一是” none; stop counting
          if (v === 1) prev = 0;
          continue;
        }
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
