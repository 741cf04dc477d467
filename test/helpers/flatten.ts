/**
 * Published forms of a laid-out report, as crawlers and browsers make them: the whole body on
 * one line with no separators, with irregular spaces between cells and inside table labels,
 * with web-page chrome before the title and after the 落款, and as a few long lines. Made from
 * the corpus copies in test/fixtures/corpus; deterministic (a fixed pseudo-random sequence).
 */
import { FORMAT_2021 } from '../../server/src/core';

export type FlatForm = 'no-separators' | 'irregular-spaces' | 'chrome' | 'long-lines';
export const FLAT_FORMS: FlatForm[] = ['no-separators', 'irregular-spaces', 'chrome', 'long-lines'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CHROME_BEFORE = '当前位置：首页 > 政务公开 > 政府信息公开年报 字号：大 中 小 打印本页 ';
export const CHROME_AFTER = ' 【打印本页】【关闭窗口】 附件下载： 扫一扫在手机打开当前页';

/** Table labels of the format, long enough to break with a space (`社会公益 组织`). */
const LABELS = [...new Set([...FORMAT_2021.table3.columns.map((c) => c.label), ...FORMAT_2021.table3.rows.map((r) => r.label.replace(/^[（(]?[一二三四五六七八1-9][)）.、]/, ''))])].filter((l) => l.length >= 4);

export function flatten(text: string, form: FlatForm, seed = 1): string {
  const rnd = random(seed);
  const body = text.replace(/\r/g, '');
  switch (form) {
    case 'no-separators':
      return body.replace(/[\n\t]/g, '');
    case 'irregular-spaces': {
      // 0 to 3 spaces where a line break or tab was, and a space inside some table labels
      const out = body.replace(/[\n\t]+/g, () => ' '.repeat(Math.floor(rnd() * 4)));
      // labels broken inside the tables only (表二 to section 五): the prose stays as written
      const from = out.indexOf('第二十条');
      const to = out.indexOf('五、', from);
      if (from < 0) return out;
      let table = out.slice(from, to < 0 ? out.length : to);
      for (const l of LABELS) {
        const cut = 2 + Math.floor(rnd() * (l.length - 3));
        table = table.split(l).join(`${l.slice(0, cut)} ${l.slice(cut)}`);
      }
      return out.slice(0, from) + table + (to < 0 ? '' : out.slice(to));
    }
    case 'chrome':
      return CHROME_BEFORE + body.replace(/[\n\t]/g, '') + CHROME_AFTER;
    case 'long-lines': {
      // a handful of long lines: the line breaks kept at a few places only
      const lines = body.split('\n');
      const every = Math.max(8, Math.ceil(lines.length / 4));
      return lines.map((l, i) => ((i + 1) % every === 0 ? `${l.replace(/\t/g, ' ')}\n` : l.replace(/\t/g, ' '))).join('');
    }
  }
}

/** The text with the last digit of the number at [start, end) changed (so one cell changes by a little). */
export function changeDigit(text: string, start: number, end: number): string {
  const k = end - 1;
  const d = text.charCodeAt(k) - 48;
  if (d < 0 || d > 9) throw new Error(`no digit at ${k}`);
  return text.slice(0, k) + String((d + 1) % 10) + text.slice(k + 1);
}
