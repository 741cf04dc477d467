import type { Rule } from '../../rule';
import { typoList, type TypoEntry } from '../../words';
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

export function typoMatches(s: string, e: TypoEntry): number[] {
  const out: number[] = [];
  for (let i = s.indexOf(e.wrong); i >= 0; i = s.indexOf(e.wrong, i + e.wrong.length)) {
    const j = i + e.wrong.length;
    if (s.startsWith(e.right, i) && e.right.startsWith(e.wrong)) continue; // 渠道 contains 渠
    if (e.after && !follows(s, j, e.after)) continue;
    if (e.before && !precedes(s, i, e.before)) continue;
    if (e.notAfter && follows(s, j, e.notAfter)) continue;
    if (e.notBefore && precedes(s, i, e.notBefore)) continue;
    if (e.notLater && later(s, j, e.notLater)) continue;
    out.push(i);
  }
  return out;
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
    for (const { p, c } of compactProse(ctx.report)) {
      for (const e of list) {
        // most entries are absent from most paragraphs: one indexOf, no match list
        if (c.s.indexOf(e.wrong) < 0) continue;
        for (const i of typoMatches(c.s, e)) {
          const range = srcRange(c, i, i + e.wrong.length);
          const edits = replaceEdits(c, i, e.wrong, e.right);
          ctx.report_({
            range,
            message: { zh: `“${e.wrong}”应为“${e.right}”`, en: `“${e.wrong}” should be “${e.right}”` },
            fix: edits ? { title: { zh: `改为“${e.right}”`, en: `Change to “${e.right}”` }, edits, safe: true } : undefined,
          });
        }
      }
    }
  },
};
export default rule;
