import type { Rule } from '../../rule';
import { looksLikeReport, sectionCount } from '../../report-kind';

/**
 * A file checked as a report that does not read as one. Rules run on such a file only when the
 * user said it is a report (named on the command line, the report language or
 * `nianbao.detect: always` in the editor); in a folder run it is skipped with a note instead.
 */
const rule: Rule = {
  meta: {
    id: 'not-a-report',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '文件看起来不是政府信息公开工作年度报告', en: 'The file does not read as an annual report' },
  },
  check(ctx) {
    const { report, text } = ctx;
    if (looksLikeReport(report)) return;
    const first = text.search(/\S/);
    if (first < 0) return;
    const nl = text.indexOf('\n', first);
    const n = sectionCount(report);
    ctx.report_({
      range: { start: first, end: nl < 0 ? text.length : nl },
      message: {
        zh: `看起来不是政府信息公开工作年度报告：没有年报标题，没有表二、表三、表四，标准章节标题只有 ${n} 个`,
        en: `This does not read as an annual report: no report title, none of tables 2–4, and ${n} of the standard section headings`,
      },
    });
  },
};
export default rule;
