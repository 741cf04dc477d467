import type { Rule } from '../../rule';
import { allValues, editable, plus, related, shortRowLabel, sumOf, t3ColumnLabel, t3FixCertain, t4CellName, val } from './cells';

/** 表三 row totals (总计 = 自然人 + … + 其他) and 表四 group totals (总计 = 维持 + 纠正 + 其他 + 尚未审结). */
const rule: Rule = {
  meta: {
    id: 'table-row-total',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '表三每行的“总计”应等于六类申请人之和；表四每组的“总计”应等于四种结果之和', en: 'Table 3 row totals and table 4 group totals must equal the sum of their parts' },
    docs: {
      zh: '表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。表四的行政复议、未经复议直接起诉、复议后起诉三组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。快速修复把“总计”改为各项之和，但错的也可能是某个分项，所以一般只作为快速修复提供，`--fix` 和“全部修复”不会应用。只有在能确定错的是总计时才自动应用：表三中这个总计单元格所在的每一个勾稽关系（本行合计、“总计”列的（七）总计、该列的“一+二=三+四”）用改后的值都成立，且至少有两个。例如只有一个分项写错时，行和列的总计都不会被改动。表四每组只有一个等式，一般无法确定，只在没有哪个分项可能是错的那一个时自动应用：总计比各项之和少得比任何一个分项都多（件数不能为负），或总计为 0 而分项不为 0（总计漏填，实际报告中常见）。',
      en: 'Every table 3 row: total = the six applicant columns. Each table 4 group: total = upheld + corrected + other + pending. The quick fix sets the total to the sum; but a part may be the wrong number instead, so the fix is in general offered as a quick fix only, and `--fix` and fix-all do not apply it. It is applied only when the total is certainly the wrong cell: in table 3, every consistency check the cell is in (its row, the 总计 column’s （七）总计, that column’s “1 + 2 = 3 + 4”) holds with the new value, and there are at least two of them. So one wrong part never makes fix-all change a total. A table 4 group has one equation only, so its total fix is applied automatically only when no part can be the wrong number: the total is below the sum by more than any part (a count cannot be negative), or it is 0 while the parts are not (a total left unfilled, common in real reports).',
    },
  },
  check(ctx) {
    const { report, template: t } = ctx;
    const spec = t.table3.checks.rowTotal;
    const totalCol = t.table3.columns.findIndex((c) => c.key === spec.total);
    const partCols = spec.parts.map((k) => t.table3.columns.findIndex((c) => c.key === k));
    for (const row of report.table3?.rows ?? []) {
      const parts = allValues(partCols.map((i) => row.cells[i]));
      const totalCell = row.cells[totalCol];
      const total = val(totalCell);
      if (!parts || total === undefined) continue;
      const sum = sumOf(parts);
      if (sum === total) continue;
      const name = shortRowLabel(row.label.standard);
      ctx.report_({
        range: totalCell!.range,
        message: {
          zh: `表三“${name}”行：总计 ${total} ≠ ${plus(parts)} = ${sum}`,
          en: `Table 3, row “${name}”: total ${total} ≠ ${plus(parts)} = ${sum}`,
        },
        related: partCols.map((i) => related(row.cells[i]!.range, `${t3ColumnLabel(t, i)} ${val(row.cells[i])}`)),
        hint: `= ${sum}`,
        fix: editable(totalCell)
          ? { title: { zh: `把总计改为 ${sum}`, en: `Set the total to ${sum}` }, edits: [{ range: totalCell.range, newText: String(sum) }], safe: t3FixCertain(report.table3!, t, row, totalCol, sum) }
          : undefined,
      });
    }
    const t4 = report.table4;
    if (!t4) return;
    const per = t.table4.columns.length;
    const g = t.table4.checks.groupTotal;
    const tIdx = t.table4.columns.findIndex((c) => c.key === g.total);
    const pIdx = g.parts.map((k) => t.table4.columns.findIndex((c) => c.key === k));
    for (let gi = 0; gi < t.table4.groups.length; gi++) {
      const base = gi * per;
      const parts = allValues(pIdx.map((i) => t4.cells[base + i]));
      const totalCell = t4.cells[base + tIdx];
      const total = val(totalCell);
      if (!parts || total === undefined) continue;
      const sum = sumOf(parts);
      if (sum === total) continue;
      const name = t.table4.groups[gi]!.label;
      ctx.report_({
        range: totalCell!.range,
        message: { zh: `表四“${name}”：总计 ${total} ≠ ${plus(parts)} = ${sum}`, en: `Table 4, “${name}”: total ${total} ≠ ${plus(parts)} = ${sum}` },
        related: pIdx.map((i) => {
          const n = t4CellName(t, base + i);
          return { range: t4.cells[base + i]!.range, message: { zh: `${n.zh} ${val(t4.cells[base + i])}`, en: `${n.en} ${val(t4.cells[base + i])}` } };
        }),
        hint: `= ${sum}`,
        fix: editable(totalCell) ? { title: { zh: `把总计改为 ${sum}`, en: `Set the total to ${sum}` }, edits: [{ range: totalCell.range, newText: String(sum) }], safe: onlyTotalFits(total, parts) } : undefined,
      });
    }
  },
};
/**
 * One equation (a 表四 group) cannot tell a wrong total from a wrong part, unless no part could be
 * the wrong one: the total is below the sum by more than any part (a count cannot be negative),
 * or it is 0 while parts are not (a total left unfilled, as in real reports).
 */
function onlyTotalFits(total: number, parts: number[]): boolean {
  const sum = sumOf(parts);
  return total === 0 || parts.every((p) => p < sum - total);
}

export default rule;
