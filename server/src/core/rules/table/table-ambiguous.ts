import type { Rule } from '../../rule';

/** Digits run together that more than one reading makes consistent: listed as information, never an error. */
const rule: Rule = {
  meta: {
    id: 'table-ambiguous',
    category: 'table',
    defaultSeverity: 'info',
    fixable: false,
    description: { zh: '连在一起的数字有多种读法都符合勾稽关系，无法确定（列出各种读法）', en: 'Digits run together can be read in several ways that all satisfy the consistency rules (the readings are listed)' },
    docs: {
      zh: '网页抓取或复制的文本常把一行的单元格连在一起（如 `2410000025`、`30 0 0 0 03`）。解析器列出把这串数字切成该行各单元格的所有切法（空格处一定是单元格的分界，数字不以 0 开头），再用整张表的勾稽关系（表三每行总计、各列（七）总计、一+二=三+四；表四各组总计）选择：只有一种读法全部成立时按它读取；没有一种成立时，取违反关系最少且唯一的读法，并由求和规则报告违反之处；有几种读法都成立时报告本项（提示级别），列出这些读法，这些单元格不参与任何检查，不猜测数值。表二没有表内的勾稽关系，切法不唯一时同样列出。用 `nianbao explain 文件` 可查看每个表格是怎样读取的。请在原文中用制表符、空格或换行把单元格分开。',
      en: 'Text crawled or copied from web pages often runs a row’s cells together (`2410000025`, `30 0 0 0 03`). The parser lists every way to cut the digits into the row’s cells (a space always ends a cell; no number starts with 0) and lets the whole table’s consistency rules choose (table 3 row totals, the (7) total per column, 1 + 2 = 3 + 4; table 4 group totals): when exactly one reading satisfies them all it is read; when none does, the unique reading with the fewest broken rules is read and the sum rules report what is broken; when several do, this rule lists them (information only) and those cells take part in no check: no value is guessed. Table 2 has no rule inside the table; its rows with several cuttings are listed the same way. `nianbao explain FILE` shows how each table was read. Separate the cells with tabs, spaces or line breaks in the source.',
    },
  },
  check(ctx) {
    const { report } = ctx;
    for (const [name, t] of [['表二', report.table2], ['表三', report.table3], ['表四', report.table4]] as const) {
      for (const a of t?.ambiguous ?? []) {
        const zh = a.readings.map((r) => r.join(' ')).join('；');
        const en = a.readings.map((r) => r.join(' ')).join('; ');
        ctx.report_({
          range: a.range,
          message: {
            zh: `${name}「${a.where.zh}」的数字连在一起，有 ${a.readings.length} 种读法都符合勾稽关系，无法确定：${zh}`,
            en: `${name.replace('表', 'Table ')}, “${a.where.en}”: the digits run together and ${a.readings.length} readings all satisfy the consistency rules: ${en}`,
          },
        });
      }
    }
  },
};
export default rule;
