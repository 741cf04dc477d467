import type { Rule } from '../../rule';
import { allValues, cornerFixAgrees, editable, isT3Corner, plus, related, shortRowLabel, sumOf, t3ColumnLabel, t4CellName, val } from './cells';

/** 表三 row totals (总计 = 自然人 + … + 其他) and 表四 group totals (总计 = 维持 + 纠正 + 其他 + 尚未审结). */
const rule: Rule = {
  meta: {
    id: 'table-row-total',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '表三每行的“总计”应等于六类申请人之和；表四每组的“总计”应等于四种结果之和', en: 'Table 3 row totals and table 4 group totals must equal the sum of their parts' },
    docs: {
      zh: '表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。表四的行政复议、未经复议直接起诉、复议后起诉三组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。快速修复把“总计”改为各项之和（如果错的是分项，请手工改分项）。“（七）总计”行的总计单元格也由 table-column-total 检查：两者算出的值不同时，修复只作为快速修复提供，不参与“全部修复”。',
      en: 'Every table 3 row: total = the six applicant columns. Each table 4 group: total = upheld + corrected + other + pending. The quick fix sets the total to the sum (if a part is wrong instead, edit the part). The （七）总计 row’s total cell is also checked by table-column-total: when the two sums differ, the fix is offered as a quick fix only, never applied by fix-all.',
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
          zh: `表三「${name}」行：总计 ${total} ≠ ${plus(parts)} = ${sum}`,
          en: `Table 3, row “${name}”: total ${total} ≠ ${plus(parts)} = ${sum}`,
        },
        related: partCols.map((i) => related(row.cells[i]!.range, `${t3ColumnLabel(t, i)} ${val(row.cells[i])}`)),
        hint: `= ${sum}`,
        fix: editable(totalCell)
          ? { title: { zh: `把总计改为 ${sum}`, en: `Set the total to ${sum}` }, edits: [{ range: totalCell.range, newText: String(sum) }], safe: !isT3Corner(t, row.key, totalCol) || cornerFixAgrees(report.table3!, t, sum) }
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
        message: { zh: `表四「${name}」：总计 ${total} ≠ ${plus(parts)} = ${sum}`, en: `Table 4, “${name}”: total ${total} ≠ ${plus(parts)} = ${sum}` },
        related: pIdx.map((i) => {
          const n = t4CellName(t, base + i);
          return { range: t4.cells[base + i]!.range, message: { zh: `${n.zh} ${val(t4.cells[base + i])}`, en: `${n.en} ${val(t4.cells[base + i])}` } };
        }),
        hint: `= ${sum}`,
        fix: editable(totalCell) ? { title: { zh: `把总计改为 ${sum}`, en: `Set the total to ${sum}` }, edits: [{ range: totalCell.range, newText: String(sum) }], safe: true } : undefined,
      });
    }
  },
};
export default rule;
