import type { Rule } from '../../rule';

/** Numbers the parser could not assign to cells unambiguously: said once, never guessed at. */
const rule: Rule = {
  meta: {
    id: 'table-unreadable',
    category: 'table',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '表格中的数字无法可靠地对应到单元格（例如数字连在一起）', en: 'Table numbers cannot be assigned to cells unambiguously (e.g. digits run together)' },
    docs: {
      zh: '有些网页或 PDF 提取会把单元格连在一起（如 `801000081`）。解析器会利用勾稽关系尝试唯一地拆分；拆分不唯一或无法对应时报告本项，并且不对这些数字做求和检查，以免报出错误的和。一行的数值比单元格少、又无法确定哪个单元格空白时（如 PDF 文本中 14 个数值对 15 个单元格），报告该行缺几个数值；单元格里数字中间有空格（如“2 05”）时报告该单元格，其数值不参与求和。请在原文中用制表符或换行把单元格分开。',
      en: 'Some extractions run cells together (`801000081`). The parser splits them when the consistency rules allow exactly one split; otherwise it reports this and skips the sum checks on those numbers rather than report a wrong sum. A row with fewer numbers than cells where the blank cell cannot be placed (14 numbers for 15 cells in PDF text) is reported with the count; a cell with a space inside a number (“2 05”) is reported at the cell and left out of the sums. Separate the cells with tabs or line breaks.',
    },
  },
  check(ctx) {
    const { report } = ctx;
    for (const [name, t] of [['表二', report.table2], ['表三', report.table3], ['表四', report.table4]] as const) {
      for (const u of t?.unreadable ?? []) {
        ctx.report_({ range: u.range, message: { zh: `${name}：${u.reason.zh}`, en: `${name.replace('表', 'Table ')}: ${u.reason.en}` } });
      }
    }
  },
};
export default rule;
