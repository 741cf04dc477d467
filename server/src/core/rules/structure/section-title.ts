import type { Rule } from '../../rule';

/** A section heading that differs from the standard wording (typo, old wording, wrong numeral). */
const rule: Rule = {
  meta: {
    id: 'section-title',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: true,
    description: { zh: '章节标题与标准格式的写法不一致', en: 'A section heading differs from the standard wording' },
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
