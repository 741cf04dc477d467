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
    // the 2019 trial format's own wording is not known (format.md 1.6); its reports used the
    // longer headings (上海 2019: “五、政府信息公开工作存在的主要问题及改进情况”): an alias is no finding there
    const norm = (x: string) => x.replace(/^[一二三四五六][、，,.．]\s*/, '').replace(/[\s（）()]/g, '');
    const accepted = ctx.report.format === '2019' ? new Set(ctx.template.sections.flatMap((x) => [x.title, ...x.aliases].map(norm))) : undefined;
    for (const s of ctx.report.sections) {
      if (s.heading.exact) continue;
      const written = s.heading.text.trim();
      if (accepted?.has(norm(written))) continue;
      ctx.report_({
        range: s.heading.range,
        message: { zh: `章节标题“${written}”应为“${s.heading.standard}”`, en: `Section heading “${written}” should be “${s.heading.standard}”` },
        fix: /[\n\r]/.test(written) ? undefined : { title: { zh: `改为“${s.heading.standard}”`, en: `Change to “${s.heading.standard}”` }, edits: [{ range: s.heading.range, newText: s.heading.standard }], safe: true },
      });
    }
  },
};
export default rule;
