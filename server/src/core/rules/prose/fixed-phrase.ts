import type { Rule } from '../../rule';
import { phraseList } from '../../words';
import { compactProse, contiguous, isHan, replaceEdits, srcRange } from './text';

/**
 * Garbled or truncated standard formulations. Matching ignores line breaks and spaces (PDF
 * text breaks lines inside them); where the source is broken, a garbled variant of the same
 * length is fixed character by character (the line break stays), anything else is not fixed.
 */
const rule: Rule = {
  meta: {
    id: 'fixed-phrase',
    category: 'prose',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '规范表述残缺或有误（如“习近平新时代中国特色社会主义思想”被截断）', en: 'A standard formulation is garbled or truncated' },
  },
  check(ctx) {
    const phrases = phraseList(ctx.config);
    const builtinCount = phrases.length - (ctx.config.words.phrases?.length ?? 0);
    for (const { p, c } of compactProse(ctx.report)) {
      const s = c.s;
      const claimed: [number, number][] = [];
      phrases.forEach((e, idx) => {
        // most phrases are absent from most paragraphs: skip them before any bookkeeping
        if (!(e.stem && s.indexOf(e.stem) >= 0) && !e.wrong.some((w) => s.indexOf(w) >= 0)) return;
        for (const w of e.wrong) {
          for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + w.length)) {
            claimed.push([i, i + w.length]);
            const range = srcRange(c, i, i + w.length);
            const edits = replaceEdits(c, i, w, e.phrase);
            ctx.report_({
              range,
              message: { zh: `规范表述有误：“${w}”应为“${e.phrase}”`, en: `Garbled formulation “${w}”; the standard wording is “${e.phrase}”` },
              fix: edits ? { title: { zh: `改为“${e.phrase}”`, en: `Change to “${e.phrase}”` }, edits, safe: true } : undefined,
            });
          }
        }
        if (!e.stem) return;
        const strict = idx < builtinCount;
        const rest = e.phrase.slice(e.stem.length);
        for (let i = s.indexOf(e.stem); i >= 0; i = s.indexOf(e.stem, i + 1)) {
          const after = i + e.stem.length;
          if (s.startsWith(rest, after)) continue;
          if (claimed.some(([a, b]) => a <= i && i < b)) continue;
          // how much of the rest is there, and what follows it
          let k = 0;
          while (k < rest.length && s[after + k] === rest[k]) k++;
          const next = s.charCodeAt(after + k);
          const truncated = after + k >= s.length || !isHan(next);
          if (!strict && !truncated) continue;
          const written = s.slice(i, after + k);
          const range = srcRange(c, i, after + k);
          const canFix = truncated && contiguous(c, i, after + k);
          ctx.report_({
            range,
            message: truncated
              ? { zh: `规范表述不完整：“${written}”应为“${e.phrase}”`, en: `Truncated formulation “${written}”; the full wording is “${e.phrase}”` }
              : { zh: `规范表述有误：“${s.slice(i, Math.min(s.length, i + e.phrase.length + 2))}”，应为“${e.phrase}”`, en: `Garbled formulation; the standard wording is “${e.phrase}”` },
            fix: canFix ? { title: { zh: `补全为“${e.phrase}”`, en: `Complete as “${e.phrase}”` }, edits: [{ range, newText: e.phrase }], safe: true } : undefined,
          });
        }
      });
    }
  },
};
export default rule;
