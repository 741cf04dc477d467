import type { Rule } from '../../rule';
import { BUILTIN_TYPOS, typoList, type TypoEntry } from '../../words';
import { compactProse, isDigit, replaceEdits, srcRange } from './text';

/** 0–9 or ０–９ (Word documents often have full-width digits). */
function isAnyDigit(c: number): boolean {
  return isDigit(c) || (c >= 0xff10 && c <= 0xff19);
}

function follows(s: string, at: number, alts: string[]): boolean {
  return alts.some((a) => (a === '#' ? isAnyDigit(s.charCodeAt(at)) : s.startsWith(a, at)));
}

function precedes(s: string, at: number, alts: string[]): boolean {
  return alts.some((a) => at >= a.length && s.startsWith(a, at - a.length));
}

/** One of `alts` comes later in the clause that starts at `at` (up to 。！？； or 80 characters). */
function later(s: string, at: number, alts: string[]): boolean {
  let end = at;
  while (end < s.length && end - at < 80 && !'。！？；'.includes(s[end]!)) end++;
  const clause = s.slice(at, end);
  return alts.some((a) => clause.includes(a));
}

/** Whether entry `e`'s wrong form at `i` of `s` is wrong there (its context holds). */
function wrongAt(s: string, i: number, e: TypoEntry): boolean {
  const j = i + e.wrong.length;
  if (s.startsWith(e.right, i) && e.right.startsWith(e.wrong)) return false; // 渠道 contains 渠
  if (e.after && !follows(s, j, e.after)) return false;
  if (e.before && !precedes(s, i, e.before)) return false;
  if (e.notAfter && follows(s, j, e.notAfter)) return false;
  if (e.notBefore && precedes(s, i, e.notBefore)) return false;
  if (e.notLater && later(s, j, e.notLater)) return false;
  return true;
}

/**
 * The entries by their first two characters (one-character wrong forms by their one), and which
 * characters start any entry: most characters of the prose are passed after one table read.
 */
interface TypoIndex {
  starts: Uint8Array;
  byPair: Map<number, TypoEntry[]>;
  byChar: Map<number, TypoEntry[]>;
}

const indexes = new WeakMap<object, TypoIndex>();

function indexed(key: object, list: readonly TypoEntry[]): TypoIndex {
  let index = indexes.get(key);
  if (index) return index;
  index = { starts: new Uint8Array(0x10000), byPair: new Map(), byChar: new Map() };
  for (const e of list) {
    const c0 = e.wrong.charCodeAt(0);
    index.starts[c0] = 1;
    const [map, k] = e.wrong.length > 1 ? [index.byPair, c0 * 0x10000 + e.wrong.charCodeAt(1)] : [index.byChar, c0];
    const bucket = map.get(k);
    if (bucket) bucket.push(e);
    else map.set(k, [e]);
  }
  indexes.set(key, index);
  return index;
}

/** Start offsets in `s` where an entry's wrong form is wrong in its context, each with its entry. */
export function typoMatches(s: string, index: TypoIndex): { at: number; e: TypoEntry }[] {
  const out: { at: number; e: TypoEntry }[] = [];
  const { starts, byPair, byChar } = index;
  for (let i = 0; i < s.length; i++) {
    const c0 = s.charCodeAt(i);
    if (!starts[c0]) continue;
    const e = find(s, i, byPair.get(c0 * 0x10000 + s.charCodeAt(i + 1))) ?? find(s, i, byChar.get(c0));
    if (!e) continue;
    out.push({ at: i, e });
    i += e.wrong.length - 1; // one finding per slip: matching resumes after it
  }
  return out;
}

function find(s: string, i: number, bucket: TypoEntry[] | undefined): TypoEntry | undefined {
  if (bucket) for (const e of bucket) if (s.startsWith(e.wrong, i) && wrongAt(s, i, e)) return e;
  return undefined;
}

/** Confused or misspelt words, from a word list kept as data, with the context each needs. */
const rule: Rule = {
  meta: {
    id: 'typo',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '易错词、错别字（如“截止2023年底”应为“截至”，“布署”应为“部署”）', en: 'Confused or misspelt words (截止+date → 截至, 布署 → 部署)' },
    docs: {
      zh: '按词表（server/src/core/words/typos.json，可在配置 `words.typos` 中扩充；来源见同目录 README.md）检查易错词：常见错别字（“再接再励”“按步就班”）、需要语境的形近字（“子以公开”“己经办结”“末能按时”“设计国家秘密”）、格式中的固定用语错一个形近或音近字（“本年新受政府信息公开申请数量”“行政复仪”“部份公开”，由格式模板的标签与近似字表 confusions.json 生成），以及写错的网址（“http:/”“https//”）。需要语境的词只在语境符合时报告，如“截止”只在其后紧跟日期、“目前”等时报告（“截止日期”“截止到”不报告）；“做出”只在“决定、部署”等之前报告。快速修复替换为正确写法；PDF 文本中词被断行时只改写错的字，换行保留。',
      en: 'Checks confused words from the word list (server/src/core/words/typos.json, extended by config `words.typos`, where `context` lists what must follow; sources in README.md beside it): common 错别字 (再接再励, 按步就班), similar characters that need a context (子以公开, 己经办结, 末能按时, 设计国家秘密), the format’s fixed terms with one similar character (本年新受政府信息公开申请数量, 行政复仪, 部份公开; made from the templates’ labels and the confusion set confusions.json) and malformed URLs (http:/, https//). Context-dependent words are reported only in context: 截止 only before a date or 目前 (截止日期, 截止到 are fine); 做出 only before 决定, 部署 and the like. The fix substitutes the right word; where PDF text breaks a line inside the word, only the wrong characters are changed and the line break stays.',
    },
  },
  check(ctx) {
    const list = typoList(ctx.config);
    // the built-in list is indexed once; a config's extra words, once per config
    const index = indexed(ctx.config.words.typos?.length ? ctx.config : BUILTIN_TYPOS, list);
    for (const { c } of compactProse(ctx.report)) {
      for (const { at: i, e } of typoMatches(c.s, index)) {
        const range = srcRange(c, i, i + e.wrong.length);
        const edits = replaceEdits(c, i, e.wrong, e.right);
        ctx.report_({
          range,
          message: { zh: `“${e.wrong}”应为“${e.right}”`, en: `“${e.wrong}” should be “${e.right}”` },
          fix: edits ? { title: { zh: `改为“${e.right}”`, en: `Change to “${e.right}”` }, edits, safe: true } : undefined,
        });
      }
    }
  },
};
export default rule;
