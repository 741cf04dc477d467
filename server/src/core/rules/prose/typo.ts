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
