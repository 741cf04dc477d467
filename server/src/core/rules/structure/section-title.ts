import type { Rule } from '../../rule';

/** A section heading that differs from the standard wording (typo, old wording, wrong numeral). */
const rule: Rule = {
  meta: {
    id: 'section-title',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '章节标题与标准格式的写法不一致', en: 'A section heading differs from the standard wording' },
    docs: {
      zh: '章节标题应使用标准格式的写法，例如“四、政府信息公开行政复议、行政诉讼情况”，而不是 2019 年以前的“因政府信息公开工作被申请行政复议、提起行政诉讼情况”或错字“行政法复议”。比较时忽略空格和标点全半角，标题后的单位说明（“（单位：件）”）不算标题的一部分。快速修复替换为标准标题。',
      en: 'Section headings should use the standard wording, not the pre-2019 wording or a typo. Spaces and punctuation width are ignored, and so is a unit note after the title (“（单位：件）”). The fix replaces the heading with the standard one.',
    },
  },
  check(ctx) {
    if (ctx.report.format === 'pre2019') return;
    for (const s of ctx.report.sections) {
      if (s.heading.exact) continue;
      const written = s.heading.text.trim();
      ctx.report_({
        range: s.heading.range,
        message: { zh: `章节标题“${written}”应为“${s.heading.standard}”`, en: `Section heading “${written}” should be “${s.heading.standard}”` },
        fix: /[\n\r]/.test(written) ? undefined : { title: { zh: `改为“${s.heading.standard}”`, en: `Change to “${s.heading.standard}”` }, edits: [{ range: s.heading.range, newText: s.heading.standard }], safe: true },
      });
    }
  },
};
export default rule;
