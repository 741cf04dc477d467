import type { Rule } from '../../rule';
import { logicalLineEnd } from '../../logical-lines';

/** No title line naming the agency, the year and 政府信息公开工作年度报告. */
const rule: Rule = {
  meta: {
    id: 'title-missing',
    category: 'structure',
    defaultSeverity: 'info',
    fixable: false,
    description: { zh: '缺少标题（“××机关××××年政府信息公开工作年度报告”）', en: 'The report has no title line (“<agency> <year> 政府信息公开工作年度报告”)' },
  },
  check(ctx) {
    const { report, text } = ctx;
    if (report.title || report.format === 'pre2019') return;
    // after web-page chrome the parser passed over (当前位置、打印本页 …), at the first line of the report
    const skip = report.pageChrome?.find((r) => r.start <= text.search(/\S/))?.end ?? 0;
    const first = text.slice(skip).search(/\S/);
    const start = first < 0 ? skip : skip + first;
    const nl = logicalLineEnd(report, start, true);
    ctx.report_({
      range: { start, end: nl < 0 ? text.length : nl },
      message: {
        zh: `报告没有标题${report.agency ? `（发布机构：${report.agency.text}）` : ''}，应为“${report.agency?.text ?? '××机关'}${report.year?.value ?? '××××'}年政府信息公开工作年度报告”`,
        en: `The report has no title${report.agency ? ` (publisher: ${report.agency.text})` : ''}; expected “${report.agency?.text ?? '<agency>'}${report.year?.value ?? '<year>'}年政府信息公开工作年度报告”`,
      },
    });
  },
};
export default rule;
