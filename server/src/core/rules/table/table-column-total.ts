import type { Cell } from '../../model';
import type { Rule } from '../../rule';
import { columnTotalParts, editable, plus, related, sumOf, t3ColumnLabel, t3FixCertain, val } from './cells';

/** 表三 per column: （七）总计 = the sum of the result rows （一）…（六）. */
const rule: Rule = {
  meta: {
    id: 'table-column-total',
    category: 'table',
    defaultSeverity: 'error',
    fixable: true,
    description: { zh: '表三“（七）总计”应等于各项办理结果之和（每列）', en: 'Table 3 “(7) total” must equal the sum of the result rows, per column' },
  },
  check(ctx) {
    const t3 = ctx.report.table3;
    if (!t3) return;
    const found = columnTotalParts(t3, ctx.template);
    if (!found) return; // a part is missing: the sums cannot be checked
    const { total: totalRow, parts: partRows } = found;
    for (let col = 0; col < t3.columns.length; col++) {
      const cells = partRows.map((r) => r.cells[col]);
      const values = cells.map(val);
      if (values.some((v) => v === undefined)) continue;
      const totalCell = totalRow.cells[col];
      const total = val(totalCell);
      if (total === undefined) continue;
      const sum = sumOf(values as number[]);
      if (sum === total) continue;
      const colName = t3ColumnLabel(ctx.template, col);
      const nonZero = partRows.map((r, i) => ({ r, v: values[i]!, c: cells[i] as Cell })).filter((x) => x.v !== 0);
      ctx.report_({
        range: totalCell!.range,
        message: {
          zh: `表三“${colName}”列：（七）总计 ${total} ≠ 各项办理结果之和 ${nonZero.length ? plus(nonZero.map((x) => x.v)) : '0'} = ${sum}`,
          en: `Table 3, column “${colName}”: (7) total ${total} ≠ sum of the results ${nonZero.length ? plus(nonZero.map((x) => x.v)) : '0'} = ${sum}`,
        },
        related: nonZero.map((x) => related(x.c.range, `${x.r.label.standard} ${x.v}`)),
        hint: `= ${sum}`,
        fix: editable(totalCell)
          ? { title: { zh: `把（七）总计改为 ${sum}`, en: `Set (7) total to ${sum}` }, edits: [{ range: totalCell.range, newText: String(sum) }], safe: t3FixCertain(t3, ctx.template, totalRow, col, sum) }
          : undefined,
      });
    }
  },
};
export default rule;
