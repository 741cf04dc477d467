import type { ResolvedConfig } from '../../config';
import type { Rule } from '../../rule';
import { BUILTIN_REPEAT_WHITELIST, KNOWN_REPEATS, REPEAT_PARTICLES, repeatWhitelist } from '../../words';
import { isHan, prose } from './text';

/** Longest repeated unit looked for (信息公开信息公开). */
const MAX_UNIT = 4;
const NUMERALS = new Set('〇零一二三四五六七八九十百千万亿两');

/**
 * Word lists indexed by the doubled text they contain: 不了了之 is filed under 了了 with the
 * double at offset 1, so a repeat found in the text is checked against a few words only.
 */
type RepeatIndex = Map<string, { word: string; at: number }[]>;

function indexRepeats(words: readonly string[]): RepeatIndex {
  const out: RepeatIndex = new Map();
  for (const word of words) {
    for (let k = 0; k < word.length; k++) {
      for (let L = 1; L <= MAX_UNIT && k + 2 * L <= word.length; L++) {
        if (!word.startsWith(word.slice(k, k + L), k + L)) continue;
        const key = word.slice(k, k + 2 * L);
        const list = out.get(key) ?? [];
        list.push({ word, at: k });
        out.set(key, list);
      }
    }
  }
  return out;
}

/** True when a word of the index is written around the double at t[i, i + 2L). */
function covered(index: RepeatIndex, t: string, i: number, L: number): boolean {
  const list = index.get(t.slice(i, i + 2 * L));
  return !!list && list.some(({ word, at }) => i >= at && t.startsWith(word, i - at));
}

const BUILTIN_INDEX = indexRepeats(BUILTIN_REPEAT_WHITELIST);
const KNOWN_INDEX = indexRepeats(KNOWN_REPEATS);
const PARTICLES = new Set(REPEAT_PARTICLES);
const configIndex = new WeakMap<ResolvedConfig, RepeatIndex>();

function whitelistIndex(config: ResolvedConfig): RepeatIndex {
  if (!config.words.repeatWhitelist?.length) return BUILTIN_INDEX;
  let index = configIndex.get(config);
  if (!index) configIndex.set(config, (index = indexRepeats(repeatWhitelist(config))));
  return index;
}

/** True when t[i, i + L) is 1–4 Han characters written again right after (no space between). */
function doubled(t: string, i: number, L: number): boolean {
  if (i + 2 * L > t.length) return false;
  for (let k = 0; k < L; k++) {
    const c = t.charCodeAt(i + k);
    if (!isHan(c) || c !== t.charCodeAt(i + L + k)) return false;
  }
  return true;
}

/** 天天 is one unit doubled, not a unit of two. */
function periodic(unit: string): boolean {
  for (let q = 1; q < unit.length; q++) if (unit.length % q === 0 && unit.startsWith(unit.slice(q))) return true;
  return false;
}

function reportable(t: string, i: number, L: number, whitelist: RepeatIndex): boolean {
  const unit = t.slice(i, i + L);
  if (L > 1 && periodic(unit)) return false;
  if (covered(KNOWN_INDEX, t, i, L)) return true;
  if (covered(whitelist, t, i, L)) return false;
  if (L === 1) return PARTICLES.has(unit);
  // 据悉熟悉熟悉: the repeat read from 悉 is 熟悉熟悉 shifted; check the shifted readings too
  for (let s = 1; s < L && doubled(t, i + s, L); s++) if (covered(whitelist, t, i + s, L)) return false;
  if (unit[0] === '一') return false; // 一个一个, 一步一步, 一个问题一个问题
  if ([...unit].every((ch) => NUMERALS.has(ch))) return false;
  // 管理的航道的航道保护范围, 针对企业对企业: a phrase met again, not a word written twice
  if (unit.includes('的') || unit.includes('之') || EDGE.has(unit[0]!) || EDGE.has(unit[L - 1]!)) return false;
  // A word written twice starts and ends at word boundaries; most doubles of 2–4 characters in
  // edited text fall across them instead (上一年度|年度报告, 集装箱|装箱, 企业|创业|创新).
  // Without a dictionary: require a clear boundary on one side at least.
  const end = i + 2 * L;
  return boundaryBefore(t, i) || boundaryAfter(t, end);
}

/** A doubled unit starting or ending with a function character is a phrase, not a word (对企业|对企业). */
const EDGE = new Set('了在是和与及把被将从向并而或也都对为以于等');

/** Function characters that end the word before a content word (经过|审核, 我局|将|严格). */
const LEFT = new Set('的了在是和与及把被将从向并而或也都均已再又还就过');
/** Function characters that start what follows a content word (审核|后, 公开|的). */
const RIGHT = new Set('的了和与及并而或也都后等');

function boundaryBefore(t: string, i: number): boolean {
  if (i === 0) return true;
  const c = t.charCodeAt(i - 1);
  return !isHan(c) || LEFT.has(t[i - 1]!);
}

function boundaryAfter(t: string, end: number): boolean {
  if (end >= t.length) return true;
  const c = t.charCodeAt(end);
  return !isHan(c) || RIGHT.has(t[end]!);
}

/**
 * Accidentally doubled characters and words (的的, 审核审核). Most doubled characters are
 * legitimate (常常, 层层) or a word boundary (学习习近平, 监督督促), so single characters are
 * checked only from a short list of particles; doubled words of 2–4 characters where a word
 * boundary shows on one side, except the reduplications of the whitelist (研究研究) and 一X一X.
 * Repeats separated by a line break or a space are never reported: a heading is often followed
 * by a paragraph opening with its words, and PDF text breaks lines anywhere.
 */
const rule: Rule = {
  meta: {
    id: 'char-repeat',
    category: 'prose',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '字词误重复（如“的的”“审核审核”）', en: 'A character or word written twice by accident (的的, 审核审核)' },
  },
  check(ctx) {
    const whitelist = whitelistIndex(ctx.config);
    for (const p of prose(ctx.report)) {
      const t = p.text;
      const len = t.length;
      const at = (k: number) => (k < len ? t.charCodeAt(k) : -1);
      // t[i … i + 4] in a sliding window: one read per character instead of five
      let c = at(0);
      let c1 = at(1);
      let c2 = at(2);
      let c3 = at(3);
      let c4 = at(4);
      for (let i = 0; i + 1 < len; ) {
        let L = 0;
        if ((c1 === c || c2 === c || c3 === c || c4 === c) && isHan(c)) {
          // a unit of n needs 2n characters from i: no read past the end
          const longest = Math.min(MAX_UNIT, (len - i) >> 1);
          for (let n = 1; n <= longest && !L; n++) {
            if (t.charCodeAt(i + n) !== c) continue; // the usual case: no repeat starts here
            if (doubled(t, i, n) && reportable(t, i, n, whitelist)) L = n;
          }
        }
        if (!L) {
          i++;
          c = c1;
          c1 = c2;
          c2 = c3;
          c3 = c4;
          c4 = at(i + 4);
          continue;
        }
        const unit = t.slice(i, i + L);
        let end = i + 2 * L;
        while (t.startsWith(unit, end)) end += L;
        const run = t.slice(i, end);
        const start = p.range.start + i;
        ctx.report_({
          range: { start, end: p.range.start + end },
          message: { zh: `“${unit}”疑似误重复（“${run}”），应为“${unit}”`, en: `“${unit}” seems written twice by accident (“${run}”); should be “${unit}”` },
          fix: {
            title: { zh: `删去重复的“${unit}”`, en: `Delete the repeated “${unit}”` },
            edits: [{ range: { start: start + L, end: p.range.start + end }, newText: '' }],
            // a doubled particle is always a slip; a doubled word could be a colloquial reduplication
            safe: L === 1,
          },
        });
        i = end;
        c = at(i);
        c1 = at(i + 1);
        c2 = at(i + 2);
        c3 = at(i + 3);
        c4 = at(i + 4);
      }
    }
  },
};
export default rule;
