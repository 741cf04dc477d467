import type { Rule } from '../../rule';

/** Sections duplicated or out of order. */
const rule: Rule = {
  meta: {
    id: 'section-order',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '章节重复或顺序错误', en: 'Sections duplicated or out of order' },
  },
  check(ctx) {
    const seen = new Map<number, number>();
    let maxSoFar = 0;
    for (const s of [...ctx.report.sections].sort((a, b) => a.heading.range.start - b.heading.range.start)) {
      if (seen.has(s.number)) {
        ctx.report_({ range: s.heading.range, message: { zh: `“${s.heading.standard}”重复出现`, en: `“${s.heading.standard}” appears twice` } });
      } else if (s.number < maxSoFar) {
        ctx.report_({
          range: s.heading.range,
          message: { zh: `“${s.heading.standard}”应位于第${'一二三四五六'[maxSoFar - 1]}部分之前`, en: `“${s.heading.standard}” should come before section ${maxSoFar}` },
        });
      }
      seen.set(s.number, (seen.get(s.number) ?? 0) + 1);
      maxSoFar = Math.max(maxSoFar, s.number);
    }
  },
};
export default rule;
