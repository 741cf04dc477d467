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
