import type { Rule } from '../../rule';

/** Sections duplicated or out of order. */
const rule: Rule = {
  meta: {
    id: 'section-order',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: false,
    description: { zh: '章节重复或顺序错误', en: 'Sections duplicated or out of order' },
    docs: {
      zh: '六个部分必须按一至六的顺序各出现一次。重复的章节（常见于复制粘贴）或顺序颠倒都会报告，位置在后出现的那个标题上。表格的标题（“表3  收到和处理政府信息公开申请情况”、表格首行或 HTML 的 caption、紧挨表头的不带序号的同名行）不是章节标题，不算重复。',
      en: 'The six sections must appear once each, in order. A repeated section (often copy-paste residue) or one out of order is reported at the later heading. A table\'s caption (“表3  收到和处理政府信息公开申请情况”, the table\'s first row or HTML caption, an unnumbered line with the section\'s name right above the table\'s header) is not a section heading and no repeat.',
    },
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
